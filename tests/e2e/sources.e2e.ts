/**
 * The Sources panel and drops, in Chromium through the web host: a collection from the workspace leads to an
 * institution's Presentation 2 manifest (upgraded, credits kept); a copied canvas traces back to its source;
 * a IIIF content state dropped on the canvas grid (drag and drop, cookbook recipe 0599) and an image file
 * dropped from the file manager both become canvases.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quadrantImage, startInstitution, type Institution } from '../fixtures/institutions';
import { openBrowser, startHost, type BrowserSession, type HostProcess, openApp } from './harness';

/** Drops drag data on the canvas grid the way a browser does for a drag from another page or the desktop. */
async function dropOnGrid(
  session: BrowserSession,
  data: { text?: string; uriList?: string; file?: { name: string; type: string; base64: string } },
) {
  await session.page.getByTestId('canvas-grid').evaluate((grid, payload) => {
    const transfer = new DataTransfer();
    if (payload.text) transfer.setData('text/plain', payload.text);
    if (payload.uriList) transfer.setData('text/uri-list', payload.uriList);
    if (payload.file) {
      const bytes = Uint8Array.from(atob(payload.file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], payload.file.name, { type: payload.file.type }));
    }
    const box = grid.getBoundingClientRect();
    const at = { clientX: box.left + box.width - 5, clientY: box.top + box.height - 5 };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      grid.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }),
      );
    }
  }, data);
}

describe('sources and drops', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let library: Institution;
  let archive: Institution;

  beforeAll(async () => {
    [library, archive] = await Promise.all([
      startInstitution({
        name: 'Old Library',
        level: 2,
        imageApi: 2,
        images: [
          { id: 'p1', width: 400, height: 600, label: 'Page 1' },
          { id: 'p2', width: 400, height: 600, label: 'Page 2' },
        ],
      }),
      startInstitution({
        name: 'City Archive',
        level: 0,
        imageApi: 3,
        images: [
          { id: 'a1', width: 500, height: 400, label: 'Map 1' },
          { id: 'a2', width: 500, height: 400, label: 'Map 2' },
        ],
      }),
    ]);
    host = await startHost();
    session = await openBrowser();
    await writeFile(
      path.join(host.workspace, 'sources.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: 'https://example.org/collections/sources.json',
        type: 'Collection',
        label: { en: ['Our sources'] },
        items: [
          { id: library.manifestUrl(2), type: 'Manifest', label: { en: ['Old Library book'] } },
          { id: archive.manifestUrl(3), type: 'Manifest', label: { en: ['City Archive maps'] } },
        ],
      }),
    );
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await Promise.all([library?.close(), archive?.close()]);
  });

  it('browses a collection to an upgraded Presentation 2 manifest and traces a copied canvas back to it', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'File…' }).click();
    await page
      .getByRole('button', { name: /sources\.json/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Our sources');
    await page.getByRole('button', { name: /Old Library book/ }).click();
    await expect.poll(() => page.getByTestId('source-canvas').count()).toBe(2);
    expect(await page.getByTestId('sources-panel').textContent()).toContain('upgraded from Presentation 2');
    const credits = await page.getByTestId('source-credits').textContent();
    expect(credits).toContain(library.credits.attribution);
    expect(credits).toContain(library.credits.rights);

    await page.getByTestId('source-canvas').nth(1).click();
    await page.getByRole('button', { name: 'Insert 1 selected' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('1 canvases');

    // Back in the collection, then traced back from the document's canvas to the original.
    await page.getByRole('button', { name: /← Our sources/ }).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Our sources');
    await page.getByTestId('canvas-cell').first().click();
    await page.getByTestId('canvas-source').getByRole('button').click();
    await expect.poll(() => page.locator('.source-canvas.traced').getAttribute('title')).toBe('Page 2');
    expect(session.offLoopback).toEqual([]);
  });

  it('adds the canvases of a manifest whose IIIF content state is dropped on the grid', async () => {
    const { page } = session;
    const state = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/dnd.json',
      type: 'Annotation',
      motivation: ['contentState'],
      target: { id: archive.manifestUrl(3), type: 'Manifest' },
    };
    await dropOnGrid(session, { text: JSON.stringify(state), uriList: 'https://example.org/page-with-logo' });
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 2 canvases.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('3 canvases');
  });

  it('tiles an image file dropped from the file manager into the workspace and adds it', async () => {
    const { page } = session;
    const png = await quadrantImage(300, 200);
    await dropOnGrid(session, {
      file: { name: 'Desk photo.png', type: 'image/png', base64: png.toString('base64') },
    });
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 60_000 })
      .toBe('Added 1 canvas.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('4 canvases');
    const last = page.getByTestId('canvas-cell').nth(3);
    expect(await last.getAttribute('aria-label')).toMatch(/^Desk photo,/);
    await expect.poll(() => last.locator('[data-thumb-state="loaded"]').count(), { timeout: 20_000 }).toBe(1);
    const src = await last.locator('img').getAttribute('src');
    expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local-images\/desk-photo\/full\//);
  });

  it('retries a failed address on request and puts its canvas back where it belongs', async () => {
    const { page } = session;
    archive.script('/iiif/a1/info.json', [{ status: 404, body: 'Not yet' }]);
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(`${archive.infoUrl('a1')}\n${archive.infoUrl('a2')}`);
    await page.getByLabel('Insert at position').fill('1');
    await page.getByRole('button', { name: 'Add 2' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 1 canvas; 1 failed.');
    expect(await page.getByTestId('add-failures').textContent()).toMatch(/404/);
    await page.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 2 canvases.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const labels = await page
      .getByTestId('canvas-cell')
      .evaluateAll((cells) =>
        cells.slice(0, 2).map((c) => (c.getAttribute('aria-label') ?? '').split(',')[0]),
      );
    expect(labels).toEqual(['a1', 'a2']);
  });
});
