/**
 * Issue 12, item 3: one command table feeds the toolbars, the keyboard, the native menu and the command palette.
 * Here, in the browser: Ctrl+Shift+P opens the palette, which lists every command the toolbars show, each with
 * the shortcut its button announces; typing filters, Enter runs; Zoom in and Zoom out zoom the viewer; Escape
 * closes the palette and gives the focus back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHostAndBrowser } from './host-and-browser';

/** The palette's options: label, shown shortcut, aria-keyshortcuts, disabled. */
function paletteOptions(page: Page) {
  return page
    .getByRole('dialog', { name: 'Commands' })
    .getByRole('option')
    .evaluateAll((options) =>
      options.map((option) => ({
        label: option.querySelector('.command-label')?.textContent ?? '',
        shown: option.querySelector('kbd')?.textContent ?? null,
        keys: option.querySelector('kbd')?.getAttribute('aria-keyshortcuts') ?? null,
        disabled: option.getAttribute('aria-disabled') === 'true',
      })),
    );
}

/** The width on screen of the canvas the viewer shows. */
async function frameWidth(page: Page): Promise<number> {
  return (await page.getByTestId('canvas-frame').first().boundingBox())?.width ?? 0;
}

async function runFromPalette(page: Page, query: string) {
  await page.keyboard.press('Control+Shift+P');
  const combobox = page.getByRole('dialog', { name: 'Commands' }).getByRole('combobox', { name: 'Command' });
  await combobox.waitFor();
  await combobox.fill(query);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Commands' }).waitFor({ state: 'detached' });
}

describe('the command table in the browser', () => {
  const app = useHostAndBrowser({ openApp: true });

  it('lists every command of the toolbars in the palette, with the shortcut each button announces', async () => {
    const { page } = app;
    const buttons = await page
      // The toolbar's own buttons, not the open documents' tabs beside them.
      .locator('header > button, [role="toolbar"][aria-label="Canvas actions"] button')
      .evaluateAll((elements) =>
        elements.map((b) => ({
          name: b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '',
          keys: b.getAttribute('aria-keyshortcuts'),
        })),
      );
    await page.getByRole('button', { name: 'Open the sample' }).focus();
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Commands' });
    await dialog.waitFor();
    const options = await paletteOptions(page);
    expect(options.length).toBeGreaterThanOrEqual(buttons.length);
    for (const button of buttons) {
      // The Validation toggle names itself with its counts: "Validation (0/1)".
      const option = options.find((o) => o.label === button.name || button.name.startsWith(`${o.label} (`));
      expect(option, `${button.name} is in the palette`).toBeDefined();
      expect(option?.keys ?? null).toBe(button.keys);
    }
    // Shortcuts are shown as people read them.
    const shown = (label: string) => options.find((o) => o.label === label)?.shown;
    expect(shown('Save')).toBe('Ctrl+S');
    expect(shown('Command palette…')).toBe('Ctrl+Shift+P');
    expect(shown('Select none')).toBe('Esc');
    expect(shown('Move up')).toBe('Alt+Up');
    expect(options.every((o) => (o.keys === null) === (o.shown === null))).toBe(true);
    // Typing filters by the words of the labels; Escape closes and the focus goes back where it was.
    await page.keyboard.type('sort label');
    expect((await paletteOptions(page)).map((o) => o.label)).toEqual(['Sort by label']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Open the sample',
    );
  });

  it('runs the chosen command with Enter', async () => {
    const { page } = app;
    await runFromPalette(page, 'select all');
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('4 selected');
  });

  it('zooms the viewer with Zoom in and Zoom out', async () => {
    const { page } = app;
    await page.locator('#canvas-listbox [role="option"]').first().click();
    await page.getByTestId('canvas-frame').first().waitFor();
    await expect.poll(() => frameWidth(page)).toBeGreaterThan(0);
    // The view fits the canvas first; wait until it has settled.
    let before = 0;
    await expect
      .poll(async () => {
        const now = await frameWidth(page);
        const settled = now === before;
        before = now;
        return settled;
      })
      .toBe(true);
    await runFromPalette(page, 'zoom in');
    await expect.poll(() => frameWidth(page)).toBeGreaterThan(before * 1.3);
    const zoomed = await frameWidth(page);
    await runFromPalette(page, 'zoom out');
    await expect.poll(() => frameWidth(page)).toBeLessThan(zoomed / 1.3);
  });
});
