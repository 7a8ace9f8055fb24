/**
 * Issue 5's acceptance at scale, as a person does it with a mouse: a 10,000-canvas manifest opened through the
 * in-app picker; canvases 5–9 selected with click and Shift-click and dragged to position 1 with a real mouse
 * drag; saved; undone in one step; the grid scrolled top to bottom with a few hundred cells mounted at most;
 * and one canvas dragged from position 9,000 to 10, carried there by auto-scroll.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasIdsIn, manifestText, writeBigManifest } from '../fixtures/big-manifest/big-manifest';
import {
  cell,
  dragTo,
  gapPoint,
  GRID,
  mountedLabels,
  openFromWorkspace,
  scrollThroughGrid,
  scrollToCanvas,
} from '../fixtures/big-manifest/grid-page';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

const COUNT = 10_000;
const FILE = 'book-10k.json';
const BASE = 'https://example.org/book-10k';

describe('canvas order at 10,000 canvases', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let institution: Institution;
  let original: string;

  beforeAll(async () => {
    // A loopback image server, so thumbnails are real Image API requests (nothing leaves 127.0.0.1).
    institution = await startInstitution({ level: 2, manifests: false, syntheticImages: COUNT });
    host = await startHost();
    session = await openBrowser();
    const image = (i: number) => {
      const service = institution.serviceUrl(`synthetic-${i}`);
      return {
        url: `${service}/full/max/0/default.jpg`,
        width: 1200,
        height: 900,
        service: { id: service, level: 2 as const },
      };
    };
    ({ text: original } = await writeBigManifest(host.workspace, FILE, { count: COUNT, base: BASE, image }));
    await session.page.goto(host.url);
    await openFromWorkspace(session.page, FILE, COUNT);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await institution?.close();
  });

  const saved = () => readFile(`${host.workspace}/${FILE}`, 'utf8');

  it('drags canvases 5–9 to position 1 with the mouse, saves the new order, and undoes it in one step', async () => {
    const { page } = session;
    expect(await page.getByTestId('canvas-count').textContent()).toContain('10000 canvases');
    await cell(page, 4).click();
    await cell(page, 8).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('5 selected');

    const from = await cell(page, 6).boundingBox();
    if (!from) throw new Error('canvas 7 should be on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const to = await gapPoint(page, 0);
    await dragTo(page, to.x, to.y, 0);
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved 5 canvases to position 1.');
    expect(await page.getByTestId('drop-indicator').count()).toBe(0);
    // The selection followed the canvases.
    expect(await page.getByTestId('selection-count').textContent()).toBe('5 selected');
    expect(await cell(page, 0).getAttribute('aria-selected')).toBe('true');

    const numbers = [5, 6, 7, 8, 9, 1, 2, 3, 4, ...Array.from({ length: COUNT - 9 }, (_, i) => i + 10)];
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${FILE}`);
    const text = await saved();
    expect(canvasIdsIn(text)).toEqual(numbers.map((n) => `${BASE}/canvas/${n}`));
    // Nothing but the order changed: the same text as the original with the canvases in the new order.
    const originalDoc = JSON.parse(original) as { items: unknown[] };
    expect(text).toBe(manifestText({ ...originalDoc, items: numbers.map((n) => originalDoc.items[n - 1]) }));

    // One undo restores the original order; saving again writes the original text back, byte for byte.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await mountedLabels(page)).get(0)).toBe('p. 1');
    await page.keyboard.press('Control+s');
    await expect.poll(saved).toBe(original);
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
  });

  it('keeps at most 30 cells mounted while scrolling from top to bottom', async () => {
    const { page } = session;
    const { mounted, centreAlwaysFilled, reachedEnd } = await scrollThroughGrid(page, 150);
    expect(mounted).toHaveLength(151);
    expect(Math.max(...mounted)).toBeLessThanOrEqual(30);
    expect(Math.min(...mounted)).toBeGreaterThan(0);
    expect(centreAlwaysFilled).toBe(true);
    expect(reachedEnd).toBe(true);
  });

  it('carries a canvas from position 9,000 to position 10 in one drag by auto-scrolling', async () => {
    const { page } = session;
    await scrollToCanvas(page, 8999);
    await cell(page, 8999).click();
    const source = await cell(page, 8999).boundingBox();
    const grid = await page.locator(GRID).boundingBox();
    if (!source || !grid) throw new Error('canvas 9,000 should be on screen');
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(grid.x + grid.width / 2, grid.y + 30, { steps: 8 });
    await page.mouse.move(grid.x + grid.width / 2, grid.y + 2, { steps: 4 });
    // Held at the top edge, the grid scrolls (faster and faster) all the way up.
    await expect
      .poll(() => page.locator(GRID).evaluate((el) => el.scrollTop), { timeout: 60_000, interval: 250 })
      .toBe(0);
    const target = await gapPoint(page, 9);
    await dragTo(page, target.x, target.y, 9);
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved “p. 9000” to position 10.');
    const labels = await mountedLabels(page);
    expect([labels.get(8), labels.get(9), labels.get(10)]).toEqual(['p. 9', 'p. 9000', 'p. 10']);
    expect(session.offLoopback).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
