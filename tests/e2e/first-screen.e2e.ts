/**
 * Issue 2's acceptance, as a person does it: the app opens on the sample project with no network, shows its
 * canvases and a deep-zoom image; a manifest file in the workspace opens and shows its canvases; Save writes it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

function smallManifest(base: string, count: number) {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Workspace manifest'] },
    'x-extension': { kept: true },
    items: Array.from({ length: count }, (_, i) => ({
      id: `${base}/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`p. ${i + 1}`] },
      width: 100,
      height: 150,
      items: [],
    })),
  };
}

describe('first screen and files', () => {
  const app = useHostAndBrowser();

  it('opens the sample with its canvases and a deep-zoom image, and no request leaves 127.0.0.1', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    expect(await page.getByTestId('manifest-label').textContent()).toContain('Sample psalter');
    expect(await page.getByTestId('canvas-count').textContent()).toContain('4 canvases');
    // The viewer drew tiles: OpenSeadragon's canvas has non-background pixels.
    await expect
      .poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images'), { timeout: 20_000 })
      .toBe('1');
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const canvas = document.querySelector<HTMLCanvasElement>('.viewer-canvas canvas');
            const ctx = canvas?.getContext('2d');
            if (!canvas || !ctx) return 0;
            const { data } = ctx.getImageData(canvas.width / 2 - 50, canvas.height / 2 - 50, 100, 100);
            let lit = 0;
            for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 120) lit++;
            return lit;
          }),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(1000);
    // Thumbnails loaded from the sample's declared level-0 sizes.
    await expect
      .poll(() =>
        page
          .locator('img.thumb')
          .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBe(4);
    expect(app.session.offLoopback).toEqual([]);
  });

  it('opens a manifest from the workspace, edits nothing else, and saves it', async () => {
    const { page } = app;
    const file = path.join(app.host.workspace, 'workspace-manifest.json');
    const original = `${JSON.stringify(smallManifest('https://example.org/ws', 3), null, 2)}\n`;
    await writeFile(file, original);
    await openWorkspaceFile(page, 'workspace-manifest.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(3);
    expect(await page.getByTestId('manifest-label').textContent()).toContain('Workspace manifest');

    await page.getByTestId('canvas-cell').nth(1).click();
    await page.getByTestId('label-items-1').fill('p. 2 (corrected)');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('Saved workspace-manifest.json');
    const saved = await readFile(file, 'utf8');
    const expected = original.replace('"p. 2"', '"p. 2 (corrected)"');
    expect(saved).toBe(expected);
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
  });

  it('saves a new copy with Save As through the in-app picker', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('copy.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved copy.json');
    const copy = JSON.parse(await readFile(path.join(app.host.workspace, 'copy.json'), 'utf8'));
    expect(copy.items).toHaveLength(3);
    expect(copy['x-extension']).toEqual({ kept: true });
  });

  it('refuses malformed JSON with the line and column, and keeps the open document', async () => {
    const { page } = app;
    await writeFile(
      path.join(app.host.workspace, 'broken.json'),
      '{\n  "type": "Manifest",\n  "items": [,]\n}\n',
    );
    // Not openWorkspaceFile: this file is refused, so it never becomes the open document.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: /broken\.json/ }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/line 3/i);
    expect(await page.getByTestId('canvas-count').textContent()).toContain('3 canvases');
  });
});
