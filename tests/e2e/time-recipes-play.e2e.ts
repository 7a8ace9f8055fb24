/**
 * Issue 19's acceptance "the time-based recipes open and play in the preview", in Chromium through the web host.
 * Every time-based recipe of ../shared/corpus/p3/cookbook (the same set the save-unchanged conformance test
 * checks: time-recipes-corpus.ts) is opened from the workspace, each of its time-based canvases is shown in the
 * preview, and its audio or video element must reach `canplay` (readyState HAVE_FUTURE_DATA).
 *
 * Nothing leaves 127.0.0.1: the recipes' media live on fixtures.iiif.io and iiif.io, so each recipe is opened
 * with its content resources rewritten to loopback copies the test makes itself: a WAV written in code for
 * Sound, a WebM recorded in the page for Video, a PNG drawn by sharp for Image, a WebVTT or text file for Text.
 * Image services are dropped from the copies (they would send the viewer to iiif.io for tiles): a placeholder,
 * an accompanying canvas or a picture on the timeline is then drawn from its loopback image, which must load.
 * A body in a format Chromium says it cannot play is served as what it is not (a text file), so a player that
 * chose it over a playable alternative (a Choice) would fail as a real viewer would. A stream format (HLS, DASH)
 * that Chromium cannot play is skipped with its reason, not passed, as is a recipe whose only format this
 * Chromium cannot play. Figures are printed: canvases played, recipes skipped and why.
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../shared/iiif/json';
import { canvasDuration, clipsOf } from '../../shared/iiif/media';
import { wavBytes } from '../fixtures/media';
import {
  canvasesOf,
  cookbook,
  cookbookPresent,
  NAMED,
  parseRecipe,
  timeRecipes,
} from '../conformance/time-recipes-corpus';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { recordWebm } from './time-place-steps';

/** Streaming formats: a manifest naming one cannot be played from a file copy, so it is skipped, with why. */
const STREAM_FORMATS = /mpegurl|dash\+xml|m3u8|\.mpd$/i;

interface Served {
  readonly body: Buffer;
  readonly type: string;
}

/** The loopback copies: path → bytes and content type. */
type Files = Map<string, Served>;

interface Stock {
  readonly wav: Buffer;
  readonly webm: Buffer;
  readonly png: Buffer;
  readonly vtt: Buffer;
  /** Whether this Chromium can play a declared format (HTMLMediaElement.canPlayType), by format. */
  readonly playable: ReadonlyMap<string, boolean>;
}

const CONTENT_TYPES = ['Sound', 'Audio', 'Video', 'Image', 'Text'];

/** The loopback copy for a content resource, by its type (and format, for unplayable or caption files). */
function copyFor(resource: JsonObject, stock: Stock): { ext: string; served: Served } {
  const format = typeof resource.format === 'string' ? resource.format : '';
  const unplayable = format !== '' && stock.playable.get(format) === false;
  switch (resource.type) {
    case 'Sound':
    case 'Audio':
    case 'Video':
      if (unplayable) return { ext: 'bin', served: { body: Buffer.from('not media'), type: format } };
      return resource.type === 'Video'
        ? { ext: 'webm', served: { body: stock.webm, type: 'video/webm' } }
        : { ext: 'wav', served: { body: stock.wav, type: 'audio/wav' } };
    case 'Image':
      return { ext: 'png', served: { body: stock.png, type: 'image/png' } };
    default:
      return format === 'text/vtt'
        ? { ext: 'vtt', served: { body: stock.vtt, type: 'text/vtt' } }
        : { ext: 'txt', served: { body: Buffer.from('A transcript.'), type: 'text/plain' } };
  }
}

/**
 * The recipe with every content resource's address on the loopback server (a `#t=` fragment kept), and the
 * files to serve there. Only content is rewritten: canvas, annotation and range ids stay as they are.
 */
function loopbackCopy(doc: JsonObject, base: string, stock: Stock, files: Files): JsonObject {
  const copies = new Map<string, string>();
  const walk = (node: JsonValue): JsonValue => {
    if (isJsonArray(node)) return node.map(walk);
    if (!isJsonObject(node)) return node;
    const out: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    const id = node.id;
    if (typeof node.type !== 'string' || !CONTENT_TYPES.includes(node.type) || typeof id !== 'string')
      return out;
    if (!/^https?:/.test(id)) return out;
    const [address = '', fragment] = id.split('#');
    let copy = copies.get(address);
    if (copy === undefined) {
      const { ext, served } = copyFor(node, stock);
      copy = `${base}/${copies.size}.${ext}`;
      copies.set(address, copy);
      files.set(new URL(copy).pathname, served);
    }
    out['id'] = fragment === undefined ? copy : `${copy}#${fragment}`;
    if (node.type === 'Image') delete out['service'];
    return out;
  };
  return walk(doc) as JsonObject;
}

/** The stream formats a recipe's painting media are in, if any. */
function streamFormats(doc: JsonObject): string[] {
  const found = new Set<string>();
  const walk = (node: JsonValue) => {
    if (isJsonArray(node)) return node.forEach(walk);
    if (!isJsonObject(node)) return;
    const format = typeof node.format === 'string' ? node.format : '';
    const id = typeof node.id === 'string' ? node.id : '';
    if (STREAM_FORMATS.test(format) || /\.m3u8(\?|#|$)/.test(id)) found.add(format || id);
    Object.values(node).forEach(walk);
  };
  walk(doc);
  return [...found];
}

/** An <img> has loaded its picture (complete, with a size). */
const imageLoaded = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

const recipes = timeRecipes();

if (!cookbookPresent) {
  const reason = `the IIIF cookbook is not at ${cookbook}`;
  console.warn(`Time recipes play e2e skipped: ${reason}`);
  describe.skip(`time-based recipes play in the preview (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  describe('time-based cookbook recipes play in the preview', () => {
    let host: HostProcess;
    let session: BrowserSession;
    let server: http.Server;
    let origin = '';
    const files: Files = new Map();
    let stock: Stock;
    const played: string[] = [];
    /** Recipes skipped with a reason (a stream, a format this Chromium cannot play). */
    const skipped: string[] = [];

    beforeAll(async () => {
      server = http.createServer((request, response) => {
        const file = files.get(new URL(request.url ?? '/', 'http://x').pathname);
        response.setHeader('Access-Control-Allow-Origin', '*');
        if (!file) {
          response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
        response.end(file.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      host = await startHost();
      session = await openBrowser();
      await openApp(session.page, host.url);
      const formats = [
        ...new Set(
          recipes.flatMap((r) =>
            [...r.text.matchAll(/"format"\s*:\s*"((?:audio|video)\/[^"]+)"/g)].map((m) => m[1] ?? ''),
          ),
        ),
      ];
      const playable = await session.page.evaluate(
        (list) => list.map((f) => document.createElement('video').canPlayType(f) !== ''),
        formats,
      );
      stock = {
        wav: wavBytes(2),
        webm: await recordWebm(session.page, 1),
        png: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#5a7' } })
          .png()
          .toBuffer(),
        vtt: Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nA caption.\n'),
        playable: new Map(formats.map((f, i) => [f, playable[i] ?? false])),
      };
      console.log(
        `time recipes: formats Chromium cannot play here: ${formats.filter((f) => !stock.playable.get(f)).join(', ') || 'none'}`,
      );
    });
    afterAll(async () => {
      await session?.close();
      await host?.stop();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('are the recipes the issue names, among others found by content', () => {
      const names = recipes.map((r) => r.name);
      for (const [what, name] of Object.entries(NAMED)) expect(names, what).toContain(name);
    });

    it.for(recipes.map((r) => [r.name, r] as const))('%s plays', async ([, recipe], context) => {
      const original = parseRecipe(recipe);
      const skip = (reason: string) => {
        skipped.push(recipe.name);
        context.skip(reason);
      };
      const streams = streamFormats(original);
      if (streams.length > 0) skip(`a stream format Chromium cannot play from a file: ${streams.join(', ')}`);
      // A clip whose only format this Chromium cannot play (a build without H.264, say) is the browser's limit,
      // not the preview's: said, not passed.
      const canPlay = (format: string) => stock.playable.get(format) ?? true;
      const unplayable = canvasesOf(original)
        .flatMap((canvas) => clipsOf(canvas, canPlay))
        .map((clip) => (typeof clip.body?.format === 'string' ? clip.body.format : ''))
        .filter((format) => format !== '' && !canPlay(format));
      if (unplayable.length > 0)
        skip(`this Chromium cannot play the recipe's ${[...new Set(unplayable)].join(', ')}`);
      const stem = recipe.name.replace(/\.json$/, '');
      const doc = loopbackCopy(original, `${origin}/${stem}`, stock, files);
      await writeFile(path.join(host.workspace, recipe.name), JSON.stringify(doc, null, 2));
      const { page } = session;
      // A recipe that failed before may have left its preview open.
      if ((await page.getByTestId('preview-exit').count()) > 0)
        await page.getByTestId('preview-exit').click();
      await openWorkspaceFile(page, recipe.name);

      const canvases = isJsonArray(doc.items) ? doc.items.filter(isJsonObject) : [];
      for (const [index, canvas] of canvases.entries()) {
        if (canvasDuration(canvas) === undefined) continue;
        const what = `${recipe.name} canvas ${index + 1}`;
        await page.getByTestId('canvas-cell').nth(index).click();
        await page.getByTestId('preview-toggle').click();
        const player = page.getByTestId('media-player');
        await player.waitFor();
        if (isJsonObject(canvas.placeholderCanvas))
          await expect.poll(() => imageLoaded(page, 'Placeholder canvas'), { message: what }).toBe(true);
        const media = clipsOf(canvas).filter((c) => c.media && c.media.type !== 'Image');
        if (media.length > 0) {
          // Where the canvas starts with something else (a caption card, a picture), the player goes to the
          // first audio or video clip, as a reader would with the timeline.
          const first = media[0]?.span.start ?? 0;
          const playhead = page.getByRole('slider', { name: 'Playback position' });
          const at = async () => Number(await playhead.getAttribute('aria-valuenow'));
          await playhead.focus();
          while ((await at()) < first)
            await page.keyboard.press(first - (await at()) >= 10 ? 'PageUp' : 'ArrowRight');
          await expect
            .poll(
              () => page.getByTestId('media-element').evaluate((el) => (el as HTMLMediaElement).readyState),
              { message: what },
            )
            .toBeGreaterThanOrEqual(3);
        } else {
          // Pictures on a timeline: no media element; the first one shows and the player's clock runs.
          await expect.poll(() => imageLoaded(page, 'media-image'), { message: what }).toBe(true);
        }
        const clock = page.getByTestId('player-time');
        const before = await clock.textContent();
        await page.getByRole('button', { name: 'Play', exact: true }).click();
        await expect
          .poll(() => page.getByRole('button', { name: 'Pause' }).count(), { message: what })
          .toBe(1);
        // Playing, the player's clock runs (the media's own, or the player's for pictures).
        await expect.poll(() => clock.textContent(), { message: what }).not.toBe(before);
        if (isJsonObject(canvas.accompanyingCanvas))
          await expect.poll(() => imageLoaded(page, 'Accompanying canvas'), { message: what }).toBe(true);
        await page.getByRole('button', { name: 'Pause' }).click();
        await page.getByTestId('preview-exit').click();
        played.push(what);
      }
      expect(session.offLoopback).toEqual([]);
    });

    it('played every time-based canvas, with nothing fetched off loopback', () => {
      console.log(
        `time recipes: ${played.length} canvases of ${recipes.length - skipped.length} recipes played in the ` +
          `preview; skipped: ${skipped.join(', ') || 'none'}`,
      );
      const expected = recipes
        .filter((r) => !skipped.includes(r.name))
        .map(parseRecipe)
        .flatMap((doc) => (isJsonArray(doc.items) ? doc.items.filter(isJsonObject) : []))
        .filter((canvas) => canvasDuration(canvas) !== undefined);
      expect(played.length).toBe(expected.length);
      expect(session.offLoopback).toEqual([]);
    });
  });
}
