/**
 * The Sources panel and drops, in Chromium through the web host: a collection from the workspace leads to an
 * institution's Presentation 2 manifest (upgraded, credits kept); a copied canvas traces back to its source;
 * a IIIF content state dropped on the canvas grid (drag and drop, cookbook recipe 0599) and an image file
 * dropped from the file manager both become canvases; a content state naming a region of a canvas (cookbook
 * recipe 0485) becomes a canvas showing just that region, saved as a valid manifest.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeContentState } from '../../shared/iiif/image-api/content-state';
import {
  colourName,
  pixelAt,
  quadrantImage,
  startInstitution,
  type ColourName,
  type Institution,
} from '../fixtures/institutions';
import { schemaErrors, schemaMissingMessage, schemaPresent } from '../shared/canvas-build/schema';
import { type BrowserSession, openApp } from './harness';
import { useHostAndBrowser } from './host-and-browser';

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

/** Colour names on screen at canvas points of the viewer's canvas frame (canvas of `size` pixels). */
async function coloursAt(
  session: BrowserSession,
  size: { width: number; height: number },
  points: readonly (readonly [number, number])[],
): Promise<ColourName[]> {
  const frame = await session.page.getByTestId('canvas-frame').first().boundingBox();
  if (!frame || frame.width < 1 || frame.height < 1) return points.map(() => 'other');
  // Only the frame is captured: a small image to decode, however often the poll asks.
  const shot = await session.page.screenshot({ clip: frame });
  const scale = { x: frame.width / size.width, y: frame.height / size.height };
  return Promise.all(points.map(async ([x, y]) => colourName(await pixelAt(shot, x * scale.x, y * scale.y))));
}

describe('sources and drops', () => {
  const app = useHostAndBrowser();
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
    await writeFile(
      path.join(app.host.workspace, 'sources.json'),
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
    await Promise.all([library?.close(), archive?.close()]);
  });

  it('browses a collection to an upgraded Presentation 2 manifest and traces a copied canvas back to it', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.getByRole('button', { name: 'New manifest…' }).click();
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
    await page.getByRole('button', { name: 'Back to Our sources' }).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Our sources');
    await page.getByTestId('canvas-cell').first().click();
    await page.getByTestId('canvas-source').getByRole('button').click();
    await expect.poll(() => page.locator('.source-canvas.traced').getAttribute('title')).toBe('Page 2');
    expect(app.session.offLoopback).toEqual([]);
  });

  it('adds the canvases of a manifest whose IIIF content state is dropped on the grid', async () => {
    const { page } = app;
    const state = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/dnd.json',
      type: 'Annotation',
      motivation: ['contentState'],
      target: { id: archive.manifestUrl(3), type: 'Manifest' },
    };
    await dropOnGrid(app.session, {
      text: JSON.stringify(state),
      uriList: 'https://example.org/page-with-logo',
    });
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 2 canvases.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('3 canvases');
  });

  it('tiles an image file dropped from the file manager into the workspace and adds it', async () => {
    const { page } = app;
    const png = await quadrantImage(300, 200);
    await dropOnGrid(app.session, {
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
    const { page } = app;
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

  it('adds just the region of a canvas that a dropped content state names, as one step, and saves it valid', async (context) => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('6 canvases');
    // Map 1 is 500 × 400: red | green over blue | yellow. The region is the right half's middle, so the new
    // canvas is green above yellow. The archive is level 0 and its manifest declares a smaller delivered
    // size on the Image, so the crop must be measured in the full size that info.json gives.
    const canvasId = `${archive.manifestUrl(3).replace(/\/[^/]*$/, '')}/canvas/1`;
    const state = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      type: 'Annotation',
      motivation: ['contentState'],
      target: {
        id: `${canvasId}#xywh=300,50,150,300`,
        type: 'Canvas',
        partOf: [{ id: archive.manifestUrl(3), type: 'Manifest' }],
      },
    };
    await dropOnGrid(app.session, { text: encodeContentState(JSON.stringify(state)) });
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 1 canvas.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('7 canvases');

    // One undo step, and back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('6 canvases');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('7 canvases');

    // The viewer shows only the region: green above yellow, no red or blue from the left half.
    const cell = page.getByTestId('canvas-cell').nth(6);
    await cell.click();
    await expect.poll(() => cell.getAttribute('aria-selected')).toBe('true');
    const points = [
      [75, 10],
      [10, 75],
      [140, 140],
      [10, 160],
      [75, 290],
      [140, 225],
    ] as const;
    await expect
      .poll(() => coloursAt(app.session, { width: 150, height: 300 }, points), { timeout: 30_000 })
      .toEqual(['green', 'green', 'green', 'yellow', 'yellow', 'yellow']);

    // A region wholly outside the canvas is refused with the reason, and nothing is added.
    const outside = { ...state.target, id: `${canvasId}#xywh=600,0,100,100` };
    await dropOnGrid(app.session, { text: JSON.stringify(outside) });
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 0 canvases; 1 failed.');
    expect(await page.getByTestId('add-failures').textContent()).toContain('lies outside');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('7 canvases');

    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('regions.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved regions.json');
    const saved = JSON.parse(await readFile(path.join(app.host.workspace, 'regions.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    const region = saved.items[6] as {
      width: number;
      height: number;
      partOf: { id: string }[];
      requiredStatement: unknown;
      items: { items: { target: string; body: Record<string, unknown> }[] }[];
    };
    expect(region).toMatchObject({ width: 150, height: 300 });
    expect(region.partOf[0]?.id).toBe(archive.manifestUrl(3));
    expect(JSON.stringify(region.requiredStatement)).toContain(archive.credits.attribution);
    const annotation = region.items[0]?.items[0];
    expect(annotation?.target).toBe(saved.items[6]?.['id']);
    expect(annotation?.body).toMatchObject({
      type: 'SpecificResource',
      source: { type: 'Image', service: [{ id: archive.serviceUrl('a1') }] },
      selector: { type: 'ImageApiSelector', region: '300,50,150,300' },
    });
    expect(app.session.offLoopback).toEqual([]);
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    expect(schemaErrors(saved)).toEqual([]);
  });
});
