/**
 * Issue 19's media acceptance, in Chromium through the web host, with media the test makes itself: a 10 s WAV
 * written in code and served by a loopback server, and a 5 s WebM recorded in the page (MediaRecorder on a
 * canvas stream; Debian's ffmpeg is not on these machines). Bad addresses (a 404, a web page) are refused with a
 * sentence and add nothing, as does a file that cannot be decoded; the audio becomes a canvas, the video a second clip on its timeline, the clips'
 * times are set by dragging and typing, an image canvas of the document is attached as accompanying canvas
 * (another as placeholder); the preview plays it; saved, the file passes the official schema and reopens the same.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wavBytes } from '../fixtures/media';
import { expectAccessible } from './axe-check';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { addRecordedFilmAsClip } from './time-place-steps';

interface Annotation {
  id: string;
  type: string;
  motivation: string;
  target: string;
  body: { id: string; type: string; format: string; duration: number; width?: number; height?: number };
}
interface Canvas {
  id: string;
  type: string;
  duration?: number;
  width?: number;
  height?: number;
  items: { items: Annotation[] }[];
  accompanyingCanvas?: Canvas;
  placeholderCanvas?: Canvas;
}

describe('audio and video canvases', () => {
  const app = useHostAndBrowser();
  let media: http.Server;
  let mediaOrigin = '';
  const schema = officialSchemaChecks();
  let saved: Canvas[] = [];
  let savedText = '';

  beforeAll(async () => {
    const wav = wavBytes(10);
    media = http.createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://x').pathname;
      if (pathname === '/tone.wav') {
        response.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': wav.length });
        response.end(wav);
      } else if (pathname === '/player.html') {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<!doctype html><title>Listen</title><audio src="tone.wav"></audio>');
      } else {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
      }
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    mediaOrigin = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => media?.close(resolve));
  });

  const count = (page: Page) => page.getByTestId('canvas-count').textContent();

  it('refuses a 404 and a web page with a sentence, adding nothing', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.getByRole('button', { name: 'Add audio/video…' }).click();
    const address = page.getByLabel('Media address');
    await address.fill(`${mediaOrigin}/missing.wav`);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('media-error').textContent())
      .toMatch(/nothing at this address \(404\)/);
    await address.fill(`${mediaOrigin}/player.html`);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('media-error').textContent())
      .toMatch(/is a web page, not audio or video/);
    // A file that says it is a WAV but has no sound in it: stored, not decodable, removed again.
    const broken = Buffer.concat([wavBytes(1).subarray(0, 12), Buffer.from('this is not a format chunk')]);
    await page
      .getByTestId('media-file')
      .setInputFiles({ name: 'broken.wav', mimeType: 'audio/wav', buffer: broken });
    await expect
      .poll(() => page.getByTestId('media-error').textContent())
      .toMatch(/"broken\.wav" could not be decoded|duration of "broken\.wav" could not be read/);
    expect(await count(page)).toContain('4 canvases');
    expect(await readdir(path.join(app.host.workspace, 'local-images')).catch(() => [])).toEqual([]);
    await expectAccessible(page, 'the Add audio or video dialog, with an error');
  });

  it('adds the 10 s audio as a canvas and the 5 s video as its second clip', async () => {
    const { page } = app;
    await page.getByLabel('Media address').fill(`${mediaOrigin}/tone.wav`);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByTestId('media-status').textContent()).toMatch(/Added .*audio, 10\.0 s/);
    await expect.poll(() => count(page)).toContain('5 canvases');

    await addRecordedFilmAsClip(page);
    expect(await count(page)).toContain('5 canvases');
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    // The file was stored in the workspace's local images.
    const stored = await readdir(path.join(app.host.workspace, 'local-images'));
    expect(stored).toContain('film');
    expect(existsSync(path.join(app.host.workspace, 'local-images', 'film', 'film.webm'))).toBe(true);

    const timeline = page.getByRole('group', { name: /^Timeline:/ });
    await expect.poll(() => timeline.getByRole('button').count()).toBe(2);
    expect(await timeline.getByRole('button').first().getAttribute('aria-label')).toBe(
      'tone.wav, 00:00:00.0 to 00:00:10.0',
    );
  });

  it('sets the two clips by dragging on the timeline and by typing times', async () => {
    const { page } = app;
    const timeline = page.getByRole('group', { name: /^Timeline:/ });
    // Clip 2 (the film) by typing.
    await timeline.getByRole('button', { name: /^film\.webm/ }).click();
    await page.getByLabel('Clip 2 start').fill('00:00:11.0');
    await page.getByLabel('Clip 2 end').fill('0:14.5');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect
      .poll(() => timeline.getByRole('button', { name: /^film\.webm/ }).getAttribute('aria-label'))
      .toBe('film.webm, 00:00:11.0 to 00:00:14.5');
    // Clip 1 (the tone) by dragging across the track, from 10% to 40% of it.
    await timeline.getByRole('button', { name: /^tone\.wav/ }).click();
    const track = page.getByTestId('timeline-track');
    const box = await track.boundingBox();
    if (!box) throw new Error('no timeline track');
    const y = box.y + box.height - 3;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.25, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 4 });
    await page.mouse.up();
    const tone = timeline.getByRole('button', { name: /^tone\.wav/ });
    await expect.poll(() => tone.getAttribute('aria-label')).not.toBe('tone.wav, 00:00:00.0 to 00:00:10.0');
    const [, from, to] =
      /(\d\d:\d\d:\d\d\.\d) to (\d\d:\d\d:\d\d\.\d)/.exec((await tone.getAttribute('aria-label')) ?? '') ??
      [];
    const seconds = (text = '') => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    const duration = seconds('00:00:15.0');
    // Within a tenth of a second of where the pointer went (the canvas is ~15 s long: the video runs to ~15 s).
    expect(Math.abs(seconds(from) - 0.1 * duration)).toBeLessThan(0.6);
    expect(Math.abs(seconds(to) - 0.4 * duration)).toBeLessThan(0.6);
    // The keyboard drives the playhead slider.
    const playhead = page.getByRole('slider', { name: 'Playback position' });
    await playhead.focus();
    await page.keyboard.press('End');
    expect(Number(await playhead.getAttribute('aria-valuenow'))).toBeGreaterThan(14);
  });

  it('attaches an image canvas as accompanying canvas and another as placeholder', async () => {
    const { page } = app;
    const accompanying = page.getByLabel('Accompanying canvas from a canvas of this manifest');
    await accompanying.selectOption({ index: 1 });
    await expect.poll(() => page.getByLabel('Accompanying canvas label').count()).toBe(1);
    await page.getByLabel('Placeholder canvas from a canvas of this manifest').selectOption({ index: 2 });
    await expect.poll(() => page.getByLabel('Placeholder canvas label').count()).toBe(1);
    await expectAccessible(page, 'the media editor with two clips and both companions');
  });

  it('plays in the preview: placeholder before play, accompanying canvas while playing', async () => {
    const { page } = app;
    await page.getByTestId('preview-toggle').click();
    const player = page.getByTestId('media-player');
    await player.waitFor();
    await page.getByTestId('Placeholder canvas').waitFor();
    // The media element reaches canplay (readyState HAVE_FUTURE_DATA).
    await expect
      .poll(() => page.getByTestId('media-element').evaluate((el) => (el as HTMLMediaElement).readyState))
      .toBeGreaterThanOrEqual(3);
    await player.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('Accompanying canvas').waitFor();
    expect(await page.getByTestId('Placeholder canvas').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press('k');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    // J and L move 10 s, the arrows 5 s (times on the playhead slider, in seconds).
    const playhead = page.getByRole('slider', { name: 'Playback position' });
    const at = async () => Number(await playhead.getAttribute('aria-valuenow'));
    await player.focus();
    await page.keyboard.press('j');
    await expect.poll(at).toBeLessThan(1.5);
    await page.keyboard.press('l');
    await expect.poll(at).toBeGreaterThanOrEqual(10);
    // Crossing into the video clip mounts its element, whose metadata and first timeupdate may still move the
    // clock after the first reading: the arrow's 5 s are measured from where it rests.
    let afterL = await at();
    await expect
      .poll(async () => {
        const previous = afterL;
        afterL = await at();
        return afterL === previous && afterL >= 10;
      })
      .toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(at).toBeLessThanOrEqual(afterL - 4.9);
    await expectAccessible(page, 'the preview playing a time-based canvas');
    await page.getByTestId('preview-exit').click();
  });

  it('saves a manifest with Sound and Video clips targeting #t= spans', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('media.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved media.json');
    savedText = await readFile(path.join(app.host.workspace, 'media.json'), 'utf8');
    const doc = JSON.parse(savedText) as { items: Canvas[] };
    schema.add('media.json', doc);
    saved = doc.items;
    const canvas = saved.find((c) => c.duration !== undefined);
    if (!canvas) throw new Error('no time-based canvas saved');
    expect(canvas.duration).toBeGreaterThan(14);
    expect([canvas.width, canvas.height]).toEqual([160, 120]);
    const [tone, film] = canvas.items[0]?.items ?? [];
    expect(tone?.body).toEqual({
      id: `${mediaOrigin}/tone.wav`,
      type: 'Sound',
      format: 'audio/wav',
      duration: 10,
    });
    const [start, end] = (/#t=([\d.]+),([\d.]+)$/.exec(tone?.target ?? '') ?? []).slice(1).map(Number);
    expect(tone?.target.startsWith(`${canvas.id}#t=`)).toBe(true);
    expect(Math.abs((start ?? 0) - 1.5)).toBeLessThan(0.6);
    expect(Math.abs((end ?? 0) - 6)).toBeLessThan(0.6);
    expect(film?.body).toMatchObject({ type: 'Video', format: 'video/webm', width: 160, height: 120 });
    expect(film?.body.id).toBe(`${app.host.origin}/local-images/film/film.webm`);
    expect(film?.target).toBe(`${canvas.id}#t=11,14.5`);
    expect(canvas.accompanyingCanvas?.type).toBe('Canvas');
    expect(canvas.accompanyingCanvas?.id).not.toBe(saved[0]?.id);
    expect(canvas.accompanyingCanvas?.items[0]?.items[0]?.motivation).toBe('painting');
    expect(canvas.placeholderCanvas?.type).toBe('Canvas');
  });

  it('reopens the same', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'media.json');
    await page
      .getByTestId('canvas-cell')
      .nth(saved.findIndex((c) => c.duration !== undefined))
      .click();
    const timeline = page.getByRole('group', { name: /^Timeline:/ });
    await expect.poll(() => timeline.getByRole('button').count()).toBe(2);
    expect(await timeline.getByRole('button', { name: /^film\.webm/ }).getAttribute('aria-label')).toBe(
      'film.webm, 00:00:11.0 to 00:00:14.5',
    );
    expect(await page.getByLabel('Accompanying canvas label').count()).toBe(1);
    expect(await readFile(path.join(app.host.workspace, 'media.json'), 'utf8')).toBe(savedText);
    // A clip removed is one step, undone as one.
    await timeline.getByRole('button', { name: /^tone\.wav/ }).click();
    await page.getByRole('button', { name: 'Remove clip 1' }).click();
    await expect.poll(() => timeline.getByRole('button').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => timeline.getByRole('button').count()).toBe(2);
    expect(app.session.offLoopback).toEqual([]);
  });

  schema.test('the saved media manifest');
});
