/**
 * Issue 17's end-to-end acceptance, in one flow as a person does it: two manifests open in tabs, three
 * canvases dragged from one onto the other's tab, undone in one document only (the other keeps them), both
 * saved; a new collection made of the two saved files, its members reordered by drag, saved; the collection
 * published to a folder through the Publish dialog as a tree (its local members beside it), the folder served
 * on loopback, and the published collection opened as a source: both manifests show, with their canvases.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, dragTo, gapPoint, mountedLabels } from '../fixtures/big-manifest/grid-page';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  saveAsInWorkspace,
  serveFolder,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { dragOntoTab, manifestText } from './documents-page';

interface Json {
  id: string;
  items: { id: string }[];
}

describe('two manifests, a collection of them, published and read back', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let site: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    host = await startHost();
    await writeFile(path.join(host.workspace, 'a.json'), manifestText('a', 5));
    await writeFile(path.join(host.workspace, 'b.json'), manifestText('b', 2));
    site = await serveFolder(() => path.join(host.workspace, 'published'));
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  const tab = (name: RegExp) => session.page.getByRole('tab', { name });
  const canvasLabels = () => session.page.getByTestId('canvas-cell').allTextContents();
  const memberLabels = async () =>
    [...(await mountedLabels(session.page)).entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);

  it('moves canvases between two documents, undoes in one, makes, publishes and reads a collection', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'a.json');
    await openWorkspaceFile(page, 'b.json');
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Open documents' }).getByRole('tab').count())
      .toBe(2);

    // Three canvases of a, dragged with the mouse onto b's tab.
    await tab(/^a\.json/).click();
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(5);
    const cells = page.getByTestId('canvas-cell');
    await cells.nth(0).click();
    await cells.nth(2).click({ modifiers: ['Control'] });
    await cells.nth(4).click({ modifiers: ['Control'] });
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3 selected');
    await dragOntoTab(page, cells.nth(2), tab(/^b\.json/));
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved 3 canvases to b.json, at position 3.');
    await expect.poll(canvasLabels).toEqual([expect.stringContaining('a 2'), expect.stringContaining('a 4')]);

    // Undo in a only: a has its five canvases back, b keeps the three it received.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved a.json');
    expect(await readFile(path.join(host.workspace, 'a.json'), 'utf8')).toBe(manifestText('a', 5));
    await tab(/^b\.json/).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    expect((await canvasLabels()).map((l) => l.match(/[ab] \d/)?.[0])).toEqual([
      'b 1',
      'b 2',
      'a 1',
      'a 3',
      'a 5',
    ]);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved b.json');

    // A new collection of the two saved manifests, added by file.
    await page.getByRole('button', { name: /^New collection…$/ }).click();
    const created = page.getByRole('dialog', { name: 'New collection' });
    await created.getByLabel('Collection label').fill('Two books');
    await created.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toBe('0 members');
    for (const name of ['a.json', 'b.json']) {
      await page.getByRole('button', { name: 'Add file…' }).click();
      await page
        .getByRole('dialog', { name: 'Add a member from a file' })
        .getByRole('button', { name: new RegExp(name.replace('.', '\\.')) })
        .first()
        .click();
      await expect.poll(memberLabels).toContain(`Book ${name[0]}`);
    }
    expect(await memberLabels()).toEqual(['Book a', 'Book b']);

    // Reordered by drag: b first.
    await cell(page, 1).click();
    const member = await cell(page, 1).boundingBox();
    if (!member) throw new Error('member 2 should be on screen');
    await page.mouse.move(member.x + member.width / 2, member.y + member.height / 2);
    await page.mouse.down();
    const gap = await gapPoint(page, 0);
    await dragTo(page, gap.x, gap.y, 0);
    await page.mouse.up();
    await expect.poll(memberLabels).toEqual(['Book b', 'Book a']);
    await saveAsInWorkspace(page, 'shelf.json');
    // The saved collection names its members by the manifests' own ids: what publishing finds them by.
    const shelf = JSON.parse(await readFile(path.join(host.workspace, 'shelf.json'), 'utf8')) as Json;
    expect(shelf.items.map((m) => m.id)).toEqual([
      'https://example.org/b/manifest.json',
      'https://example.org/a/manifest.json',
    ]);

    // Published as a tree through the Publish dialog, under the loopback server's address.
    const base = `${site.origin}/shelf`;
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(base);
    await page.getByLabel('Output folder').fill('published/shelf');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByTestId('publish-review').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain(`Published ${base}/collection.json with 2 manifests`);
    // Every id of the tree is under the base, and each member id is the id of the manifest written for it.
    const read = async (file: string) =>
      JSON.parse(await readFile(path.join(host.workspace, 'published/shelf', file), 'utf8')) as Json;
    const collection = await read('collection.json');
    expect(collection.id).toBe(`${base}/collection.json`);
    const members = collection.items.map((m) => m.id);
    expect(members).toEqual([`${base}/b/manifest.json`, `${base}/a/manifest.json`]);
    for (const [folder, count] of [
      ['b', 5],
      ['a', 5],
    ] as const) {
      const manifest = await read(`${folder}/manifest.json`);
      expect(manifest.id).toBe(`${base}/${folder}/manifest.json`);
      expect(manifest.items.map((c) => c.id.startsWith(`${base}/${folder}/canvas/`))).toEqual(
        Array(count).fill(true),
      );
    }

    // Served as any web host would serve it: the collection, both manifests, and their canvases.
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(`${base}/collection.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Two books');
    const items = page.getByRole('list', { name: 'Collection items' }).getByRole('button');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('Book b'), expect.stringContaining('Book a')]);
    const expected = [
      ['Book b', ['b 1', 'b 2', 'a 1', 'a 3', 'a 5']],
      ['Book a', ['a 1', 'a 2', 'a 3', 'a 4', 'a 5']],
    ] as const;
    for (const [index, [label, canvases]] of expected.entries()) {
      await items.nth(index).click();
      await expect.poll(() => page.getByTestId('source-label').textContent()).toBe(label);
      await expect
        .poll(() => page.getByTestId('source-canvas').allTextContents())
        .toEqual(canvases.map((c) => expect.stringContaining(c)));
      await page.getByRole('button', { name: /^Back to/ }).click();
    }
    expect(session.offLoopback).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
