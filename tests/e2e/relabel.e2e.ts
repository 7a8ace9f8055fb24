/**
 * Issue 13, item 9: relabelling canvases labelled in English, with "Keep labels in other languages" off (the
 * default), used to write labels in "none" and so delete every `en` label of the selection. The dialog now
 * starts in the labels' own language, and its preview names what Apply would remove.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigManifest, manifestText } from '../fixtures/big-manifest/big-manifest';
import { cell, openFromWorkspace } from '../fixtures/big-manifest/grid-page';
import { useHostAndBrowser } from './host-and-browser';

type Label = Record<string, string[]>;

describe('relabelling canvases labelled in a language', () => {
  const app = useHostAndBrowser();

  beforeAll(async () => {
    await app.page.goto(app.host.url);
  });

  it('keeps the labels’ language, and the preview names what would be removed', async () => {
    const { page } = app;
    const manifest = bigManifest({ count: 5, base: 'https://example.org/relabel' });
    const labels: Label[] = [
      { en: ['Front cover'], fr: ['Couverture'] },
      { en: ['Leaf A'] },
      { en: ['Leaf B'] },
      { en: ['Leaf C'] },
      { none: ['Back'] },
    ];
    (manifest['items'] as { label: Label }[]).forEach((canvas, i) => (canvas.label = labels[i] as Label));
    const file = path.join(app.host.workspace, 'english.json');
    await writeFile(file, manifestText(manifest));
    await openFromWorkspace(page, 'english.json', 5);

    await cell(page, 0).click();
    await cell(page, 3).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Relabel…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Relabel canvases' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Selected canvases/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Keep labels in other languages' }).isChecked()).toBe(
      false,
    );
    // The four selected labels are in English: new labels go there, replacing them.
    expect(await dialog.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    await expect.poll(() => dialog.getByRole('row').nth(1).textContent()).toBe('1Front cover1fr: Couverture');
    expect(await dialog.getByTestId('relabel-removed').textContent()).toMatch(
      /^The labels in fr of 1 canvas will be removed\./,
    );

    // Keeping other languages removes nothing, and the preview says so by saying nothing.
    await dialog.getByRole('checkbox', { name: 'Keep labels in other languages' }).check();
    await expect.poll(() => dialog.getByTestId('relabel-removed').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: 'Keep labels in other languages' }).uncheck();

    await dialog.getByRole('button', { name: 'Apply to 4 canvases' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved english.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { items: { label: Label }[] };
    expect(saved.items.map((canvas) => canvas.label)).toEqual([
      { en: ['1'] },
      { en: ['2'] },
      { en: ['3'] },
      { en: ['4'] },
      { none: ['Back'] },
    ]);
  });
});
