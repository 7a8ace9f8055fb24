/**
 * Issue 17 item 2's acceptance, as a person does it: two manifests open side by side as tabs, three canvases
 * dragged with the mouse from one onto the other's tab, undone in one document only (the other keeps its
 * change), both saved. Then the tab bar's keyboard: arrows switch, and closing an unsaved tab asks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragTo, gapPoint } from '../fixtures/big-manifest/grid-page';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { dragOntoTab, manifestText } from './documents-page';

describe('several documents at once', () => {
  let host: HostProcess;
  let session: BrowserSession;
  const originalA = manifestText('a', 5);
  const originalB = manifestText('b', 2);

  beforeAll(async () => {
    host = await startHost();
    await writeFile(path.join(host.workspace, 'a.json'), originalA);
    await writeFile(path.join(host.workspace, 'b.json'), originalB);
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  const tab = (name: string) => session.page.getByRole('tab', { name: new RegExp(`^${name}\\.json`) });
  const labels = () => session.page.getByTestId('canvas-cell').allTextContents();

  it('drags 3 canvases onto the other document’s tab, undoes in one document only, saves both', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'a.json');
    await openWorkspaceFile(page, 'b.json');
    // The untouched sample made way for a.json; b.json opened beside it.
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Open documents' }).getByRole('tab').count())
      .toBe(2);
    expect(await tab('b').getAttribute('aria-selected')).toBe('true');

    await tab('a').click();
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(5);
    const cells = page.getByTestId('canvas-cell');
    await cells.nth(0).click();
    await cells.nth(2).click({ modifiers: ['Control'] });
    await cells.nth(4).click({ modifiers: ['Control'] });
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3 selected');

    await dragOntoTab(page, cells.nth(2), tab('b'));
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved 3 canvases to b.json, at position 3.');
    await expect.poll(labels).toEqual([expect.stringContaining('a 2'), expect.stringContaining('a 4')]);
    // Both documents are unsaved now, each marked in its tab.
    await expect.poll(() => tab('a').textContent()).toContain('•');
    expect(await tab('b').textContent()).toContain('•');

    await tab('b').click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    const inB = await labels();
    expect(inB.map((l) => l.match(/[ab] \d/)?.[0])).toEqual(['b 1', 'b 2', 'a 1', 'a 3', 'a 5']);

    // Undo in a only: its canvases come back; b keeps them too (b's own history was not touched).
    await tab('a').click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('2 canvases');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    await expect.poll(() => tab('a').textContent()).not.toContain('•');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved a.json');

    await tab('b').click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved b.json');
    await expect.poll(() => tab('b').textContent()).not.toContain('•');

    expect(await readFile(path.join(host.workspace, 'a.json'), 'utf8')).toBe(originalA);
    const savedB = JSON.parse(await readFile(path.join(host.workspace, 'b.json'), 'utf8')) as {
      items: { id: string }[];
    };
    expect(savedB.items.map((c) => c.id)).toEqual([
      'https://example.org/b/canvas/1',
      'https://example.org/b/canvas/2',
      'https://example.org/a/canvas/1',
      'https://example.org/a/canvas/3',
      'https://example.org/a/canvas/5',
    ]);
  });

  it('switches tabs with the arrow keys, and asks before closing a tab with unsaved changes', async () => {
    const { page } = session;
    await tab('b').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('a').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('b').getAttribute('aria-selected')).toBe('true');

    // An unsaved change in a, then its close button (named for it) from b: a comes to the front and asks.
    await tab('a').click();
    await page.getByRole('button', { name: 'Reverse order' }).click();
    await expect.poll(() => tab('a').textContent()).toContain('•');
    await tab('b').click();
    await page.getByRole('button', { name: 'Close a.json' }).click();
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).waitFor();
    expect(await tab('a').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Keep editing' }).click();
    expect(await tab('a').count()).toBe(1);
    await page.getByRole('button', { name: 'Close a.json' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => tab('a').count()).toBe(0);
    expect(await tab('b').getAttribute('aria-selected')).toBe('true');
  });

  it('brings a document to the front when a canvas drag rests on its tab, to drop at a chosen place', async () => {
    const { page } = session;
    await openWorkspaceFile(page, 'a.json');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('5 canvases');
    const cells = page.getByTestId('canvas-cell');
    await cells.nth(4).click();
    const from = await cells.nth(4).boundingBox();
    const to = await tab('b').boundingBox();
    if (!from || !to) throw new Error('the cell and the tab should be on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    // Resting there (a few small moves keep the drag alive, as a hand does) brings b to the front.
    await expect
      .poll(async () => {
        await page.mouse.move(to.x + to.width / 2 + 1, to.y + to.height / 2);
        return tab('b').getAttribute('aria-selected');
      })
      .toBe('true');
    const target = await gapPoint(page, 0);
    await dragTo(page, target.x, target.y, 0);
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved 1 canvas to b.json, at position 1.');
    // a/canvas/5 was already in b (the first drag), so the one that arrived got a fresh id under b.
    expect((await labels())[0]).toContain('a 5');
    expect(await tab('a').textContent()).toContain('•');
    await tab('a').click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('4 canvases');
  });
});
