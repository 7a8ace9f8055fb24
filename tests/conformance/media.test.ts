/**
 * Time-based canvases over the cookbook in ../shared/corpus: every canvas with a duration is read as a timeline
 * of clips that play something (an address, Sound, Video or Image, where in the file), inside the canvas's duration,
 * and setting a clip to the span it already has changes nothing (so an untouched recipe saves as it was read).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isJsonArray, isJsonObject, type JsonObject } from '../../shared/iiif/json';
import { canvasDuration, clipsOf, setClipSpan } from '../../shared/iiif/media';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
const cookbook = path.join(corpus, 'p3', 'cookbook');

function timedCanvases(file: string): JsonObject[] {
  const doc = JSON.parse(readFileSync(path.join(cookbook, file), 'utf8')) as JsonObject;
  const items = isJsonArray(doc.items) ? doc.items : [];
  return items.filter(isJsonObject).filter((c) => canvasDuration(c) !== undefined);
}

describe.skipIf(!existsSync(cookbook))('time-based cookbook recipes', () => {
  const files = existsSync(cookbook) ? readdirSync(cookbook).filter((f) => f.endsWith('.json')) : [];
  const timed = files.filter((file) => timedCanvases(file).length > 0);

  it('finds the audio, video, accompanying and placeholder recipes', () => {
    for (const recipe of [
      '0002-mvm-audio.json',
      '0003-mvm-video.json',
      '0013-placeholderCanvas.json',
      '0014-accompanyingcanvas.json',
    ])
      expect(timed).toContain(recipe);
  });

  it.each(timed)('%s: every time-based canvas plays its clips inside its duration', (file) => {
    for (const canvas of timedCanvases(file)) {
      const duration = canvasDuration(canvas) ?? 0;
      const clips = clipsOf(canvas);
      expect(clips.length, String(canvas.id)).toBeGreaterThan(0);
      for (const clip of clips) {
        expect(clip.span.end).toBeLessThanOrEqual(duration);
        expect(setClipSpan(canvas, clip.page, clip.item, clip.span)).toEqual(canvas);
        // Text painted for a time (0489's cards) plays nothing: the player's clock runs over it.
        if (clip.body?.type === 'TextualBody') continue;
        expect(clip.media?.url, `${String(canvas.id)} clip`).toMatch(/^https?:\/\//);
        // Images too: a slideshow painted over time (0560), a poster beside a film (0489).
        expect(['Sound', 'Video', 'Audio', 'Image']).toContain(clip.media?.type);
        expect(clip.span.start).toBeGreaterThanOrEqual(0);
        expect(clip.span.end).toBeLessThanOrEqual(duration);
        expect(clip.span.end).toBeGreaterThan(clip.span.start);
        expect(setClipSpan(canvas, clip.page, clip.item, clip.span)).toEqual(canvas);
      }
    }
  });
});
