/**
 * Drawing annotations on the viewer, end to end through the web host in Chromium under the app's CSP, on a
 * canvas whose image a loopback server serves: draw a box, a point, a polygon and a free shape with the mouse;
 * drag the polygon; move and resize the box with the keyboard and its handle; delete the point; undo and redo
 * each step; save. The saved file has the selectors each shape calls for (#xywh=, SvgSelector), passes the
 * official schema, and reopens with the shapes drawn in the same screen positions. No CSP violation is reported.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listAnnotations, type Geometry } from '../../shared/iiif/annotations';
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

const BASE = 'https://example.org/iiif/drawn';
const WIDTH = 1000;
const HEIGHT = 800;

const CSP_RECORDER = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
`;

function manifest(imageOrigin: string): JsonObject {
  const id = `${BASE}/canvas/1`;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Drawn on'] },
    items: [paintedCanvas(id, `${imageOrigin}/page.jpg`, WIDTH, HEIGHT)],
  };
}

const mouse = (page: Page) => canvasMouse(page, WIDTH, HEIGHT);

/** Undo returns the screen to `before`, redo to what it shows now: the last gesture was one step. */
async function undoRedo(page: Page, before: Drawn[]) {
  const after = await shapesOnScreen(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(before.length);
  expectSameScreen(await shapesOnScreen(page), before, 0.5);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(after.length);
  expectSameScreen(await shapesOnScreen(page), after, 0.5);
}

function near(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThanOrEqual(1));
}

async function showCanvas(page: Page, url: string) {
  await openApp(page, url);
  await openWorkspaceFile(page, 'drawn.json');
  await page.getByTestId('canvas-cell').nth(0).click();
  await waitForSteadyCanvas(page);
}

describe('drawing annotations on the viewer', () => {
  const schema = officialSchemaChecks();
  const fixture = useOnePageFixture({
    width: WIDTH,
    height: HEIGHT,
    background: '#d8c8a8',
    fileName: 'drawn.json',
    manifest,
  });

  it('draws, moves, resizes and deletes by mouse and keyboard, one undo step each; saves and reopens the same', async () => {
    const { page } = fixture;
    await page.addInitScript(CSP_RECORDER);
    await showCanvas(page, fixture.host.url);
    expect(await shapesOnScreen(page)).toEqual([]);
    // By default the mouse pans the image; the tools are a click away.
    expect(await page.getByTestId('draw-pan').getAttribute('aria-pressed')).toBe('true');

    // A box, dragged corner to corner.
    await page.getByTestId('draw-box').click();
    await mouse(page).dragAt([100, 100], [300, 250]);
    await expect.poll(() => shapesOnScreen(page).then((s) => s.map((d) => d.kind))).toEqual(['box']);
    await undoRedo(page, []);
    const oneBox = await shapesOnScreen(page);

    // A point, one click.
    await page.getByTestId('draw-point').click();
    await mouse(page).clickAt(500, 500);
    await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(2);
    await undoRedo(page, oneBox);
    const boxAndPoint = await shapesOnScreen(page);

    // A polygon: three corners, then a click on the first closes it.
    await page.getByTestId('draw-polygon').click();
    await mouse(page).clickAt(600, 100);
    await mouse(page).clickAt(800, 100);
    await mouse(page).clickAt(700, 300);
    await mouse(page).clickAt(600, 100);
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s.map((d) => d.kind)))
      .toEqual(['box', 'point', 'polygon']);
    await undoRedo(page, boxAndPoint);
    const three = await shapesOnScreen(page);

    // A free shape, traced in one stroke, is an outline too; it goes again with one undo.
    await page.getByTestId('draw-freehand').click();
    const [sx, sy] = await mouse(page).clientAt(400, 600);
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    for (const [x, y] of [
      [450, 600],
      [500, 650],
      [450, 700],
      [400, 680],
    ] as const)
      await page.mouse.move(...(await mouse(page).clientAt(x, y)), { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s.map((d) => d.kind)))
      .toEqual(['box', 'point', 'polygon', 'polygon']);
    await undoRedo(page, three);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(3);

    // Escape cancels a polygon half drawn, and a second Escape leaves the drawing tool.
    await page.getByTestId('draw-polygon').click();
    await mouse(page).clickAt(100, 500);
    await mouse(page).clickAt(200, 500);
    await expect.poll(() => page.getByTestId('annotation-draft').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('annotation-draft').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('draw-select').getAttribute('aria-pressed')).toBe('true');
    expect(await shapesOnScreen(page)).toHaveLength(3);

    // Without a mouse: Enter on the drawing surface places a box in the middle of the view, one undo step.
    await page.getByTestId('draw-box').click();
    await page.getByTestId('annotation-surface').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s.map((d) => d.kind)))
      .toEqual(['box', 'point', 'polygon', 'box']);
    await undoRedo(page, three);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(3);

    // The mouse moves a shape with the select tool: the polygon, 20 px right and down.
    await page.getByTestId('draw-select').click();
    await mouse(page).dragAt([700, 150], [720, 170]);
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s[2]?.x))
      .toBeGreaterThan((three[2]?.x ?? 0) + 5);
    await undoRedo(page, three);
    const dragged = await shapesOnScreen(page);

    // The keyboard: the right arrow moves the box by 1% of the canvas width, Shift+down makes it taller.
    const box = page.getByRole('button', { name: /^Box annotation 1/ });
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s[0]?.x))
      .toBeGreaterThan((dragged[0]?.x ?? 0) + 2);
    await undoRedo(page, dragged);
    const moved = await shapesOnScreen(page);
    await page.getByRole('button', { name: /^Box annotation 1/ }).focus();
    await page.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s[0]?.height))
      .toBeGreaterThan((moved[0]?.height ?? 0) + 2);
    await undoRedo(page, moved);
    const taller = await shapesOnScreen(page);

    // The selected box's corner handle resizes it with the mouse: 20 px wider and taller.
    await page.getByRole('button', { name: /^Box annotation 1/ }).focus();
    const handle = await page.getByTestId('annotation-resize-handle').boundingBox();
    if (!handle) throw new Error('no resize handle');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(...(await mouse(page).clientAt(330, 280)), { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s[0]?.width))
      .toBeGreaterThan((taller[0]?.width ?? 0) + 5);
    await undoRedo(page, taller);
    const resized = await shapesOnScreen(page);

    // Delete the point from the keyboard.
    await page.getByRole('button', { name: /^Point annotation/ }).focus();
    await page.keyboard.press('Delete');
    await expect
      .poll(() => shapesOnScreen(page).then((s) => s.map((d) => d.kind)))
      .toEqual(['box', 'polygon']);
    await undoRedo(page, resized);
    const final = await shapesOnScreen(page);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved drawn.json');

    const saved = JSON.parse(await readFile(fixture.file, 'utf8')) as JsonObject;
    schema.add('the manifest with drawn annotations', saved);
    const annotations = listAnnotations(saved, { canvasIndex: 0 });
    const geometries = annotations.map((a) => a.targets[0]?.geometry) as Geometry[];
    expect(geometries.map((g) => g.kind)).toEqual(['box', 'polygon']);
    const [savedBox, savedPolygon] = geometries;
    // Drawn at 100,100 → 300,250, moved right by 10, made 10 taller, then dragged by its corner to 330,280.
    if (savedBox?.kind !== 'box') throw new Error('no box');
    near([savedBox.x, savedBox.y, savedBox.w, savedBox.h], [110, 100, 220, 180]);
    if (savedPolygon?.kind !== 'polygon') throw new Error('no polygon');
    near(savedPolygon.points.flat(), [620, 120, 820, 120, 720, 320]);
    const written = annotations.map((a) => a.annotation.target as unknown as JsonObject | string);
    expect(written[0]).toMatch(new RegExp(`^${BASE}/canvas/1#xywh=\\d+,\\d+,\\d+,\\d+$`));
    expect(written[1]).toMatchObject({
      type: 'SpecificResource',
      source: `${BASE}/canvas/1`,
      selector: { type: 'SvgSelector', value: expect.stringMatching(/^<svg[^>]*><polygon points="/) },
    });

    // Reopen from disk: the same shapes in the same places on screen.
    await page.reload();
    await showCanvas(page, fixture.host.url);
    await expect.poll(() => shapesOnScreen(page).then((s) => s.length)).toBe(2);
    expectSameScreen(await shapesOnScreen(page), final);

    // With the Pan tool (the default), a drag over a shape pans the image: every shape moves alike on screen,
    // and the document has no step to undo.
    const [px, py] = await mouse(page).clientAt(720, 170);
    await page.mouse.move(px, py);
    await page.mouse.down();
    await page.mouse.move(px - 80, py + 40, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(() => shapesOnScreen(page).then((s) => (s[1]?.x ?? 0) - (final[1]?.x ?? 0)))
      .toBeLessThan(-40);
    const panned = await shapesOnScreen(page);
    expect(Math.abs(panned[0]!.x - final[0]!.x - (panned[1]!.x - final[1]!.x))).toBeLessThanOrEqual(1);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(fixture.session.offLoopback).toEqual([]);
  });

  schema.test('The saved manifest with drawn annotations');
});
