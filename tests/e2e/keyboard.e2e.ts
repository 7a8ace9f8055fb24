/**
 * Issue 13, item 10, from the keyboard: Ctrl+O puts the focus in the file picker and Escape closes it; the
 * Sources panel's canvases are one tab stop, worked with the arrow keys; opening by URL has a visible control;
 * a file that failed to open is not offered in Recent; adding an image the manifest already shows says so.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigManifest, manifestText } from '../fixtures/big-manifest/big-manifest';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { openApp } from './harness';
import { useHostAndBrowser } from './host-and-browser';

/** The accessible role and name (or text) of the focused element, and the dialog it is in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      role: active?.getAttribute('role') ?? active?.tagName.toLowerCase() ?? '',
      name: active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '',
      dialog: active?.closest('dialog, [role="dialog"]')?.textContent?.slice(0, 40) ?? null,
    };
  });
}

describe('the keyboard and the small things of a day’s work', () => {
  const app = useHostAndBrowser();
  let museum: Institution;

  beforeAll(async () => {
    museum = await startInstitution({
      name: 'Keyboard Museum',
      level: 2,
      imageApi: 3,
      images: [
        { id: 'k1', width: 600, height: 800, label: 'Key 1' },
        { id: 'k2', width: 600, height: 800, label: 'Key 2' },
        { id: 'k3', width: 600, height: 800, label: 'Key 3' },
      ],
    });
    await openApp(app.page, app.host.url);
  });
  afterAll(async () => {
    await museum?.close();
  });

  it('Ctrl+O moves the focus into the file picker, and Escape closes it', async () => {
    const { page } = app;
    await writeFile(path.join(app.host.workspace, 'book.json'), manifestText(bigManifest({ count: 2 })));
    await page.getByRole('button', { name: 'Open the sample', exact: true }).focus();
    await page.keyboard.press('Control+o');
    const picker = page.getByRole('dialog', { name: 'Open a manifest' });
    await picker.waitFor();
    await expect.poll(async () => (await focused(page)).dialog).toMatch(/^Open a manifest/);
    // Once the folder is listed, the first file has the focus: Enter opens it.
    await expect.poll(async () => (await focused(page)).name).toMatch(/book\.json$/);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
  });

  it('never offers in Recent a file that failed to open', async () => {
    const { page } = app;
    await writeFile(path.join(app.host.workspace, 'broken.json'), '{ "type": "Manifest", ');
    await page.keyboard.press('Control+o');
    const picker = page.getByRole('dialog', { name: 'Open a manifest' });
    await picker
      .getByRole('list', { name: 'Files' })
      .getByRole('button', { name: /broken\.json/ })
      .click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toMatch(/^broken\.json cannot be opened/);
    await page.keyboard.press('Control+o');
    await picker
      .getByRole('list', { name: 'Files' })
      .getByRole('button', { name: /book\.json/ })
      .click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toBe('2 canvases');
    await page.keyboard.press('Control+o');
    const recent = picker.getByRole('list', { name: 'Recent files' });
    await expect
      .poll(() => recent.getByRole('button').allTextContents())
      .toEqual([expect.stringMatching(/book\.json$/)]);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
  });

  it('opens by URL from a visible toolbar control', async () => {
    const { page } = app;
    await page.getByRole('banner').getByRole('button', { name: 'Open URL…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open from URL' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('gives the Sources panel’s canvases one tab stop and arrow keys', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(museum.manifestUrl(3));
    await page.getByLabel('Source address').press('Enter');
    const options = page.getByTestId('source-canvas');
    await expect.poll(() => options.count()).toBe(3);
    // From the address field, Tab reaches the list (past Open, File…, the position and its buttons).
    await page.getByLabel('Source address').focus();
    for (let i = 0; i < 10 && (await focused(page)).role !== 'listbox'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'listbox', name: 'Source canvases' });
    const selected = () =>
      page
        .locator('[data-testid="source-canvas"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('aria-selected') === 'true'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(selected).toEqual([false, true, false]);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selected).toEqual([false, true, true]);
    await page.keyboard.press('Home');
    await expect.poll(selected).toEqual([true, false, false]);
    await page.keyboard.press('Control+a');
    await expect.poll(selected).toEqual([true, true, true]);
    await page.keyboard.press(' ');
    await expect.poll(selected).toEqual([false, true, true]);
    expect(
      await page.getByRole('listbox', { name: 'Source canvases' }).getAttribute('aria-activedescendant'),
    ).toBe(await options.nth(0).getAttribute('id'));
    // Ctrl+A in the list selected the source's canvases, not the document's.
    expect(await page.getByTestId('selection-count').textContent()).not.toBe('2 selected');
    await page.getByRole('button', { name: 'Close sources' }).click();
  });

  it('says so when an image added is already in the manifest', async () => {
    const { page } = app;
    const add = async (url: string) => {
      await page.getByRole('button', { name: 'Add images…' }).click();
      await page.getByLabel('Image addresses').fill(url);
      await page.getByRole('button', { name: 'Add 1' }).click();
      await expect.poll(() => page.getByTestId('add-progress').textContent()).toBe('Added 1 canvas.');
    };
    await add(museum.infoUrl('k1'));
    expect(await page.getByTestId('add-duplicates').count()).toBe(0);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await add(museum.infoUrl('k1'));
    const notice = page.getByRole('list', { name: 'Already in the manifest' });
    expect(await notice.textContent()).toContain(museum.infoUrl('k1'));
    expect(await notice.textContent()).toContain('Canvas 3 already shows this image.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toBe('4 canvases');
  });
});
