/**
 * Issue 15.2, "add a part of a canvas (drawn in the viewer) to a range", through the web host in Chromium: with
 * a range at the tree's cursor and a canvas focused, "Draw on the viewer" in the region form, a box dragged with
 * the mouse on the viewer fills x/y/width/height, and "Add region to range" adds it as one undo step. The drag
 * makes no annotation; Escape ends a second pick with nothing changed. The saved range item is the drawn box of
 * that canvas as an xywh fragment.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/iiif/json';
import { canvasMouse, waitForSteadyCanvas } from './annotation-screen';
import { openApp, openWorkspaceFile } from './harness';
import { useOnePageFixture } from './one-page-fixture';
import { paintedCanvas } from './painted-canvas';

const BASE = 'https://example.org/iiif/region';
const WIDTH = 1000;
const HEIGHT = 800;

function manifest(imageOrigin: string): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Regions'] },
    items: [1, 2].map((n) => paintedCanvas(`${BASE}/canvas/${n}`, `${imageOrigin}/page.jpg`, WIDTH, HEIGHT)),
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

function near(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThanOrEqual(2));
}

describe('a region drawn on the viewer, added to a range', () => {
  const fixture = useOnePageFixture({
    width: WIDTH,
    height: HEIGHT,
    background: '#c8d8a8',
    fileName: 'regions.json',
    manifest,
  });

  it('fills the numbers from a drawn box, adds it as one undo step, and makes no annotation', async () => {
    const { page } = fixture;
    await openApp(page, fixture.host.url);
    await openWorkspaceFile(page, 'regions.json');
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page
      .getByTestId('structure-tree')
      .getByRole('treeitem')
      .filter({ has: page.locator('.structure-label', { hasText: /^Chapter 1$/ }) })
      .click();
    await page.getByTestId('canvas-cell').nth(1).click();
    await waitForSteadyCanvas(page);

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
    await canvasMouse(page, WIDTH, HEIGHT).dragAt([150, 120], [450, 520]);
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
    const saved = JSON.parse(await readFile(fixture.file, 'utf8')) as JsonObject;
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
    expect(fixture.session.offLoopback).toEqual([]);
  });
});
