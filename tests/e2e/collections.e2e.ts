/**
 * Issue 17, a collection as a document, in Chromium: a collection file opens as a collection (its members, by
 * count and label, no canvases, no Compose); a member is dragged to the front with the mouse, one is removed,
 * one is added by its address on a loopback server (fetched by the main side); undo takes the addition back in
 * one step; the collection is saved and opened again, with the members in their new order.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, dragTo, gapPoint, mountedLabels, openFromWorkspace } from '../fixtures/big-manifest/grid-page';
import {
  openBrowser,
  openWorkspaceFile,
  serveFolder,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';

const FILE = 'shelf.json';

describe('a collection as a document', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let served: Awaited<ReturnType<typeof serveFolder>>;
  let original: Record<string, unknown>;
  let site: string;

  const manifestUrl = (n: number) => `${served.origin}/volume-${n}.json`;
  const reference = (n: number) => ({
    id: manifestUrl(n),
    type: 'Manifest',
    label: { en: [`Volume ${n}`] },
    ...(n === 1
      ? {
          thumbnail: [
            {
              id: `${served.origin}/cover-1.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              width: 80,
              height: 100,
            },
          ],
        }
      : {}),
  });

  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'tessera-shelf-'));
    served = await serveFolder(() => site);
    for (let n = 1; n <= 5; n += 1) {
      const manifest = {
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        ...reference(n),
        items: [],
      };
      await writeFile(path.join(site, `volume-${n}.json`), JSON.stringify(manifest));
    }
    const cover = await sharp({ create: { width: 80, height: 100, channels: 3, background: '#7a3' } })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(site, 'cover-1.jpg'), cover);
    host = await startHost();
    session = await openBrowser();
    original = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/iiif/shelf/collection.json',
      type: 'Collection',
      label: { en: ['The shelf'] },
      'ext:curator': 'kept as it is',
      items: [1, 2, 3, 4].map(reference),
    };
    await writeFile(path.join(host.workspace, FILE), `${JSON.stringify(original, null, 2)}\n`);
    await session.page.goto(host.url);
    await openFromWorkspace(session.page, FILE, 4);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await new Promise((resolve) => served?.server.close(resolve));
  });

  const labels = async () =>
    [...(await mountedLabels(session.page)).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);

  it('shows the members of a collection, not canvases', async () => {
    const { page } = session;
    expect(await page.getByTestId('canvas-count').textContent()).toBe('4 members');
    expect(await labels()).toEqual(['Volume 1', 'Volume 2', 'Volume 3', 'Volume 4']);
    expect(await page.getByRole('listbox', { name: 'Members in order' }).count()).toBe(1);
    expect(await cell(page, 0).getAttribute('aria-label')).toBe('Volume 1, manifest, 1 of 4');
    await expect.poll(() => cell(page, 0).locator('img').count()).toBe(1);
    // No viewer and no Compose for a member, and no canvas-only tools.
    expect(await page.getByRole('button', { name: 'Compose' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add images…' }).isDisabled()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Collection', exact: true }).count()).toBe(1);
  });

  it('reorders by drag, removes, adds by URL, undoes the addition, saves and reopens', async () => {
    const { page } = session;
    await cell(page, 3).click();
    const from = await cell(page, 3).boundingBox();
    if (!from) throw new Error('member 4 should be on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const to = await gapPoint(page, 0);
    await dragTo(page, to.x, to.y, 0);
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved “Volume 4” to position 1.');
    expect(await labels()).toEqual(['Volume 4', 'Volume 1', 'Volume 2', 'Volume 3']);

    await cell(page, 1).click();
    const tools = page.getByRole('group', { name: 'Member actions' });
    await tools.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(labels).toEqual(['Volume 4', 'Volume 2', 'Volume 3']);

    await page.getByLabel('Member address').fill(manifestUrl(5));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(labels).toContain('Volume 5');
    expect(await page.getByTestId('canvas-count').textContent()).toBe('4 members');

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(labels).toEqual(['Volume 4', 'Volume 2', 'Volume 3']);

    await cell(page, 0).click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${FILE}`);
    const saved = JSON.parse(await readFile(path.join(host.workspace, FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(saved).toEqual({ ...original, items: [4, 2, 3].map(reference) });
    expect(Object.keys(saved)).toEqual(Object.keys(original));

    // A fresh page (it starts with the sample manifest), then the file again: the order is the file's.
    await page.reload();
    await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
    await openWorkspaceFile(page, FILE);
    await page.waitForSelector('[role="option"][aria-setsize="3"]');
    expect(await labels()).toEqual(['Volume 4', 'Volume 2', 'Volume 3']);
    expect(session.offLoopback).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('adds a member dragged from the Sources panel, refreshes one from its source, and opens one', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(manifestUrl(5));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('source-label').filter({ hasText: 'Volume 5' }).waitFor();
    await page.getByTestId('source-label').dragTo(cell(page, 1), { targetPosition: { x: 4, y: 10 } });
    await expect.poll(labels).toEqual(['Volume 4', 'Volume 5', 'Volume 2', 'Volume 3']);

    // The publisher renames volume 2: refreshing the member takes the new label, in one undo step.
    const renamed = { ...reference(2), label: { en: ['Volume 2, revised'] } };
    await writeFile(path.join(site, 'volume-2.json'), JSON.stringify({ ...renamed, items: [] }));
    await cell(page, 2).click();
    await page
      .getByRole('group', { name: 'Member actions' })
      .getByRole('button', { name: 'Refresh from source' })
      .click();
    await expect.poll(labels).toEqual(['Volume 4', 'Volume 5', 'Volume 2, revised', 'Volume 3']);

    // Opening a member makes it the document: a manifest again, with canvases, not members.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    await page
      .getByRole('group', { name: 'Member actions' })
      .getByRole('button', { name: 'Open for editing' })
      .click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toBe('0 canvases');
    expect(await page.getByTestId('manifest-label').textContent()).toBe('Volume 2, revised');
    expect(session.offLoopback).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
