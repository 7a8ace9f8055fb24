/**
 * Reordering the tabs of the open documents (issue 17): by dragging a tab with the mouse, and from the
 * keyboard with Ctrl+Shift+PageUp / PageDown. The order is the tab bar's own: no document becomes unsaved and
 * Undo has nothing to take back. The tab bar stays an accessible tablist throughout (axe).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe-check';
import { manifestText } from './documents-page';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';

/** Drags `from` (a tab) to just inside the leading or trailing edge of `onto`, with the mouse. */
async function dragTab(page: Page, from: Locator, onto: Locator, side: 'before' | 'after'): Promise<void> {
  const start = await from.boundingBox();
  const end = await onto.boundingBox();
  if (!start || !end) throw new Error('both tabs should be on screen');
  const x = side === 'before' ? end.x + 4 : end.x + end.width - 4;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, end.y + end.height / 2, { steps: 12 });
  await page.mouse.move(x + 1, end.y + end.height / 2);
  await page.mouse.up();
}

describe('reordering tabs', () => {
  let host: HostProcess;
  let session: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    for (const name of ['a', 'b', 'c'])
      await writeFile(path.join(host.workspace, `${name}.json`), manifestText(name, 2));
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  const tabs = () => session.page.getByRole('tablist', { name: 'Open documents' }).getByRole('tab');
  const names = async () => (await tabs().allTextContents()).map((t) => t.replace(/\s*•\s*$/, ''));
  const tab = (name: string) => session.page.getByRole('tab', { name: new RegExp(`^${name}\\.json`) });

  it('moves a tab by dragging it, leaving every document as it was', async () => {
    const { page } = session;
    await openApp(page, host.url);
    for (const name of ['a', 'b', 'c']) await openWorkspaceFile(page, `${name}.json`);
    await expect.poll(names).toEqual(['a.json', 'b.json', 'c.json']);

    await dragTab(page, tab('c'), tab('a'), 'before');
    await expect.poll(names).toEqual(['c.json', 'a.json', 'b.json']);
    await dragTab(page, tab('c'), tab('b'), 'after');
    await expect.poll(names).toEqual(['a.json', 'b.json', 'c.json']);
    await dragTab(page, tab('a'), tab('b'), 'after');
    await expect.poll(names).toEqual(['b.json', 'a.json', 'c.json']);
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('Moved a.json to place 2 of 3.');

    // Nothing was edited: no unsaved marker anywhere, and Undo is not offered.
    expect((await tabs().allTextContents()).some((t) => t.includes('•'))).toBe(false);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    // The dragged tab did not become the active one; the one that was active still is.
    expect(await tab('c').getAttribute('aria-selected')).toBe('true');
    await expectAccessible(page, 'tab bar after reordering');
  });

  it('moves the active tab with Ctrl+Shift+PageUp and PageDown, keeping the keyboard on it', async () => {
    const { page } = session;
    await tab('a').click();
    await expect.poll(() => tab('a').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+Shift+PageUp');
    await expect.poll(names).toEqual(['a.json', 'b.json', 'c.json']);
    await page.keyboard.press('Control+Shift+PageUp');
    await expect
      .poll(() => page.getByTestId('canvas-announcer').textContent())
      .toBe('This tab is already the first.');
    await page.keyboard.press('Control+Shift+PageDown');
    await page.keyboard.press('Control+Shift+PageDown');
    await expect.poll(names).toEqual(['b.json', 'c.json', 'a.json']);
    // The tab keeps the keyboard focus through the moves, and arrow keys follow the new order.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('a.json');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('c').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });
});
