/**
 * Issue 19's acceptance in one document, as a person does it in Chromium through the web host, with media the
 * test makes itself and nothing leaving 127.0.0.1: a 10 s WAV file (written in code) becomes an audio canvas,
 * a 5 s WebM (recorded in the page) its second clip; both clips are timed on the timeline; an image canvas of
 * the document is attached as accompanying canvas; a Range per clip is made over its time span in the
 * structure panel; the video's part is captioned from a WebVTT file; a navPlace polygon is drawn on the offline
 * world map. Saved, the file passes the official schema and our validator; reopened, it shows the same clips,
 * Ranges, captions, companion and place, and a second save without edits writes the same bytes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/iiif/json';
import { validate } from '../../shared/iiif/validation';
import { wavBytes } from '../fixtures/media';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import {
  drawTriangle,
  drawnPaths,
  listedTargets,
  newTimeRange,
  openPlaceEditor,
  addRecordedFilmAsClip,
  rowLabels,
  saveAs,
  type Json,
} from './time-place-steps';

/** Captions for the film's part of the recording (it plays from 10 s to 14.5 s). */
const CAPTIONS = [
  'WEBVTT',
  '',
  '00:00:10.500 --> 00:00:12.000',
  'The film begins.',
  '',
  '00:00:12.000 --> 00:00:14.000',
  'It ends in colour.',
  '',
].join('\n');

const TONE = 'tone.wav, 00:00:00.5 to 00:00:09.5';
const FILM = 'film.webm, 00:00:10.0 to 00:00:14.5';
/** The timeline shows the annotations in time after the clips. */
const CAPTIONED = [
  'The film begins., 00:00:10.5 to 00:00:12.0',
  'It ends in colour., 00:00:12.0 to 00:00:14.0',
];

const timeline = (page: Page) => page.getByRole('group', { name: /^Timeline:/ });
const clipLabels = (page: Page) =>
  timeline(page)
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
const annotationCount = (page: Page) =>
  page.getByTestId('annotation-panel').getByTestId('annotation-count').textContent();

describe('time and place in one document', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  /** The index of the time-based canvas in the grid (it is added next to the canvas selected before). */
  let TIMED = -1;
  let savedText = '';
  let canvasId = '';

  it('adds a 10 s audio file as a canvas and a 5 s video as its second clip', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.getByRole('button', { name: 'Add audio/video…' }).click();
    await page
      .getByTestId('media-file')
      .setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: wavBytes(10) });
    await expect
      .poll(() => page.getByTestId('media-status').textContent(), { timeout: 30_000 })
      .toMatch(/Added tone\.wav \(audio, 10\.0 s\)/);
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');

    await addRecordedFilmAsClip(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => timeline(page).getByRole('button').count()).toBe(2);
    TIMED = await page
      .getByTestId('canvas-cell')
      .evaluateAll((cells) => cells.findIndex((cell) => cell.getAttribute('aria-selected') === 'true'));
    expect(TIMED).toBeGreaterThanOrEqual(0);
  });

  it('sets the two clips on the timeline by typing their times', async () => {
    const { page } = app;
    await timeline(page)
      .getByRole('button', { name: /^tone\.wav/ })
      .click();
    await page.getByLabel('Clip 1 start').fill('0:00.5');
    await page.getByLabel('Clip 1 end').fill('9.5');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await timeline(page)
      .getByRole('button', { name: /^film\.webm/ })
      .click();
    await page.getByLabel('Clip 2 start').fill('00:00:10.0');
    await page.getByLabel('Clip 2 end').fill('0:14.5');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => clipLabels(page)).toEqual([TONE, FILM]);
  });

  it('attaches an image canvas of the document as accompanying canvas', async () => {
    const { page } = app;
    await page.getByLabel('Accompanying canvas from a canvas of this manifest').selectOption({ index: 1 });
    await expect.poll(() => page.getByLabel('Accompanying canvas label').count()).toBe(1);
  });

  it('makes a Range per clip over its time span in the structure panel', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page.getByRole('button', { name: 'Time span…' }).click();
    await newTimeRange(page, '00:00:00.5', '00:00:09.5', 'Tone');
    await newTimeRange(page, '00:00:10.0', '00:00:14.5', 'Film');
    await expect
      .poll(async () => (await rowLabels(page)).slice(-4))
      .toEqual([
        'Tone',
        expect.stringMatching(/\(00:00:00\.5–00:00:09\.5\)$/),
        'Film',
        expect.stringMatching(/\(00:00:10\.0–00:00:14\.5\)$/),
      ]);
  });

  it('captions the video from a WebVTT file', async () => {
    const { page } = app;
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(TIMED).click();
    await expect.poll(() => annotationCount(page)).toBe(`Canvas ${TIMED + 1}: 0`);
    await page
      .getByTestId('annotation-panel')
      .getByTestId('caption-import-input')
      .setInputFiles({ name: 'film.vtt', mimeType: 'text/vtt', buffer: Buffer.from(CAPTIONS) });
    await expect.poll(() => annotationCount(page)).toBe(`Canvas ${TIMED + 1}: 2`);
    expect(await listedTargets(page)).toEqual([
      expect.stringMatching(/^time 10\.5-12 on /),
      expect.stringMatching(/^time 12-14 on /),
    ]);
    await page.getByTestId('annotations-toggle').click();
    await expect.poll(() => clipLabels(page)).toEqual([TONE, FILM, ...CAPTIONED]);
  });

  it('draws a navPlace polygon on the offline world map', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByTestId('canvas-cell').nth(TIMED).click();
    const dialog = await openPlaceEditor(page, TIMED + 1);
    const map = dialog.getByRole('application', { name: `Map of the canvas ${TIMED + 1} place` });
    await drawTriangle(page, dialog, map);
    await expect.poll(() => dialog.getByTestId('place-count').textContent()).toBe('1 place');
    await dialog.getByLabel('Place 1 label (en)', { exact: true }).fill('Recording studio');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.getByTestId('nav-place-canvas').locator('.place-summary').textContent())
      .toBe('polygon “Recording studio”');
  });

  it('saves a file that holds all of it and passes our validator', async () => {
    const { page } = app;
    const saved = await saveAs(page, app.host, 'flow.json');
    savedText = await readFile(path.join(app.host.workspace, 'flow.json'), 'utf8');
    schema.add('flow.json', saved);
    expect(validate(JSON.parse(savedText) as JsonValue).filter((f) => f.severity === 'error')).toEqual([]);
    const canvas = saved.items[TIMED] as Json & {
      id: string;
      duration: number;
      items: { items: { target: string; body: Json }[] }[];
      annotations: { items: { motivation: string; target: string }[] }[];
      accompanyingCanvas: Json;
      navPlace: { features: { geometry: { type: string; coordinates: number[][][] } }[] };
    };
    canvasId = canvas.id;
    expect(canvas.duration).toBeGreaterThan(14.5);
    const [tone, film] = canvas.items[0]!.items;
    expect(tone).toMatchObject({
      target: `${canvasId}#t=0.5,9.5`,
      body: { type: 'Sound', format: 'audio/wav', duration: 10 },
    });
    expect(film).toMatchObject({
      target: `${canvasId}#t=10,14.5`,
      body: { type: 'Video', format: 'video/webm', width: 160, height: 120 },
    });
    // Local files are copied into the workspace and served by the host.
    expect(tone?.body['id']).toBe(`${app.host.origin}/local-images/tone/tone.wav`);
    expect(film?.body['id']).toBe(`${app.host.origin}/local-images/film/film.webm`);
    expect(canvas.accompanyingCanvas).toMatchObject({ type: 'Canvas' });
    expect(canvas.accompanyingCanvas['id']).not.toBe(canvasId);
    expect(canvas.annotations.flatMap((page) => page.items.map((a) => [a.motivation, a.target]))).toEqual([
      ['supplementing', `${canvasId}#t=10.5,12`],
      ['supplementing', `${canvasId}#t=12,14`],
    ]);
    const ranges = (saved['structures'] as Json[]).slice(-2);
    expect(ranges.map((r) => [r['label'], r['items']])).toEqual([
      [{ none: ['Tone'] }, [{ id: `${canvasId}#t=0.5,9.5`, type: 'Canvas' }]],
      [{ none: ['Film'] }, [{ id: `${canvasId}#t=10,14.5`, type: 'Canvas' }]],
    ]);
    const [feature] = canvas.navPlace.features;
    expect(feature?.geometry.type).toBe('Polygon');
    const ring = feature!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
    expect(app.session.offLoopback).toEqual([]);
  });

  it('reopens the same: clips, companion, Ranges, captions and place shown; a second save writes the same bytes', async () => {
    const { page } = app;
    await page.reload();
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'flow.json');
    await page.getByTestId('canvas-cell').nth(TIMED).click();
    await expect.poll(() => clipLabels(page)).toEqual([TONE, FILM, ...CAPTIONED]);
    expect(await page.getByLabel('Accompanying canvas label').count()).toBe(1);

    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await expect
      .poll(async () => (await rowLabels(page)).slice(-4))
      .toEqual([
        'Tone',
        expect.stringMatching(/\(00:00:00\.5–00:00:09\.5\)$/),
        'Film',
        expect.stringMatching(/\(00:00:10\.0–00:00:14\.5\)$/),
      ]);

    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(TIMED).click();
    await expect
      .poll(() => listedTargets(page))
      .toEqual([`time 10.5-12 on ${canvasId}`, `time 12-14 on ${canvasId}`]);
    await page.getByTestId('annotations-toggle').click();

    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByTestId('canvas-cell').nth(TIMED).click();
    const dialog = await openPlaceEditor(page, TIMED + 1);
    await expect.poll(async () => (await drawnPaths(dialog)).filter((d) => /^M/.test(d)).length).toBe(1);
    expect(await dialog.getByLabel('Place 1 label (en)', { exact: true }).inputValue()).toBe(
      'Recording studio',
    );
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Saved again with no edit, over itself: the same bytes are written (the file is written anew).
    const file = path.join(app.host.workspace, 'flow.json');
    const before = (await stat(file)).mtimeMs;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await stat(file)).mtimeMs).toBeGreaterThan(before);
    expect(await readFile(file, 'utf8')).toBe(savedText);
    expect(app.session.offLoopback).toEqual([]);
    // No CSP violation, no script error, in the whole session (Chromium reports both as console errors).
    expect(app.session.errors).toEqual([]);
  });

  schema.test('the saved time-and-place manifest');
});
