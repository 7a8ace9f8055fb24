/**
 * Issue 3, open from a URL: the main side fetches the manifest (here from a loopback fixture institution) and a
 * Presentation 2 manifest is upgraded on open with a visible notice; a bad URL is refused with a clear message
 * and the open document stays as it was. The text the server sent is kept: Save As writes it back with only
 * the edited value changed (issue 12, item 4).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { openApp, serveFolder } from './harness';
import { useHostAndBrowser } from './host-and-browser';

/** A manifest as a person laid it out: four-space indents, short arrays on one line, a key order of its own. */
const HAND_WRITTEN = `{
    "@context": "http://iiif.io/api/presentation/3/context.json",
    "type": "Manifest",
    "id": "https://example.org/iiif/hand/manifest.json",
    "label": { "en": [ "Written by hand" ] },
    "behavior": [ "paged" ],
    "items": [
        {
            "id": "https://example.org/iiif/hand/canvas/1", "type": "Canvas",
            "height": 1000, "width": 750,
            "items": []
        }
    ]
}
`;

describe('open from URL', () => {
  const app = useHostAndBrowser();
  let museum: Institution;
  beforeAll(async () => {
    museum = await startInstitution({ name: 'URL Museum', level: 2, imageApi: 2 });
  });
  afterAll(async () => {
    await museum?.close();
  });

  it('opens a Presentation 2 manifest by URL, upgraded, with a notice', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.keyboard.press('Control+Shift+O');
    await page.getByLabel('Manifest URL').fill(museum.manifestUrl(2));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('upgraded from Presentation 2');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(2);
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
  });

  it('refuses what it cannot use and keeps the open document', async () => {
    const { page } = app;
    // The open document is unsaved (upgraded): it stays in its tab, so nothing asks to discard it.
    await page.keyboard.press('Control+Shift+O');
    await page.getByLabel('Manifest URL').fill(`${museum.baseUrl}/no-such-manifest.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/404|not found/i);
    await page.getByLabel('Manifest URL').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('http');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('canvas-cell').count()).toBe(2);
  });

  it('keeps the fetched text: Save As changes only what was edited, in the file’s own layout', async () => {
    const { page } = app;
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tessera-hand-'));
    await writeFile(path.join(folder, 'hand.json'), HAND_WRITTEN);
    const site = await serveFolder(() => folder);
    try {
      // The unsaved document of the test before stays in its tab: nothing asks to discard it.
      if ((await page.getByLabel('Manifest URL').count()) === 0) await page.keyboard.press('Control+Shift+O');
      await page.getByLabel('Manifest URL').fill(`${site.origin}/hand.json`);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect.poll(() => page.getByTestId('manifest-label').textContent()).toBe('Written by hand');
      const field = page.getByRole('region', { name: 'Manifest' }).getByLabel('Label (en)', { exact: true });
      await field.fill('Edited by hand');
      await field.press('Tab');
      await page.getByRole('button', { name: 'Save As…' }).click();
      await page.getByLabel('File name').fill('hand.json');
      await page.getByRole('button', { name: 'Save', exact: true }).last().click();
      await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved hand.json');
      expect(await readFile(path.join(app.host.workspace, 'hand.json'), 'utf8')).toBe(
        HAND_WRITTEN.replace('Written by hand', 'Edited by hand'),
      );
    } finally {
      await new Promise((resolve) => site.server.close(resolve));
    }
  });
});
