/**
 * Issue 5's keyboard acceptance: every canvas operation without a mouse. A canvas moved three places down
 * and all canvases relabelled with foliation using only the keyboard, saved, and checked on disk; then cut and
 * paste, duplicate, delete, sort, reverse, move to a position, send to start and end, select all and none;
 * then copy and paste, which inserts copies with fresh ids, while Ctrl+C in a text field still copies its text.
 * (The file is opened with the mouse: opening is not what is tested here.)
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIndex } from '../../shared/iiif/document/id-index';
import type { JsonObject } from '../../shared/iiif/json';
import { getIn } from '../../shared/iiif/json';
import { canvasIdsIn, canvasLabelsIn, writeBigManifest } from '../fixtures/big-manifest/big-manifest';
import { mountedLabels, openFromWorkspace, tabToGrid } from '../fixtures/big-manifest/grid-page';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { useHostAndBrowser } from './host-and-browser';

const BASE = 'https://example.org/keys';

function announcement(page: Page) {
  return page.getByTestId('canvas-announcer').textContent();
}

async function labelsInOrder(page: Page): Promise<string[]> {
  const labels = await mountedLabels(page);
  return [...labels.entries()].sort(([a], [b]) => a - b).map(([, label]) => label);
}

async function gridHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.getAttribute('role') === 'listbox');
}

describe('canvas order from the keyboard', () => {
  const app = useHostAndBrowser();
  let images: Institution;

  beforeAll(async () => {
    images = await startInstitution({ level: 2, manifests: false });
    await app.page.goto(app.host.url);
  });
  afterAll(async () => {
    await images?.close();
  });

  it('moves a canvas three places down and relabels all canvases with foliation, keyboard only', async () => {
    const { page } = app;
    const file = await writeBigManifest(app.host.workspace, 'folios.json', { count: 12, base: BASE });
    await openFromWorkspace(page, 'folios.json', 12);

    await tabToGrid(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => announcement(page)).toBe('Moved “p. 3” to position 6.');

    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: 'Relabel canvases' });
    await dialog.waitFor();
    // Focus starts on the scope, where "All canvases" is chosen since only one canvas is selected.
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toMatch(
      /^All canvases/,
    );
    await page.keyboard.press('Tab'); // to the numbering schemes, on Pagination
    await page.keyboard.press('ArrowDown'); // Foliation
    // The preview shows what Apply will do: row 1 is "p. 1" becoming "1r".
    await expect.poll(() => dialog.getByRole('row').nth(1).textContent()).toBe('1p. 11r');
    expect(await dialog.getByTestId('relabel-summary').textContent()).toBe('12 canvases will be relabelled.');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => announcement(page)).toBe('Relabelled 12 canvases.');
    await expect.poll(() => gridHasFocus(page)).toBe(true);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved folios.json');
    const saved = await readFile(file.path, 'utf8');
    expect(canvasIdsIn(saved)).toEqual(
      [1, 2, 4, 5, 6, 3, 7, 8, 9, 10, 11, 12].map((n) => `${BASE}/canvas/${n}`),
    );
    expect(canvasLabelsIn(saved)).toEqual([
      '1r',
      '1v',
      '2r',
      '2v',
      '3r',
      '3v',
      '4r',
      '4v',
      '5r',
      '5v',
      '6r',
      '6v',
    ]);
    expect((JSON.parse(saved) as { items: { label: unknown }[] }).items[0]?.label).toEqual({ none: ['1r'] });
  });

  it('cuts and pastes, duplicates, deletes, sorts, reverses, moves to a position and to either end', async () => {
    const { page } = app;
    const file = await writeBigManifest(app.host.workspace, 'keys.json', { count: 8, base: BASE });
    await openFromWorkspace(page, 'keys.json', 8);
    await page.locator('[role="listbox"]').focus();
    const p = (...numbers: number[]) => numbers.map((n) => `p. ${n}`);

    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+x');
    await expect.poll(() => announcement(page)).toMatch(/^Cut 2 canvases/);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+v');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(3, 4, 5, 6, 7, 8, 1, 2));

    await page.keyboard.press('Control+d');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(3, 4, 5, 6, 7, 8, 1, 1, 2, 2));
    await page.keyboard.press('Delete');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(3, 4, 5, 6, 7, 8, 1, 2));

    await page.keyboard.press('Alt+s');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(1, 2, 3, 4, 5, 6, 7, 8));
    await page.keyboard.press('Alt+r');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(8, 7, 6, 5, 4, 3, 2, 1));

    // The cursor followed "p. 2" through every step; move it to position 2 with the dialog.
    await page.keyboard.press('Alt+p');
    const dialog = page.getByRole('dialog', { name: /to position/ });
    await dialog.waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(8, 2, 7, 6, 5, 4, 3, 1));
    await expect.poll(() => gridHasFocus(page)).toBe(true);
    await page.keyboard.press('Alt+Home');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(2, 8, 7, 6, 5, 4, 3, 1));
    await page.keyboard.press('Alt+End');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(8, 7, 6, 5, 4, 3, 1, 2));

    await page.keyboard.press('Control+a');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('8 selected');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('0 selected');

    // Each of those was one undo step: one undo takes back only the last move.
    await page.keyboard.press('Control+z');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(2, 8, 7, 6, 5, 4, 3, 1));
    await page.keyboard.press('Control+s');
    await expect
      .poll(async () => canvasLabelsIn(await readFile(file.path, 'utf8')))
      .toEqual(p(2, 8, 7, 6, 5, 4, 3, 1));
    expect(app.session.errors).toEqual([]);
  });
  it('copies two canvases and pastes fresh copies twice, each one undo step; Ctrl+C in a text field copies text', async () => {
    const { page, context } = app.session;
    const service = images.serviceUrl('quadrants');
    const file = await writeBigManifest(app.host.workspace, 'copies.json', {
      count: 6,
      base: BASE,
      label: 'Leaves to copy',
      image: () => ({
        url: `${service}/full/max/0/default.jpg`,
        width: 1200,
        height: 900,
        service: { id: service, level: 2 },
      }),
    });
    await openFromWorkspace(page, 'copies.json', 6);
    const p = (...numbers: number[]) => numbers.map((n) => `p. ${n}`);
    const paste = page.getByRole('button', { name: 'Paste after focused canvas' });

    // In a text field Ctrl+C is the field's: its text goes to the system clipboard, no canvas is copied.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
    const systemClipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const field = page.locator('[data-resource="manifest"]').getByLabel('Label (en)', { exact: true });
    await field.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await expect.poll(systemClipboard).toBe('Leaves to copy');
    expect(await paste.isDisabled()).toBe(true);
    expect(await announcement(page)).not.toMatch(/^Copied/);

    // p. 2 and p. 3 (selected from the end backwards: the copy keeps document order), pasted after p. 6.
    await page.locator('[role="listbox"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+c');
    await expect.poll(() => announcement(page)).toMatch(/^Copied 2 canvases/);
    // Tessera's clipboard is its own: the text copied from the field is still on the system clipboard.
    expect(await systemClipboard()).toBe('Leaves to copy');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+v');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(1, 2, 3, 4, 5, 6, 2, 3));
    await expect.poll(() => announcement(page)).toBe('Pasted copies of 2 canvases at position 7.');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('2 selected');
    // The cursor is on the last copy, so a second paste follows the first.
    await page.keyboard.press('Control+v');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(1, 2, 3, 4, 5, 6, 2, 3, 2, 3));

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved copies.json');
    const saved = JSON.parse(await readFile(file.path, 'utf8')) as JsonObject;
    const originals = Array.from({ length: 6 }, (_, i) => `${BASE}/canvas/${i + 1}`);
    const ids = canvasIdsIn(JSON.stringify(saved));
    expect(ids.slice(0, 6)).toEqual(originals);
    expect(new Set(ids).size).toBe(10);
    // Every canvas, annotation page and annotation the manifest defines has its own id...
    expect(documentIndex(saved).duplicates).toEqual([]);
    expect(documentIndex(saved).size).toBe(1 + 10 * 3);
    for (let i = 6; i < 10; i += 1) {
      const copy = getIn(saved, ['items', i]) as JsonObject;
      expect(originals).not.toContain(copy['id']);
      expect(getIn(copy, ['items', 0, 'id'])).toBe(`${String(copy['id'])}/page/1`);
      // ...each copy's painting annotation targets the copy, and paints the same image (not the manifest's id).
      expect(getIn(copy, ['items', 0, 'items', 0, 'target'])).toBe(copy['id']);
      expect(getIn(copy, ['items', 0, 'items', 0, 'body', 'id'])).toBe(`${service}/full/max/0/default.jpg`);
    }

    // Each paste is one undo step.
    await page.locator('[role="listbox"]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(1, 2, 3, 4, 5, 6, 2, 3));
    await page.keyboard.press('Control+z');
    await expect.poll(() => labelsInOrder(page)).toEqual(p(1, 2, 3, 4, 5, 6));
    expect(app.session.errors).toEqual([]);
  });
});
