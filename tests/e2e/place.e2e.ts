/**
 * Issue 19 item 5, as a person does it in Chromium through the web host, with nothing leaving 127.0.0.1: open
 * the sample, open a canvas's place editor, draw a polygon by clicking on the offline world map and close it,
 * label it, move a vertex (one undo step), type a point (and see a typed mistake explained), type the
 * manifest's own place, save; the file
 * passes the official schema and reopens with the polygon drawn. Then batch-set navDate over three canvases, and
 * navPlace with a new navDate over the same three in one step, each previewed and undone in one step. Last, a tile address the user gives (a loopback tile
 * server) adds tiles, which the page gets from its own origin's image route.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { officialSchemaChecks } from './official-schema-check';
import { drawTriangle, drawnPaths, openGroup, openPlaceEditor, saveAs, type Json } from './time-place-steps';

const NAVPLACE_CONTEXT = 'http://iiif.io/api/extension/navplace/context.json';

describe('navPlace on an offline map', () => {
  const app = useHostAndBrowser();
  const schema = officialSchemaChecks();

  it('draws, labels, moves, types and saves places; the file reopens with the polygon drawn', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await page.getByTestId('canvas-cell').first().click();
    await page.getByRole('heading', { name: 'Canvas 1' }).waitFor();
    const dialog = await openPlaceEditor(page);
    const map = dialog.getByRole('application', { name: 'Map of the canvas 1 place' });
    await expectAccessible(page, 'place editor');

    // Three clicks on the map, then a click on the first vertex closes the polygon.
    await drawTriangle(page, dialog, map);
    await expect.poll(() => dialog.getByTestId('place-count').textContent()).toBe('1 place');
    expect((await drawnPaths(dialog))[0]).toMatch(/^M/);

    // Its label, then a vertex dragged on the map: the positions typed below follow.
    await dialog.getByLabel('Place 1 label (en)', { exact: true }).fill('Drawn area');
    const positions = dialog.getByLabel('Place 1 positions: longitude, latitude; one per line');
    const drawn = await positions.inputValue();
    expect(drawn.split('\n')).toHaveLength(3);
    // A place just drawn is the chosen one: its vertices have handles.
    const moving = dialog.getByRole('button', { name: 'Move vertices of place 1' });
    expect(await moving.getAttribute('aria-pressed')).toBe('true');
    const vertex = dialog.getByRole('button', { name: /^Vertex \d of place 1/ }).first();
    const at = (await vertex.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + 30, at.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => positions.inputValue()).not.toBe(drawn);

    // The keyboard path: a typed point, after a typed mistake that is explained.
    const typed = dialog.getByLabel('Positions: longitude, latitude; one per line', { exact: true });
    await typed.fill('48.85, 120');
    await dialog.getByRole('button', { name: 'Add the typed place' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('longitude first');
    await typed.fill('2.35, 48.85');
    await dialog.getByRole('button', { name: 'Add the typed place' }).click();
    await expect.poll(() => dialog.getByTestId('place-count').textContent()).toBe('2 places');
    await dialog.getByRole('button', { name: 'Delete place 2' }).click();
    await expect.poll(() => dialog.getByTestId('place-count').textContent()).toBe('1 place');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Undo takes back the deletion, the point, the vertex move: one step each.
    const summary = page.getByTestId('nav-place-canvas').locator('.place-summary');
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.click();
    await expect.poll(() => summary.textContent()).toBe('polygon “Drawn area”; point');
    await undo.click();
    await expect.poll(() => summary.textContent()).toBe('polygon “Drawn area”');
    await undo.click();
    const reopened = await openPlaceEditor(page);
    await expect
      .poll(() => reopened.getByLabel('Place 1 positions: longitude, latitude; one per line').inputValue())
      .toBe(drawn);
    await reopened.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Redo' }).click();

    // The manifest's own place, typed: the keyboard path from start to finish.
    const manifest = page.getByRole('region', { name: 'Manifest' });
    await openGroup(manifest, 'Navigation and display');
    await manifest.getByRole('button', { name: 'Edit the manifest place on a map…' }).click();
    const manifestDialog = page.getByRole('dialog', { name: 'Place of the manifest' });
    await manifestDialog.getByLabel('Label of the next place (en)').fill('Scriptorium');
    await manifestDialog
      .getByLabel('Positions: longitude, latitude; one per line', { exact: true })
      .fill('2.35, 48.85');
    await manifestDialog.getByRole('button', { name: 'Add the typed place' }).click();
    await expect.poll(() => manifestDialog.getByTestId('place-count').textContent()).toBe('1 place');
    await manifestDialog.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.getByTestId('nav-place-manifest').locator('.place-summary').textContent())
      .toBe('point “Scriptorium”');

    const saved = await saveAs(page, app.host, 'placed.json');
    expect((saved['navPlace'] as { features: Json[] }).features).toEqual([
      expect.objectContaining({
        properties: { label: { en: ['Scriptorium'] } },
        geometry: { type: 'Point', coordinates: [2.35, 48.85] },
      }),
    ]);
    schema.add('placed.json', saved);
    expect(saved['@context']).toEqual([NAVPLACE_CONTEXT, 'http://iiif.io/api/presentation/3/context.json']);
    const canvas = (saved['items'] as Json[])[0]!;
    const place = canvas['navPlace'] as Json;
    expect(place).toMatchObject({
      id: `${canvas['id'] as string}/feature-collection/1`,
      type: 'FeatureCollection',
      features: [
        {
          id: `${canvas['id'] as string}/feature-collection/1/feature/1`,
          type: 'Feature',
          properties: { label: { en: ['Drawn area'] } },
          geometry: { type: 'Polygon' },
        },
      ],
    });
    const ring = ((place['features'] as Json[])[0]!['geometry'] as { coordinates: number[][][] })
      .coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);

    // Reopened from disk, the polygon is drawn again.
    await openWorkspaceFile(page, 'placed.json');
    await page.getByTestId('canvas-cell').first().click();
    const again = await openPlaceEditor(page);
    await expect.poll(async () => (await drawnPaths(again)).filter((d) => /^M/.test(d)).length).toBe(1);
    expect(await again.getByLabel('Place 1 label (en)', { exact: true }).inputValue()).toBe('Drawn area');
    await again.getByRole('button', { name: 'Done' }).click();
    expect(app.session.offLoopback).toEqual([]);
  });

  it('batch-sets navDate, then navPlace with a new navDate, over three canvases; each undone in one step', async () => {
    const { page } = app;
    await page.getByTestId('canvas-cell').nth(1).click();
    await page
      .getByTestId('canvas-cell')
      .nth(3)
      .click({ modifiers: ['Shift'] });
    await page.getByRole('tab', { name: /^Batch/ }).click();
    const batch = page.getByRole('tabpanel', { name: 'Batch' });
    await expect.poll(() => page.getByTestId('batch-selection').textContent()).toContain('3 of 4');

    await batch.getByRole('button', { name: 'Edit 3 selected canvases…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit 3 selected canvases' });
    await dialog.getByLabel('Property').selectOption('navDate');
    await dialog.getByLabel('Navigation date', { exact: true }).fill('1856-03-01');
    await expect
      .poll(() => dialog.getByTestId('batch-preview-count').textContent())
      .toContain('3 canvases will change');
    await dialog.getByRole('button', { name: 'Apply to 3 canvases' }).click();

    await batch.getByRole('button', { name: 'Edit 3 selected canvases…' }).click();
    await dialog.getByLabel('Property').selectOption('navPlace');
    await dialog.getByLabel('Kind of place').selectOption('Polygon');
    await dialog
      .getByLabel('Positions: longitude, latitude; one per line')
      .fill('12.49, 41.89\n12.5, 41.89\n12.495, 41.9');
    await dialog.getByLabel('Place label', { exact: true }).fill('Rome');
    // A new date in the same step: the preview lists both properties of each canvas.
    await dialog.getByLabel('Place navigation date', { exact: true }).fill('1857-05-01');
    await expect
      .poll(() => dialog.getByTestId('batch-preview-count').textContent())
      .toContain('3 canvases will change');
    const rows = dialog.locator('.change-table tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    expect(await rows.nth(0).textContent()).toContain('polygon “Rome”');
    expect(await rows.nth(1).textContent()).toContain('1857-05-01T00:00:00Z');
    await expectAccessible(page, 'batch navPlace dialog');
    await dialog.getByRole('button', { name: 'Apply to 3 canvases' }).click();

    const save = (name: string) => saveAs(page, app.host, name);
    const both = await save('batch-both.json');
    schema.add('batch-both.json', both);
    for (const canvas of both.items.slice(1)) {
      expect(canvas['navDate']).toBe('1857-05-01T00:00:00Z');
      expect((canvas['navPlace'] as Json)['id']).toBe(`${canvas['id'] as string}/feature-collection/1`);
    }
    expect(both.items[0]!['navDate']).toBeUndefined();

    // One undo takes the place and the new date off all three canvases, back to the first batch's dates; the
    // next undo takes those.
    await page.getByRole('button', { name: 'Undo' }).click();
    const dateOnly = await save('batch-date.json');
    expect(dateOnly.items.map((c) => [c['navDate'] ?? null, c['navPlace'] ?? null])).toEqual([
      [null, (both.items[0] as Json)['navPlace']],
      ['1856-03-01T00:00:00Z', null],
      ['1856-03-01T00:00:00Z', null],
      ['1856-03-01T00:00:00Z', null],
    ]);
    await page.getByRole('button', { name: 'Undo' }).click();
    const neither = await save('batch-neither.json');
    expect(neither.items.slice(1).map((c) => [c['navDate'] ?? null, c['navPlace'] ?? null])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(app.session.offLoopback).toEqual([]);
  });

  it('uses a tile address the user gives, fetched through the main side and its cache', async () => {
    const { page } = app;
    const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#7fa36b' } })
      .png()
      .toBuffer();
    const requested: string[] = [];
    const tiles = http.createServer((request, response) => {
      requested.push(request.url ?? '');
      response.setHeader('Content-Type', 'image/png');
      response.end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tiles.address() as AddressInfo).port;
      await page.getByRole('tab', { name: 'Properties' }).click();
      await page.getByTestId('canvas-cell').first().click();
      const dialog = await openPlaceEditor(page);
      await dialog.getByText(/^Base map:/).click();
      const address = dialog.getByLabel('Tile address (optional, when online)');
      await address.fill(`http://127.0.0.1:${port}/{s}/{z}/{x}/{y}.png`);
      await dialog.getByRole('button', { name: 'Use this base map' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('{s} is not supported');
      await address.fill(`http://127.0.0.1:${port}/{z}/{x}/{y}.png`);
      await dialog.getByLabel('Tile attribution').fill('Test tiles');
      await dialog.getByRole('button', { name: 'Use this base map' }).click();
      const loaded = () =>
        dialog
          .locator('.place-map img.leaflet-tile')
          .evaluateAll((images) =>
            (images as HTMLImageElement[])
              .filter((image) => image.complete && image.naturalWidth === 256)
              .map((image) => image.getAttribute('src') ?? ''),
          );
      await expect.poll(async () => (await loaded()).length, { timeout: 20_000 }).toBeGreaterThan(0);
      // The page asks its own origin; the main side fetched the tiles.
      for (const src of await loaded()) expect(src).toMatch(/^\/remote-image\?url=http%3A%2F%2F127\.0\.0\.1/);
      expect(requested.some((url) => /^\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
      expect(await dialog.locator('.leaflet-control-attribution').textContent()).toContain('Test tiles');
      // Back to the built-in map: the tiles go.
      await address.fill('');
      await dialog.getByRole('button', { name: 'Use this base map' }).click();
      await expect.poll(() => dialog.locator('.place-map img.leaflet-tile').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Done' }).click();
      expect(app.session.offLoopback).toEqual([]);
      // No CSP violation, no script error, in the whole session (Chromium reports both as console errors).
      expect(app.session.errors).toEqual([]);
    } finally {
      await new Promise((resolve) => tiles.close(resolve));
    }
  });

  schema.test('the saved manifests');
});
