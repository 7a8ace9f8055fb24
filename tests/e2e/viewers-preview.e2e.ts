/**
 * Issue 13.14: the document being edited, shown in Mirador and in Clover from the preview. A loopback
 * institution (another port: another origin, as a real one would be) serves the images; the curator edits the
 * manifest's label without saving, opens each viewer, and must see the edited label and the image drawn in the
 * viewer's deep-zoom canvas, with every image request made to the app's own origin (the /remote-image route),
 * none to the institution directly, nothing outside 127.0.0.1, and no errors on the page. What the image route
 * cannot carry (here a collection the manifest is part of) is left out, and the preview says so.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourName, startInstitution, type ColourName, type Institution } from '../fixtures/institutions';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const FILE = 'published.json';
const EDITED = 'Edited, not yet saved';

/** How many pixels of each quadrant colour an element shows on screen. */
async function quadrantPixels(element: Locator): Promise<Record<ColourName, number>> {
  const shot = await element.screenshot();
  const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts: Record<ColourName, number> = { red: 0, green: 0, blue: 0, yellow: 0, other: 0 };
  for (let i = 0; i < data.length; i += info.channels * 7) {
    counts[colourName([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0])] += 1;
  }
  return counts;
}

/** True once the element shows all four quadrants of the test image (so the image, not a blank, is drawn). */
async function drawsQuadrants(element: Locator): Promise<boolean> {
  if ((await element.count()) === 0) return false;
  const counts = await quadrantPixels(element.first());
  return (['red', 'green', 'blue', 'yellow'] as const).every((colour) => counts[colour] > 20);
}

describe('preview in Mirador and Clover', () => {
  const app = useHostAndBrowser();
  let museum: Institution;
  /** Requests the page itself sent to the institution (all must go through the app's origin instead). */
  const direct: string[] = [];
  /** Images the page got through the routed image service. */
  const routedImages: string[] = [];

  beforeAll(async () => {
    museum = await startInstitution({ name: 'Loopback Museum', level: 2, imageApi: 3 });
    const manifest = (await (await fetch(museum.manifestUrl(3))).json()) as Record<string, unknown>;
    // A collection kept at the museum: both viewers would fetch it from there, so the preview leaves it out.
    manifest['partOf'] = [{ id: `${museum.baseUrl}/collections/all.json`, type: 'Collection' }];
    await writeFile(path.join(app.host.workspace, FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    app.page.on('request', (request) => {
      if (request.url().startsWith(museum.baseUrl)) direct.push(request.url());
    });
    app.page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.url().includes('/remote-image/service/') && response.ok() && type.startsWith('image/'))
        routedImages.push(response.url());
    });
  });
  afterAll(async () => {
    await museum?.close();
  });

  async function editLabel(page: Page) {
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, FILE);
    const manifest = page.getByRole('region', { name: 'Manifest' });
    await manifest.getByLabel('Label (en)', { exact: true }).fill(EDITED);
    await expect.poll(() => page.getByTestId('manifest-label').textContent()).toBe(EDITED);
    await page.getByTestId('preview-toggle').click();
  }

  it('shows the edited document in Mirador, its images through the app’s own origin', async () => {
    const { page } = app;
    await editLabel(page);
    const before = routedImages.length;
    await page.getByTestId('preview-viewer-mirador').click();
    expect(await page.getByTestId('preview-viewer-mirador').getAttribute('aria-pressed')).toBe('true');
    const viewer = page.getByTestId('mirador-preview');
    await expect.poll(() => viewer.getByText(EDITED).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => drawsQuadrants(viewer.locator('.openseadragon-canvas')), { timeout: 60_000 })
      .toBe(true);
    expect(routedImages.length).toBeGreaterThan(before);
    expect(await page.getByTestId('public-viewer-notice').textContent()).toMatch(
      /^Not shown here: 1 annotation page, collection or search service kept elsewhere\./,
    );
  });

  it('shows the edited document in Clover, its images through the app’s own origin', async () => {
    const { page } = app;
    const before = routedImages.length;
    await page.getByTestId('preview-viewer-clover').click();
    const viewer = page.getByTestId('clover-preview');
    await expect.poll(() => viewer.getByText(EDITED).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => drawsQuadrants(viewer.locator('.openseadragon-canvas')), { timeout: 60_000 })
      .toBe(true);
    expect(routedImages.length).toBeGreaterThan(before);
  });

  it('went back to the built-in preview and asked nothing of anyone but the app', async () => {
    const { page } = app;
    await page.getByTestId('preview-viewer-tessera').click();
    await expect.poll(() => page.getByTestId('preview-position').count()).toBe(1);
    expect(direct).toEqual([]);
    expect(app.session.offLoopback).toEqual([]);
    expect(app.session.errors).toEqual([]);
  });
});
