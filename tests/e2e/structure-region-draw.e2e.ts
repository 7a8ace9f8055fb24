/**
 * Issue 15.2, "add a part of a canvas (drawn in the viewer) to a range", through the web host in Chromium: with
 * a range at the tree's cursor and a canvas focused, "Draw on the viewer" in the region form, a box dragged with
 * the mouse on the viewer fills x/y/width/height, and "Add region to range" adds it as one undo step. The drag
 * makes no annotation; Escape ends a second pick with nothing changed. The saved range item is the drawn box of
 * that canvas as an xywh fragment.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/iiif/json';
import { openApp, openWorkspaceFile, type BrowserSession, type HostProcess } from './harness';
import { startOnePageFixture, type OnePageFixture } from './one-page-fixture';

const BASE = 'https://example.org/iiif/region';
const WIDTH = 1000;
const HEIGHT = 800;

function canvas(n: number, imageOrigin: string): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`Page ${n}`] },
    width: WIDTH,
    height: HEIGHT,
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/painting`,
            type: 'Annotation',
            motivation: 'painting',
            body: {
              id: `${imageOrigin}/page.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              width: WIDTH,
              height: HEIGHT,
            },
            target: id,
          },
        ],
      },
    ],
  };
}

function manifest(imageOrigin: string): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Regions'] },
    items: [canvas(1, imageOrigin), canvas(2, imageOrigin)],
    structures: [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Chapter 1'] },
        items: [{ id: `${BASE}/canvas/1`, type: 'Canvas' }],
      },
    ],
  };
}

/** Client coordinates of a canvas pixel, through the canvas frame the viewer draws. */
async function clientAt(page: Page, x: number, y: number): Promise<[number, number]> {
  const frame = await page.getByTestId('canvas-frame').boundingBox();
  if (!frame) throw new Error('no canvas frame on screen');
  return [frame.x + (x * frame.width) / WIDTH, frame.y + (y * frame.height) / HEIGHT];
}

async function dragAt(page: Page, from: [number, number], to: [number, number]) {
  const [fx, fy] = await clientAt(page, ...from);
  const [tx, ty] = await clientAt(page, ...to);
  await page.mouse.move(fx, fy);
  await page.mouse.down();
  await page.mouse.move(tx, ty, { steps: 8 });
  await page.mouse.up();
}

function near(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThanOrEqual(2));
}

describe('a region drawn on the viewer, added to a range', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let file: string;
  let fixture: OnePageFixture | undefined;

  beforeAll(async () => {
    fixture = await startOnePageFixture({
      width: WIDTH,
      height: HEIGHT,
      background: '#c8d8a8',
      fileName: 'regions.json',
      manifest,
    });
    ({ host, session, file } = fixture);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('fills the numbers from a drawn box, adds it as one undo step, and makes no annotation', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'regions.json');
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page
      .getByTestId('structure-tree')
      .getByRole('treeitem')
      .filter({ has: page.locator('.structure-label', { hasText: /^Chapter 1$/ }) })
      .click();
    await page.getByTestId('canvas-cell').nth(1).click();
    await expect.poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images')).toBe('1');
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await page.getByTestId('canvas-frame').boundingBox());
        const steady = now === last;
        last = now;
        return steady;
      })
      .toBe(true);

    await page.getByRole('button', { name: 'Add region…' }).click();
    const form = page.getByRole('form', { name: 'Region of the focused canvas' });
    const draw = form.getByRole('button', { name: 'Draw on the viewer' });
    const numbers = () =>
      Promise.all(
        (['x', 'y', 'width', 'height'] as const).map(async (name) =>
          Number(await form.getByLabel(name, { exact: true }).inputValue()),
        ),
      );

    // Escape ends a pick: the viewer goes back to panning and the numbers stay as typed.
    await draw.click();
    await expect.poll(() => page.getByTestId('annotation-surface').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('annotation-surface').count()).toBe(0);
    expect(await draw.getAttribute('aria-pressed')).toBe('false');
    expect(await numbers()).toEqual([0, 0, 100, 100]);

    // The box dragged from 150,120 to 450,520 (canvas pixels) fills the numbers; the document has no new step.
    await draw.click();
    await dragAt(page, [150, 120], [450, 520]);
    await expect.poll(() => draw.getAttribute('aria-pressed')).toBe('false');
    const drawn = await numbers();
    near(drawn, [150, 120, 300, 400]);
    expect(drawn.every(Number.isInteger)).toBe(true);
    expect(await page.getByTestId('annotation-shape').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);

    await form.getByRole('button', { name: 'Add region to range' }).click();
    const fragment = `xywh=${drawn.join(',')}`;
    await expect
      .poll(() => page.getByTestId('structure-announcer').textContent())
      .toBe(`Added the region ${fragment} of canvas 2.`);
    expect(await page.getByTestId('annotation-shape').count()).toBe(0);

    // One undo step: undo leaves nothing to undo, redo brings the region back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(false);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved regions.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
    const chapter = (saved['structures'] as JsonObject[])[0] as JsonObject;
    const items = chapter['items'] as JsonObject[];
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({
      type: 'SpecificResource',
      source: { id: `${BASE}/canvas/2`, type: 'Canvas' },
      selector: { type: 'FragmentSelector', value: fragment },
    });
    // No annotation was written anywhere.
    for (const c of saved['items'] as JsonObject[]) expect(c['annotations']).toBeUndefined();
    expect(session.offLoopback).toEqual([]);
  });
});
