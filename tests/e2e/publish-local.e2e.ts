/**
 * Issue 8's acceptance: a reconstruction made of local images (files dropped from the desktop, tiled into the
 * workspace) is published to a folder; that folder, served on loopback at the public base URL, is opened again
 * as a source: every canvas and every image shows, and the published manifest passes the official schema.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quadrantImage } from '../fixtures/institutions';
import { officialSchemaChecks } from './official-schema-check';
import { type BrowserSession, openApp, serveFolder } from './harness';
import { useHostAndBrowser } from './host-and-browser';

async function dropImage(session: BrowserSession, name: string, png: Buffer) {
  await session.page.getByTestId('canvas-grid').evaluate(
    (grid, payload) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(payload.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], payload.name, { type: 'image/png' }));
      const box = grid.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      for (const type of ['dragenter', 'dragover', 'drop']) {
        grid.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }),
        );
      }
    },
    { name, base64: png.toString('base64') },
  );
}

describe('publish a reconstruction with local images', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  let site: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    site = await serveFolder(() => path.join(app.host.workspace, 'published'));
  });
  afterAll(async () => {
    site?.server.close();
  });

  it('publishes local images with the manifest and reopens the publication as a source', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.getByRole('button', { name: 'New manifest…' }).click();
    await page.getByLabel('Manifest label').fill('Reconstructed leaves');
    await page.getByLabel('Project base URI').fill('https://example.org/iiif/reco');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');

    for (const [i, name] of ['Leaf A.png', 'Leaf B.png'].entries()) {
      await dropImage(app.session, name, await quadrantImage(320 + i * 40, 240));
      await expect
        .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 60_000 })
        .toBe('Added 1 canvas.');
      await page.getByRole('button', { name: 'Close', exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('2 canvases');

    const base = `${site.origin}/reco`;
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(base);
    await page.getByLabel('Output folder').fill('published/reco');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect.poll(() => page.getByTestId('publish-findings').textContent()).toMatch(/^0 errors/);
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const published = JSON.parse(
      await readFile(path.join(app.host.workspace, 'published/reco/manifest.json'), 'utf8'),
    );
    const text = JSON.stringify(published);
    // Nothing points back at the editing host: images moved into the publication with the manifest.
    expect(text).not.toContain(app.host.origin);
    expect(text).toContain(`${base}/images/`);
    schema.add('the published manifest', published);

    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(`${base}/manifest.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const sourceCanvases = page.getByTestId('source-canvas');
    await expect.poll(() => sourceCanvases.count()).toBe(2);
    await expect
      .poll(() =>
        sourceCanvases
          .locator('img')
          .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBe(2);
  });

  schema.test('The published manifest');
});
