/**
 * Issue 16's acceptance flow in one run, in Chromium through the web host: draw a box, a point and a polygon on
 * the viewer; add two lines and transcribe them in transcription mode; tag a region (motivation `tagging`, its
 * text and purpose); link another (motivation `linking` with a linked body: id, type, format, label); edit one
 * (text and language) and delete one; undo and redo each of those steps; save. The file passes the official
 * schema, holds what was made, and reopens with the same annotations listed and drawn in the same places on
 * screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listAnnotations } from '../../shared/iiif/annotations';
import type { JsonObject } from '../../shared/iiif/json';
import {
  canvasMouse,
  expectSameScreen,
  shapesOnScreen,
  waitForSteadyCanvas,
  type Drawn,
} from './annotation-screen';
import { officialSchemaChecks } from './official-schema-check';
import { useOnePageFixture } from './one-page-fixture';
import { paintedCanvas } from './painted-canvas';
import { openApp, openWorkspaceFile } from './harness';

const BASE = 'https://example.org/iiif/accepted';
const CANVAS = `${BASE}/canvas/1`;
const WIDTH = 1000;
const HEIGHT = 800;
const LINK = {
  id: 'https://example.org/essays/jerome',
  type: 'Text',
  format: 'text/html',
  label: 'An essay on Jerome',
};

function manifest(imageOrigin: string): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Accepted'] },
    items: [paintedCanvas(CANVAS, `${imageOrigin}/page.jpg`, WIDTH, HEIGHT)],
  };
}

const panel = (page: Page) => page.getByTestId('annotation-panel');

/** What the panel lists, row by row: motivation, text, target, other bodies, and the text body's details. */
async function listed(page: Page): Promise<string[]> {
  return panel(page)
    .getByTestId('annotation-row')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const motivation = (row.querySelector('select') as HTMLSelectElement | null)?.value ?? '';
        const text = (row.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? '';
        const target = row.querySelector('[data-testid="annotation-target"]')?.textContent ?? '';
        const meta = row.querySelector('.annotation-meta')?.textContent ?? '';
        const others = [...row.querySelectorAll('.annotation-other-body')].map((b) => b.textContent);
        return [motivation, text, meta, target, ...others].join(' | ');
      }),
    );
}

interface Screen {
  shapes: Drawn[];
  rows: string[];
}

async function screenNow(page: Page): Promise<Screen> {
  return { shapes: await shapesOnScreen(page), rows: await listed(page) };
}

async function expectScreen(page: Page, want: Screen, tolerance: number) {
  await expect.poll(() => listed(page)).toEqual(want.rows);
  await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(want.shapes.length);
  expectSameScreen(await shapesOnScreen(page), want.shapes, tolerance);
}

/** Undo brings back `before`, redo what the screen shows now: the last gesture was exactly one step. */
async function undoRedo(page: Page, before: Screen): Promise<Screen> {
  const after = await screenNow(page);
  expect(after.rows, 'the gesture changed nothing').not.toEqual(before.rows);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectScreen(page, before, 0.5);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectScreen(page, after, 0.5);
  return after;
}

async function showCanvas(page: Page, url: string) {
  await openApp(page, url);
  await openWorkspaceFile(page, 'accepted.json');
  await page.getByTestId('annotations-toggle').click();
  await page.getByTestId('canvas-cell').nth(0).click();
  await waitForSteadyCanvas(page);
}

async function addLine(page: Page, box: [number, number, number, number]) {
  const form = panel(page).getByRole('form', { name: 'Add annotation' });
  await form.getByLabel('New annotation motivation').selectOption('supplementing');
  for (const [i, key] of ['x', 'y', 'w', 'h'].entries())
    await form.getByLabel(`Region ${key}`).fill(String(box[i]));
  await form.getByRole('button', { name: 'Add' }).click();
}

async function typeText(page: Page, label: string, text: string) {
  const field = panel(page).getByLabel(label, { exact: true });
  await field.fill(text);
  await field.blur();
}

describe('the annotation acceptance flow', () => {
  const schema = officialSchemaChecks();
  const fixture = useOnePageFixture({
    width: WIDTH,
    height: HEIGHT,
    background: '#e0d4b8',
    fileName: 'accepted.json',
    manifest,
  });

  it('draws, transcribes, tags, links, edits and deletes, one undo step each; saves valid; reopens the same', async () => {
    const { page } = fixture;
    const mouse = canvasMouse(page, WIDTH, HEIGHT);
    await showCanvas(page, fixture.host.url);
    let now = await screenNow(page);
    expect(now.rows).toEqual([]);

    // Draw a box, a point and a polygon.
    await page.getByTestId('draw-box').click();
    await mouse.dragAt([100, 100], [300, 250]);
    now = await undoRedo(page, now);
    await page.getByTestId('draw-point').click();
    await mouse.clickAt(500, 500);
    now = await undoRedo(page, now);
    await page.getByTestId('draw-polygon').click();
    for (const [x, y] of [
      [600, 100],
      [800, 100],
      [700, 300],
      [600, 100],
    ] as const)
      await mouse.clickAt(x, y);
    now = await undoRedo(page, now);
    expect(now.shapes.map((s) => s.kind)).toEqual(['box', 'point', 'polygon']);
    await page.getByTestId('draw-pan').click();

    // Two lines, then transcription mode: the field is focused on each, Enter moves on.
    await addLine(page, [100, 600, 800, 40]);
    now = await undoRedo(page, now);
    await addLine(page, [100, 660, 800, 40]);
    now = await undoRedo(page, now);
    await panel(page).getByRole('button', { name: 'Transcribe' }).click();
    const first = panel(page).getByLabel('Transcription of line 1');
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Incipit liber primus');
    await page.keyboard.press('Enter');
    const afterFirst = now;
    const second = panel(page).getByLabel('Transcription of line 2');
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('de natura rerum');
    await page.keyboard.press('Escape');
    now = await screenNow(page);
    expect(now.rows.slice(3).map((r) => r.split(' | ')[1])).toEqual([
      'Incipit liber primus',
      'de natura rerum',
    ]);
    // Each line typed was one step: two undos take both lines back, two redos bring them again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectScreen(page, afterFirst, 0.5);
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expectScreen(page, now, 0.5);

    // Tag the polygon: motivation, the tag's text, and its purpose.
    await panel(page).getByLabel('Annotation 3 motivation').selectOption('tagging');
    now = await undoRedo(page, now);
    await typeText(page, 'Annotation 3 text', 'St Jerome');
    now = await undoRedo(page, now);
    await panel(page).getByRole('button', { name: 'Details of Annotation 3' }).click();
    await panel(page).getByLabel('Annotation 3 purpose').selectOption('tagging');
    now = await undoRedo(page, now);

    // Link the box: motivation, then a linked body.
    await panel(page).getByLabel('Annotation 1 motivation').selectOption('linking');
    now = await undoRedo(page, now);
    await panel(page).getByRole('button', { name: 'Add link to Annotation 1' }).click();
    const link = panel(page).getByRole('form', { name: 'Link from Annotation 1' });
    await link.getByLabel('Link address').fill(LINK.id);
    await link.getByLabel('Link type').selectOption(LINK.type);
    await link.getByLabel('Link format').fill(LINK.format);
    await link.getByLabel('Link label').fill(LINK.label);
    await link.getByRole('button', { name: 'Add link' }).click();
    now = await undoRedo(page, now);

    // Edit the first line (its text, then its language) and delete the point.
    await typeText(page, 'Annotation 4 text', 'Incipit liber primus feliciter');
    now = await undoRedo(page, now);
    await panel(page).getByRole('button', { name: 'Details of Annotation 4' }).click();
    const language = panel(page).getByLabel('Annotation 4 language');
    await language.fill('la');
    await language.press('Enter');
    now = await undoRedo(page, now);
    await panel(page).getByRole('button', { name: 'Delete Annotation 2' }).click();
    now = await undoRedo(page, now);
    expect(now.shapes.map((s) => s.kind)).toEqual(['box', 'polygon', 'box', 'box']);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved accepted.json');

    const saved = JSON.parse(await readFile(fixture.file, 'utf8')) as JsonObject;
    schema.add('the accepted manifest', saved);
    const views = listAnnotations(saved, { canvasIndex: 0 });
    expect(views.map((v) => [v.motivations[0], v.targets[0]?.geometry.kind])).toEqual([
      ['linking', 'box'],
      ['tagging', 'polygon'],
      ['supplementing', 'box'],
      ['supplementing', 'box'],
    ]);
    expect(views[0]?.annotation.body).toEqual({
      id: LINK.id,
      type: LINK.type,
      format: LINK.format,
      label: { none: [LINK.label] },
    });
    expect(views[1]?.annotation.body).toEqual({
      type: 'TextualBody',
      value: 'St Jerome',
      format: 'text/plain',
      purpose: 'tagging',
    });
    expect(views.slice(2).map((v) => v.annotation.body)).toEqual([
      { type: 'TextualBody', value: 'Incipit liber primus feliciter', format: 'text/plain', language: 'la' },
      { type: 'TextualBody', value: 'de natura rerum', format: 'text/plain' },
    ]);

    // Reopen from disk: the same annotations, listed alike and drawn in the same places.
    await page.reload();
    await showCanvas(page, fixture.host.url);
    await expectScreen(page, now, 2);
    expect(fixture.session.offLoopback).toEqual([]);
  });

  schema.test('The saved accepted manifest');
});
