/**
 * Issue 7's preview acceptance, in Chromium through the web host, with a real IIIF Cookbook recipe that uses
 * viewingDirection: 0010 "Book with Right-to-Left Viewing Direction" (copied at test time from
 * ../shared/corpus, never committed). Its images live on iiif.io, which a test must not reach: the page's
 * requests for them (made through the host's /remote-image route) are refused here, as if offline. The preview
 * must still show the pages in the right order, right to left, with labels and placeholders, and say that the
 * images could not be loaded. No cookbook recipe is both right-to-left and paged, so the paged case uses a copy
 * of the same recipe with `"behavior": ["paged"]` added.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigManifest, manifestText } from '../fixtures/big-manifest/big-manifest';
import { cell } from '../fixtures/big-manifest/grid-page';
import { ROOT, isLoopbackUrl, openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const RECIPE = path.resolve(
  ROOT,
  '../shared/corpus/p3/cookbook/0010-book-2-viewing-direction__manifest-rtl.json',
);
const CONTINUOUS = path.resolve(
  ROOT,
  '../shared/corpus/p3/cookbook/0011-book-3-behavior__manifest-continuous.json',
);
const LABELS = ['front cover', 'pages 1–2', 'pages 3–4', 'pages 5–6', 'back cover'];
const present = existsSync(RECIPE);
if (!present) console.warn(`Preview e2e skipped: the cookbook recipe is not at ${RECIPE}.`);

/** x of each element's box, in DOM order. */
async function lefts(page: Page, testId: string): Promise<number[]> {
  const boxes = await page
    .getByTestId(testId)
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().left));
  return boxes;
}

/** Labels of the pages on the stage, from left to right on screen. */
async function stageLabelsLeftToRight(page: Page): Promise<string[]> {
  const labels = await page
    .getByTestId('preview-page-label')
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ text: node.textContent ?? '', left: node.getBoundingClientRect().left })),
    );
  return labels.sort((a, b) => a.left - b.left).map((label) => label.text);
}

describe.skipIf(!present)('preview of a right-to-left manifest', () => {
  const app = useHostAndBrowser();
  /** Remote addresses the page asked the host to fetch (all refused). */
  const refused: string[] = [];

  beforeAll(async () => {
    const text = await readFile(RECIPE, 'utf8');
    await writeFile(path.join(app.host.workspace, 'rtl.json'), text);
    const paged = { ...(JSON.parse(text) as Record<string, unknown>), behavior: ['paged'] };
    await writeFile(path.join(app.host.workspace, 'rtl-paged.json'), `${JSON.stringify(paged, null, 2)}\n`);
    if (existsSync(CONTINUOUS)) await copyFile(CONTINUOUS, path.join(app.host.workspace, 'scroll.json'));
    // Offline for everything but loopback, including what the page asks the host to fetch on its behalf.
    await app.page.route(/\/remote-image\?/, (route) => {
      const target = new URL(route.request().url()).searchParams.get('url') ?? '';
      let loopback: boolean;
      try {
        loopback = isLoopbackUrl(target);
      } catch {
        loopback = false; // not a URL at all: refuse it too
      }
      if (loopback) return route.fallback();
      refused.push(target);
      return route.abort('internetdisconnected');
    });
  });

  it('shows one page at a time, right to left, with labels and placeholders for unreachable images', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'rtl.json');
    await page.getByTestId('preview-toggle').click();

    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 1 of 5');
    expect(await page.getByTestId('preview-position').textContent()).toContain('right-to-left');
    expect(await page.getByTestId('preview-title').textContent()).toContain(
      'Book with Right-to-Left Viewing Direction',
    );
    expect(await page.getByTestId('preview-info').textContent()).toContain('Chikugo Theater');

    // The strip runs right to left: each next page sits left of the one before.
    await expect.poll(() => page.getByTestId('preview-thumb').count()).toBe(5);
    const thumbs = await lefts(page, 'preview-thumb');
    for (let i = 1; i < thumbs.length; i++) expect(thumbs[i]).toBeLessThan(thumbs[i - 1] as number);
    const thumbLabels = await page.locator('.preview-thumb-label').allTextContents();
    expect(thumbLabels).toEqual(LABELS);

    // "Next" is on the left, where a right-to-left reader turns to.
    const [next] = await lefts(page, 'preview-next');
    const [previous] = await lefts(page, 'preview-previous');
    expect(next).toBeLessThan(previous as number);

    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['front cover']);
    // The image is unreachable: a labelled placeholder and a message, not a crash or an empty screen.
    await expect.poll(() => page.getByTestId('image-placeholder').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('viewer-failure').textContent()).toMatch(/could not be loaded/);

    await page.getByTestId('preview-next').click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 2 of 5');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['pages 1–2']);
    // Arrow left is "forward" in a right-to-left book.
    await page.getByTestId('preview-next').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['pages 3–4']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['pages 1–2']);
    expect(await page.getByTestId('preview-thumb').nth(1).getAttribute('aria-selected')).toBe('true');
  });

  it('shows openings of two pages, the first page of each on the right, when the manifest is paged', async () => {
    const { page } = app;
    await openWorkspaceFile(page, 'rtl-paged.json');
    await page.getByTestId('preview-thumb').nth(0).click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 1 of 3');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['front cover']);

    await page.getByTestId('preview-next').click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Opening 2 of 3');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['pages 3–4', 'pages 1–2']);
    await expect.poll(() => page.getByTestId('image-placeholder').count(), { timeout: 30_000 }).toBe(2);

    await page.getByTestId('preview-thumb').nth(4).click();
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['back cover', 'pages 5–6']);
    expect(await page.getByTestId('preview-thumb').nth(3).getAttribute('aria-selected')).toBe('true');

    // Thumbnails that cannot load say so.
    await expect
      .poll(() => page.locator('.preview-strip [data-thumb-state="failed"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  });

  it('shows a continuous manifest as one strip and moves along it page by page', async ({ skip }) => {
    if (!existsSync(CONTINUOUS)) skip(`the continuous recipe is not at ${CONTINUOUS}`);
    const { page } = app;
    await openWorkspaceFile(page, 'scroll.json');
    await page.getByTestId('preview-thumb').nth(0).click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 1 of 4');
    expect(await page.getByTestId('preview-position').textContent()).toContain('continuous');
    // Every section is in the one strip, left to right in reading order.
    await expect
      .poll(() => stageLabelsLeftToRight(page))
      .toEqual(['Section 1 [Recto]', 'Section 2 [Recto]', 'Section 3 [Recto]', 'Section 4 [Recto]']);
    const stage = await page.getByTestId('viewer').boundingBox();
    const labelLeft = async (index: number) =>
      (await page.locator(`[data-testid="preview-page-label"][data-canvas-index="${index}"]`).boundingBox())
        ?.x ?? Number.NaN;
    await page.getByTestId('preview-next').click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 2 of 4');
    // The view moved along the strip to section 2.
    await expect.poll(async () => Math.abs((await labelLeft(1)) - (stage?.x ?? 0))).toBeLessThan(80);
    expect(await page.getByTestId('preview-thumb').nth(1).getAttribute('aria-selected')).toBe('true');
  });

  it('leaves the preview as it found the editor, with nothing fetched from outside', async () => {
    const { page } = app;
    await page.getByTestId('preview-exit').click();
    await expect.poll(() => page.getByTestId('preview-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((url) => url.startsWith('https://iiif.io/'))).toBe(true);
    expect(app.session.offLoopback.every((url) => new URL(url).hostname.endsWith('iiif.io'))).toBe(true);
    expect(app.session.errors.filter((e) => /TypeError|Uncaught|is not a function/.test(e))).toEqual([]);
  });
});

describe('preview of a table of contents', () => {
  const app = useHostAndBrowser();
  const BASE = 'https://example.org/contents';
  const ref = (n: number) => ({ id: `${BASE}/canvas/${n}`, type: 'Canvas' });

  beforeAll(async () => {
    const manifest = bigManifest({ count: 6, base: BASE });
    manifest['structures'] = [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Part A'] },
        items: [
          ref(1),
          ref(2),
          { id: `${BASE}/range/2`, type: 'Range', label: { en: ['Chapter A.1'] }, items: [ref(3)] },
        ],
      },
      { id: `${BASE}/range/3`, type: 'Range', label: { en: ['Part B'] }, items: [ref(4), ref(5), ref(6)] },
      {
        id: `${BASE}/range/4`,
        type: 'Range',
        label: { en: ['Highlights'] },
        behavior: ['sequence'],
        items: [ref(5), ref(2), ref(4)],
      },
    ];
    await writeFile(path.join(app.host.workspace, 'contents.json'), manifestText(manifest));
  });

  it('navigates by the table of contents and reads a sequence range as another order', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'contents.json');
    await page.getByTestId('preview-toggle').click();
    const contents = page.getByRole('navigation', { name: 'Table of contents' });
    // The sequence is a reading order, not an entry of the contents.
    expect(await contents.getByRole('button').allTextContents()).toEqual(['Part A', 'Chapter A.1', 'Part B']);
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 1']);
    expect(await contents.getByRole('button', { name: 'Part A' }).getAttribute('aria-current')).toBe('true');

    await contents.getByRole('button', { name: 'Chapter A.1' }).click();
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 3 of 6');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 3']);
    expect(await contents.getByRole('button', { name: 'Chapter A.1' }).getAttribute('aria-current')).toBe(
      'true',
    );
    await contents.getByRole('button', { name: 'Part B' }).click();
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 4']);

    // The alternative order: only its pages, in its order, in the strip and with Next.
    await page
      .getByRole('combobox', { name: 'Reading order' })
      .selectOption({ label: 'Highlights (3 pages)' });
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 1 of 3');
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 5']);
    expect(await page.locator('.preview-thumb-label').allTextContents()).toEqual(['p. 5', 'p. 2', 'p. 4']);
    await page.getByTestId('preview-next').click();
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 2']);
    await page.getByTestId('preview-next').click();
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 4']);
    expect(await page.getByTestId('preview-next').isDisabled()).toBe(true);

    await page
      .getByRole('combobox', { name: 'Reading order' })
      .selectOption({ label: 'The manifest’s order' });
    await expect.poll(() => page.getByTestId('preview-position').textContent()).toContain('Page 1 of 6');
    expect(await page.getByTestId('preview-thumb').count()).toBe(6);
    expect(app.session.offLoopback).toEqual([]);
  });
});

/**
 * Index N means `items[N]` everywhere (issue 12, item 1): an item that is not a canvas keeps its place in the
 * editor's grid, so the preview must not renumber the canvases after it, or it opens on another canvas than
 * the one in focus, and a sequence range's pages become their neighbours.
 */
describe('preview of a manifest with an item that is not a canvas', () => {
  const app = useHostAndBrowser();
  const BASE = 'https://example.org/stray';
  const ref = (n: number) => ({ id: `${BASE}/canvas/${n}`, type: 'Canvas' });

  beforeAll(async () => {
    const manifest = bigManifest({ count: 4, base: BASE });
    manifest['items'] = ['not a canvas', ...(manifest['items'] as unknown[])];
    manifest['structures'] = [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Odd'] },
        behavior: ['sequence'],
        items: [ref(3), ref(1)],
      },
    ];
    await writeFile(path.join(app.host.workspace, 'stray.json'), manifestText(manifest));
  });

  it('opens on the canvas in focus and reads a sequence’s own canvases', async () => {
    const { page } = app.session;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'stray.json');
    // Grid place 3 is items[3]: "p. 3", the stray item being place 0.
    await cell(page, 3).click();
    await expect.poll(() => cell(page, 3).getAttribute('aria-selected')).toBe('true');
    expect(await cell(page, 3).textContent()).toContain('p. 3');
    await page.getByTestId('preview-toggle').click();
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 3']);
    expect(await page.locator('.preview-thumb-label').allTextContents()).toEqual([
      'p. 1',
      'p. 2',
      'p. 3',
      'p. 4',
    ]);
    await page.getByRole('combobox', { name: 'Reading order' }).selectOption({ label: 'Odd (2 pages)' });
    await expect.poll(() => page.locator('.preview-thumb-label').allTextContents()).toEqual(['p. 3', 'p. 1']);
    await expect.poll(() => stageLabelsLeftToRight(page)).toEqual(['p. 3']);
  });
});
