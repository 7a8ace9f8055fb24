/**
 * The probe's repro files (issue 20, items 1, 2 and 9) in Chromium through the web host: a manifest whose
 * language maps and properties are keyed like Object.prototype members opens and is worked with; a file of
 * 2,000 nested arrays is refused with a sentence while the open document stays; an info.json whose @id is
 * javascript: is refused by Add images with its reason, and no javascript: id reaches the saved manifest.
 * None of them blanks the window or raises a page error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const SPECIAL = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** Every special key as a language of every label, and as a property of the manifest and its canvases. */
function specialKeysManifest(): string {
  const map = (text: string) =>
    `{${SPECIAL.map((k) => `"${k}": ["${text} ${k}"]`).join(', ')}, "en": ["${text}"]}`;
  const extras = SPECIAL.map((k) => `"${k}": {"x": 1}`).join(', ');
  const canvas = (n: number) =>
    `{"id": "https://example.org/c${n}", "type": "Canvas", "label": ${map(`page ${n}`)}, "width": 100, ` +
    `"height": 100, "metadata": [{"label": ${map('Folio')}, "value": ${map(`${n}r`)}}], ${extras}, "items": []}`;
  return (
    `{"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/m", ` +
    `"type": "Manifest", "label": ${map('Special keys')}, "summary": ${map('About')}, ${extras}, ` +
    `"items": [${canvas(1)}, ${canvas(2)}]}`
  );
}

describe('the probe repro files', () => {
  const app = useHostAndBrowser();
  let images: http.Server;
  let imagesOrigin = '';

  beforeAll(async () => {
    images = http.createServer((request, response) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Content-Type', 'application/json');
      if (request.url === '/iiif/evil/info.json') {
        response.end(
          JSON.stringify({
            '@context': 'http://iiif.io/api/image/2/context.json',
            '@id': 'javascript:alert(document.domain)',
            protocol: 'http://iiif.io/api/image',
            profile: ['http://iiif.io/api/image/2/level0.json'],
            width: 100,
            height: 100,
          }),
        );
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    imagesOrigin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
    await writeFile(path.join(app.host.workspace, 'special-keys.json'), specialKeysManifest());
    await writeFile(
      path.join(app.host.workspace, 'deep.json'),
      `{"type":"Manifest","x":${'['.repeat(2000)}${']'.repeat(2000)}}`,
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => images?.close(resolve));
  });

  it('opens the special-keys manifest and shows its panels without a blank screen', async () => {
    const { page, errors } = app.session;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'special-keys.json');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('2 canvases');
    expect(await page.getByTestId('manifest-label').textContent()).toContain('Special keys');
    await page.getByTestId('canvas-cell').first().click();
    await page.getByTestId('validation-toggle').click();
    await page.getByTestId('preview-toggle').click();
    await page.getByTestId('preview-toggle').click();
    expect(await page.getByTestId('panel-failed').count()).toBe(0);
    expect(errors.filter((e) => /TypeError|is not a function/.test(e))).toEqual([]);
  });

  it('refuses 2,000 nested arrays with a sentence and keeps the open document', async () => {
    const { page, errors } = app.session;
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('button', { name: /deep\.json/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/more than 100 levels deep/);
    expect(await page.getByTestId('canvas-count').textContent()).toContain('2 canvases');
    expect(await page.getByTestId('panel-failed').count()).toBe(0);
    expect(errors.filter((e) => /call stack/i.test(e))).toEqual([]);
  });

  it('refuses an info.json whose @id is javascript: and saves no javascript: id', async () => {
    const { page } = app;
    const dismiss = page.getByRole('button', { name: 'Cancel' });
    if (await dismiss.isVisible()) await dismiss.click();
    await page.getByRole('button', { name: 'New manifest…' }).click();
    const discard = page.getByRole('button', { name: /Discard|Don’t save|Don't save/ });
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(`${imagesOrigin}/iiif/evil/info.json`);
    await page.getByRole('button', { name: 'Add 1' }).click();
    await expect
      .poll(() => page.getByTestId('add-failures').textContent(), { timeout: 30_000 })
      .toMatch(/not an http\(s\) address/);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await page.getByTestId('canvas-count').textContent()).toContain('0 canvases');

    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('after-evil.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved after-evil.json');
    const saved = await readFile(path.join(app.host.workspace, 'after-evil.json'), 'utf8');
    expect(saved).not.toMatch(/javascript:/i);
    expect(await page.getByTestId('panel-failed').count()).toBe(0);
  });
});
