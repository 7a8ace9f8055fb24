/**
 * Issue 4's acceptance, as a curator does it, in Chromium through the web host: paste 20 info.json addresses
 * from three institutions (two of them broken), see 18 canvases in the order given and the 2 failures with
 * their reasons; open another institution's manifest as a source and drag 3 of its canvases to position 2;
 * save; the saved manifest passes the official schema and carries the source's credits.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_PATHS, startInstitution, type Institution } from '../fixtures/institutions';
import { schemaErrors, schemaMissingMessage, schemaPresent } from '../shared/canvas-build/schema';
import { openBrowser, startHost, type BrowserSession, type HostProcess, openApp } from './harness';

interface Saved {
  items: {
    id: string;
    label?: Record<string, string[]>;
    width: number;
    height: number;
    partOf?: { id: string; type: string }[];
    requiredStatement?: { value: Record<string, string[]> };
    rights?: string;
    provider?: { label: Record<string, string[]> }[];
    items: { items: { body: { id: string; service?: Record<string, string>[] } }[] }[];
  }[];
}

describe('adding images from many institutions', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let staticLibrary: Institution;
  let museum: Institution;
  let failing: Institution;
  /** The 18 good addresses, in the order pasted (the first test sets it). */
  let good: string[] = [];

  beforeAll(async () => {
    [staticLibrary, museum, failing] = await Promise.all([
      startInstitution({
        name: 'Static Library',
        level: 0,
        imageApi: 3,
        images: [{ id: 'leaf', width: 600, height: 800, label: 'Leaf' }],
        syntheticImages: 8,
      }),
      startInstitution({
        name: 'Dynamic Museum',
        level: 2,
        imageApi: 2,
        images: [
          { id: 'm1', width: 800, height: 600, label: 'Museum 1' },
          { id: 'm2', width: 500, height: 700, label: 'Museum 2' },
          { id: 'm3', width: 640, height: 640, label: 'Museum 3' },
          { id: 'm4', width: 900, height: 300, label: 'Museum 4' },
        ],
        syntheticImages: 2,
      }),
      startInstitution({
        name: 'Failing Foundation',
        level: 2,
        imageApi: 3,
        failures: true,
        images: [{ id: 'f', width: 400, height: 400 }],
        syntheticImages: 4,
      }),
    ]);
    host = await startHost();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await Promise.all([staticLibrary?.close(), museum?.close(), failing?.close()]);
  });

  it('adds 18 of 20 pasted addresses in order as one undo step, listing the 2 failures with reasons', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await page.getByRole('button', { name: 'New manifest…' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');

    // Round robin over the three institutions, with the two broken addresses in the middle.
    const lists = [
      Array.from({ length: 8 }, (_, i) => staticLibrary.infoUrl(`synthetic-${i}`)),
      ['m1', 'm2', 'm3', 'm4', 'synthetic-0', 'synthetic-1'].map((id) => museum.infoUrl(id)),
      Array.from({ length: 4 }, (_, i) => failing.infoUrl(`synthetic-${i}`)),
    ];
    good = [];
    for (let i = 0; good.length < 18; i++)
      for (const list of lists) if (list[i]) good.push(list[i] as string);
    const broken = [`${failing.baseUrl}${FAILURE_PATHS.notFound}`, `${failing.baseUrl}${FAILURE_PATHS.html}`];
    const pasted = [...good.slice(0, 5), broken[0], ...good.slice(5, 11), broken[1], ...good.slice(11)];
    expect(pasted).toHaveLength(20);

    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(pasted.join('\n'));
    await page.getByRole('button', { name: 'Add 20' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 60_000 })
      .toBe('Added 18 canvases; 2 failed.');
    const failures = page.getByTestId('add-failures').locator('li');
    expect(await failures.count()).toBe(2);
    expect(await failures.nth(0).textContent()).toContain(broken[0]);
    expect(await failures.nth(0).textContent()).toMatch(/nothing at this address \(404\)/);
    expect(await failures.nth(1).textContent()).toContain(broken[1]);
    expect(await failures.nth(1).textContent()).toMatch(/web page/);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('18 canvases');

    // One undo step for the whole batch.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('18 canvases');

    // Thumbnails come through the main side's cache route, never straight from the institutions.
    await expect
      .poll(() => page.locator('[data-testid="canvas-cell"] [data-thumb-state="loaded"]').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    const sources = await page
      .locator('[data-testid="canvas-cell"] img')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).getAttribute('src') ?? ''));
    expect(sources.every((src) => src.startsWith('/remote-image?url='))).toBe(true);
    expect(session.offLoopback).toEqual([]);
  });

  it('keeps the commas of pasted IIIF image requests and says what each line was taken as', async () => {
    const { page } = session;
    const before = Number(
      /(\d+) canvases/.exec((await page.getByTestId('canvas-count').textContent()) ?? '')?.[1],
    );
    const sized = `${museum.serviceUrl('m2')}/full/600,/0/default.jpg`;
    const region = `${museum.serviceUrl('m3')}/10,20,300,400/max/0/default.jpg`;
    const info = museum.infoUrl('m4');
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(`${sized}\n${region}\n${info}`);
    const read = page.getByRole('list', { name: 'Addresses as read' }).locator('li');
    await expect.poll(() => read.count()).toBe(3);
    expect(await read.allTextContents()).toEqual([
      `${sized}image service (from an image request)`,
      `${region}image service (from an image request)`,
      `${info}image information (info.json)`,
    ]);
    await page.getByRole('button', { name: 'Add 3' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 60_000 })
      .toBe('Added 3 canvases.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('canvas-count').textContent())
      .toContain(`${before + 3} canvases`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain(`${before} canvases`);
  });

  it('drags 3 canvases from another institution’s manifest to position 2, then saves a valid manifest with credits', async (context) => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(museum.manifestUrl(3));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const sourceCanvases = page.getByTestId('source-canvas');
    await expect.poll(() => sourceCanvases.count()).toBe(4);
    expect(await page.getByTestId('source-credits').textContent()).toContain(museum.credits.attribution);

    await sourceCanvases.nth(0).click();
    await sourceCanvases.nth(2).click({ modifiers: ['Shift'] });
    await expect
      .poll(() => page.locator('[data-testid="source-canvas"][aria-selected="true"]').count())
      .toBe(3);
    await sourceCanvases.nth(1).dragTo(page.getByTestId('canvas-cell').nth(1), {
      targetPosition: { x: 4, y: 4 },
    });
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('21 canvases');
    const labels = await page
      .getByTestId('canvas-cell')
      .evaluateAll((cells) => cells.slice(0, 5).map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['Museum 1', 'Museum 2', 'Museum 3']);

    // The copied canvas can be traced back to its source.
    await page.getByTestId('canvas-cell').nth(2).click();
    expect(await page.getByTestId('canvas-source').textContent()).toContain('Dynamic Museum');

    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('project.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved project.json');

    const saved = JSON.parse(await readFile(path.join(host.workspace, 'project.json'), 'utf8')) as Saved;
    expect(saved.items).toHaveLength(21);
    const serviceOf = (index: number) => {
      const service = saved.items[index]?.items[0]?.items[0]?.body.service?.[0];
      return service?.['id'] ?? service?.['@id'];
    };
    // The pasted images in the order pasted, around the 3 copied canvases at positions 2-4.
    const expected = good.map((url) => url.replace(/\/info\.json$/, ''));
    const order = [0, ...Array.from({ length: 17 }, (_, i) => i + 4)].map(serviceOf);
    expect(order).toEqual(expected);
    for (const index of [1, 2, 3]) {
      const canvas = saved.items[index];
      expect(canvas?.partOf?.[0]).toMatchObject({ id: museum.manifestUrl(3), type: 'Manifest' });
      expect(JSON.stringify(canvas?.requiredStatement)).toContain(museum.credits.attribution);
      expect(canvas?.rights).toBe(museum.credits.rights);
      expect(JSON.stringify(canvas?.provider)).toContain('Dynamic Museum');
      expect(canvas?.id).toMatch(/^https:\/\/example\.org\/iiif\/my-project\/canvas\/\d+$/);
    }
    expect(new Set(saved.items.map((c) => c.id)).size).toBe(21);
    expect(session.offLoopback).toEqual([]);
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    expect(schemaErrors(saved)).toEqual([]);
  });
});
