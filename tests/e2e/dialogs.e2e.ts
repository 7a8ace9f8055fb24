/**
 * Issue 12, item 6: every dialog is the one Dialog component on the native <dialog> (showModal). In Chromium:
 * the page behind is inert (the focus cannot leave the dialog, by Tab or by script), Escape closes it, and the
 * focus returns to the control that opened it. Checked on three former users of the old Modal and on the file
 * picker, which used to handle Escape itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHostAndBrowser } from './host-and-browser';

/** Where the focus is: inside the open dialog, elsewhere on the page, or nowhere (the browser's own UI). */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'none';
    return active.closest('dialog[open]') ? 'dialog' : 'page';
  });
}

async function checkDialog(page: Page, open: () => Promise<void>, name: string, opener: string) {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  expect(await page.evaluate(() => document.querySelectorAll('dialog[open]').length)).toBe(1);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await focusPlace(page)).not.toBe('page');
  }
  // The page behind is inert: not even a script can focus it.
  expect(
    await page.evaluate(() => {
      const behind = document.querySelector<HTMLButtonElement>('header button');
      behind?.focus();
      return document.activeElement === behind;
    }),
  ).toBe(false);
  await dialog.locator('input, button').first().focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe(opener);
}

describe('dialogs on the native <dialog>', () => {
  const app = useHostAndBrowser({ openApp: true });

  it('traps the focus, closes on Escape and gives the focus back: Open URL, Publish, Relabel, the file picker', async () => {
    const { page } = app;
    const press = (label: string) => async () => {
      const button = page.getByRole('button', { name: label, exact: true }).first();
      await button.focus();
      await page.keyboard.press('Enter');
    };
    await checkDialog(page, press('Open URL…'), 'Open from URL', 'Open URL…');
    await checkDialog(page, press('Publish…'), 'Publish', 'Publish…');
    await checkDialog(page, press('Relabel…'), 'Relabel canvases', 'Relabel…');
    await checkDialog(page, press('Open…'), 'Open a manifest', 'Open…');
  });
});
