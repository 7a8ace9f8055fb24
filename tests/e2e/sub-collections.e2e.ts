/**
 * Issue 17, embedded sub-collections in Chromium: a collection whose members include collections embedded with
 * their own members, nested two deep. Double-click and Enter open them in the member grid, with a breadcrumb
 * back out; a drag, a removal, an addition by URL (fetched from a loopback server) and a label edit inside
 * the innermost collection are each one undo step in the one document; the breadcrumb and Alt+Backspace lead
 * back out; the save changes exactly what was edited and keeps every other byte. axe checks the screens.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, dragTo, gapPoint, mountedLabels, openFromWorkspace } from '../fixtures/big-manifest/grid-page';
import { expectAccessible } from './axe-check';
import { openBrowser, serveFolder, startHost, type BrowserSession, type HostProcess } from './harness';

const FILE = 'archive.json';
const BASE = 'https://example.org/archive';

type Json = Record<string, unknown>;
const ref = (name: string): Json => ({ id: `${BASE}/${name}.json`, type: 'Manifest', label: { en: [name] } });

/** Archive › [m1, Box A › [a1, a2, Folder › [f1, f2, f3]], m2], with properties of its own at every level. */
function archive(folderItems: Json[] = ['f1', 'f2', 'f3'].map(ref)): Json {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/collection.json`,
    type: 'Collection',
    label: { en: ['Archive'] },
    'ext:curator': 'kept',
    items: [
      ref('m1'),
      {
        id: `${BASE}/box-a`,
        type: 'Collection',
        label: { en: ['Box A'] },
        summary: { en: ['Letters, 1890–1910'] },
        items: [
          ref('a1'),
          ref('a2'),
          {
            id: `${BASE}/box-a/folder`,
            type: 'Collection',
            label: { en: ['Folder'] },
            'ext:shelfmark': 'A/3',
            items: folderItems,
          },
        ],
      },
      ref('m2'),
    ],
  };
}

describe('embedded sub-collections', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let served: Awaited<ReturnType<typeof serveFolder>>;
  let site: string;
  const volumeUrl = () => `${served.origin}/volume-9.json`;

  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'tessera-archive-'));
    served = await serveFolder(() => site);
    await writeFile(
      path.join(site, 'volume-9.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: volumeUrl(),
        type: 'Manifest',
        label: { en: ['Volume 9'] },
        items: [],
      }),
    );
    host = await startHost();
    await writeFile(path.join(host.workspace, FILE), `${JSON.stringify(archive(), null, 2)}\n`);
    session = await openBrowser();
    await session.page.goto(host.url);
    await openFromWorkspace(session.page, FILE, 3);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await new Promise((resolve) => served?.server.close(resolve));
  });

  const labels = async () =>
    [...(await mountedLabels(session.page)).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  const breadcrumb = () => session.page.getByRole('navigation', { name: 'Collection path' });
  const crumbs = () => breadcrumb().getByRole('listitem').allTextContents();
  const undo = () => session.page.getByRole('button', { name: 'Undo', exact: true });

  it('opens an embedded collection by double-click and by Enter, with a breadcrumb', async () => {
    const { page } = session;
    expect(await labels()).toEqual(['m1', 'Box A', 'm2']);
    expect(await breadcrumb().count()).toBe(0);

    await cell(page, 1).dblclick();
    await expect.poll(labels).toEqual(['a1', 'a2', 'Folder']);
    expect(await crumbs()).toEqual(['Archive', 'Box A']);
    expect(await breadcrumb().locator('[aria-current="location"]').textContent()).toBe('Box A');
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Opened “Box A”: 3 members.');
    // The keyboard is in the grid, on the first member: Enter on the folder opens it.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(labels).toEqual(['f1', 'f2', 'f3']);
    expect(await crumbs()).toEqual(['Archive', 'Box A', 'Folder']);
    expect(await page.getByRole('heading', { name: 'Collection (embedded)' }).count()).toBe(1);
    // Opening is not an edit.
    expect(await undo().isDisabled()).toBe(true);
    await expectAccessible(page, 'member grid inside an embedded sub-collection');
  });

  it('edits the open collection in place, one undo step per gesture', async () => {
    const { page } = session;
    // Drag f3 to the front.
    await cell(page, 2).click();
    const from = await cell(page, 2).boundingBox();
    if (!from) throw new Error('f3 should be on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const to = await gapPoint(page, 0);
    await dragTo(page, to.x, to.y, 0);
    await page.mouse.up();
    await expect.poll(labels).toEqual(['f3', 'f1', 'f2']);

    // Remove f1.
    await cell(page, 1).click();
    const tools = page.getByRole('group', { name: 'Member actions' });
    await tools.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(labels).toEqual(['f3', 'f2']);

    // Add a manifest by its address, after the focused member.
    await cell(page, 0).click();
    await page.getByLabel('Member address').fill(volumeUrl());
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(labels).toEqual(['f3', 'Volume 9', 'f2']);

    // Edit a member's label in the properties panel.
    await cell(page, 2).click();
    await page.getByTestId('label-items-1-items-2-items-2').fill('f2, dated');
    await expect.poll(labels).toEqual(['f3', 'Volume 9', 'f2, dated']);

    // Each was one step: undo walks back through them, staying in the folder.
    for (const expected of [
      ['f3', 'Volume 9', 'f2'],
      ['f3', 'f2'],
      ['f3', 'f1', 'f2'],
    ]) {
      await undo().click();
      await expect.poll(labels).toEqual(expected);
      expect(await crumbs()).toEqual(['Archive', 'Box A', 'Folder']);
    }
    for (let k = 0; k < 3; k += 1) await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(labels).toEqual(['f3', 'Volume 9', 'f2, dated']);
  });

  it('steps back out by the breadcrumb and by Alt+Backspace, and saves only what was edited', async () => {
    const { page } = session;
    await breadcrumb().getByRole('button', { name: 'Box A' }).click();
    await expect.poll(labels).toEqual(['a1', 'a2', 'Folder']);
    // The folder it came out of is the one selected.
    expect(await cell(page, 2).getAttribute('aria-selected')).toBe('true');
    await page
      .getByRole('group', { name: 'Member actions' })
      .getByRole('button', { name: 'Open for editing' })
      .click();
    await expect.poll(labels).toEqual(['f3', 'Volume 9', 'f2, dated']);
    await page.keyboard.press('Alt+Backspace');
    await expect.poll(labels).toEqual(['a1', 'a2', 'Folder']);
    await page.keyboard.press('Alt+Backspace');
    await expect.poll(labels).toEqual(['m1', 'Box A', 'm2']);
    expect(await breadcrumb().count()).toBe(0);
    await expectAccessible(page, 'member grid back at the top level');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${FILE}`);
    const saved = await readFile(path.join(host.workspace, FILE), 'utf8');
    const volume = { id: volumeUrl(), type: 'Manifest', label: { en: ['Volume 9'] } };
    const dated = { ...ref('f2'), label: { en: ['f2, dated'] } };
    // Byte for byte what the edits make of the file: the rest kept its layout, order and unknown properties.
    expect(saved).toBe(`${JSON.stringify(archive([ref('f3'), volume, dated]), null, 2)}\n`);
    expect(session.offLoopback).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
