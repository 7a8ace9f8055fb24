/**
 * The steps of issue 19's e2e tests that more than one test takes: recording a WebM in the page, making Ranges
 * over typed time spans and reading the structure tree, reading the annotation panel's targets, drawing on the
 * offline place map, and Save As through the in-app picker. media.e2e.ts, time-captions.e2e.ts, place.e2e.ts and
 * time-place-flow.e2e.ts share them so a change to the screens is followed in one place.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HostProcess } from './harness';

export type Json = Record<string, unknown>;

/** Records `seconds` of a moving canvas as WebM in the page (Debian's ffmpeg is not on these machines). */
export async function recordWebm(page: Page, seconds: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (duration) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
    let frame = 0;
    const paint = () => {
      context.fillStyle = `hsl(${(frame * 7) % 360} 70% 50%)`;
      context.fillRect(0, 0, 160, 120);
      frame += 1;
    };
    paint();
    const timer = setInterval(paint, 40);
    recorder.start(250);
    await new Promise((resolve) => setTimeout(resolve, duration * 1000));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, seconds);
  return Buffer.from(base64, 'base64');
}

/** The targets listed in the annotation panel, e.g. "time 1-4.5 on https://…/canvas/1". */
/**
 * In the open Add audio or video dialog, with a canvas selected: records a 5 s WebM in the page and adds it as
 * a clip of that canvas (as `film.webm`), then waits until the dialog says it was added.
 */
export async function addRecordedFilmAsClip(page: Page): Promise<void> {
  const webm = await recordWebm(page, 5);
  await page.getByLabel('Add as a clip to the selected canvas').check();
  await page
    .getByTestId('media-file')
    .setInputFiles({ name: 'film.webm', mimeType: 'video/webm', buffer: webm });
  await expect
    .poll(() => page.getByTestId('media-status').textContent(), { timeout: 30_000 })
    .toMatch(/Added film\.webm \(video, [45]\.\d s\)/);
}

export function listedTargets(page: Page): Promise<string[]> {
  return page.getByTestId('annotation-panel').getByTestId('annotation-target').allTextContents();
}

/** The labels of the structure tree's rows, top to bottom. */
export function rowLabels(page: Page): Promise<string[]> {
  return page.getByTestId('structure-tree').locator('.structure-label').allTextContents();
}

/** Names the Range just made: its name field has the focus. */
async function nameRange(page: Page, name: string) {
  const input = page.getByRole('textbox', { name: 'Range name' });
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

/** A top-level Range over a typed span of the focused canvas (the "Time span…" form must be open). */
export async function newTimeRange(page: Page, start: string, end: string, name: string) {
  await page.getByLabel('New range start').fill(start);
  await page.getByLabel('New range end').fill(end);
  await page.getByRole('button', { name: 'New range from time span', exact: true }).click();
  await nameRange(page, name);
}

/** Opens a collapsed group of properties (a <details>) if it is not open yet. */
export async function openGroup(region: Locator, title: string) {
  const details = region.locator('details.prop-section', {
    has: region.page().getByText(title, { exact: true }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Opens the place editor of the canvas shown in the properties, once its world base map is drawn. */
export async function openPlaceEditor(page: Page, canvasNumber = 1): Promise<Locator> {
  const canvas = page.getByRole('region', { name: /^Canvas \d+$/ });
  await openGroup(canvas, 'Navigation and display');
  await canvas.getByRole('button', { name: 'Edit the canvas place on a map…' }).click();
  const dialog = page.getByRole('dialog', { name: `Place of the canvas ${canvasNumber}`, exact: true });
  // The world base map is drawn (Natural Earth countries, as SVG paths) before anything is clicked.
  await expect
    .poll(() => dialog.locator('.place-map path.place-country').count(), { timeout: 20_000 })
    .toBeGreaterThan(100);
  return dialog;
}

/**
 * Draws a triangle around the middle of the place editor's map: three clicks, then a click on the first vertex
 * closes it. Returns the corners clicked, in page pixels.
 */
export async function drawTriangle(page: Page, dialog: Locator, map: Locator): Promise<[number, number][]> {
  await dialog.getByRole('button', { name: 'Draw a polygon' }).click();
  const box = await map.boundingBox();
  if (!box) throw new Error('the place map has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const corners: [number, number][] = [
    [cx - 90, cy - 50],
    [cx + 90, cy - 50],
    [cx, cy + 70],
  ];
  for (const [x, y] of corners) await page.mouse.click(x, y);
  await expect.poll(() => dialog.getByTestId('place-drawing-status').textContent()).toContain('3 so far');
  await page.mouse.click(...corners[0]!);
  return corners;
}

/** The `d` attributes of the places drawn in the map's SVG. */
export const drawnPaths = (dialog: Locator) =>
  dialog
    .locator('.place-map path.place-shape')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));

/** Save As through the in-app picker, once it has listed the folder (it cannot save before). */
export async function saveAs(page: Page, host: HostProcess, name: string): Promise<Json & { items: Json[] }> {
  await page.getByRole('button', { name: 'Save As…' }).click();
  await expect.poll(() => page.locator('.file-picker-path code').textContent()).not.toBe('…');
  await page.getByLabel('File name').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).last().click();
  await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${name}`);
  return JSON.parse(await readFile(path.join(host.workspace, name), 'utf8')) as Json & { items: Json[] };
}
