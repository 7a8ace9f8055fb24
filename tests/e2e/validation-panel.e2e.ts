/**
 * Issue 8, validation panel: a messy real-world-style manifest opens (never refused), the live panel lists what
 * is wrong grouped by resource, a click selects the canvas, "fix all" repairs every finding of a kind in one undo
 * step, and the fixed file saves clean.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../shared/iiif/validation/validate';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const messy = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/messy/manifest.json',
  type: 'Manifest',
  label: { '@none': ['A messy manifest'] },
  rights: 'https://creativecommons.org/licenses/by/4.0/',
  items: [1, 2, 3].map((n) => ({
    id: `https://example.org/messy/canvas/${n}`,
    type: 'Canvas',
    label: { '@none': [`Leaf ${n}`] },
    width: 100,
    height: 100,
    items: [],
  })),
};

describe('validation panel', () => {
  const app = useHostAndBrowser();

  it('lists problems live, fixes all of a kind in one undo step, and saves a clean file', async () => {
    const { page } = app;
    const file = path.join(app.host.workspace, 'messy.json');
    await writeFile(file, JSON.stringify(messy, null, 2));
    const expectedErrors = validate(messy).filter((f) => f.severity === 'error').length;
    expect(expectedErrors).toBeGreaterThan(0);

    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'messy.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(3);
    await page.getByTestId('validation-toggle').click();
    await expect
      .poll(() => page.getByTestId('validation-errors').textContent())
      .toBe(`${expectedErrors} errors`);

    // Clicking a finding about canvas 3 selects canvas 3.
    await page.getByRole('heading', { name: 'Canvas 3' }).waitFor();
    await page.locator('.finding-group', { hasText: 'Canvas 3' }).locator('.finding-jump').first().click();
    await expect
      .poll(() => page.getByTestId('canvas-cell').nth(2).getAttribute('aria-selected'))
      .toBe('true');

    await page
      .getByRole('button', { name: /^Fix all \d+:/ })
      .first()
      .click();
    await expect
      .poll(async () => Number((await page.getByTestId('validation-errors').textContent())?.split(' ')[0]))
      .toBeLessThan(expectedErrors);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.getByTestId('validation-errors').textContent())
      .toBe(`${expectedErrors} errors`);
    await page.getByRole('button', { name: 'Redo' }).click();
    // Counting the remaining fixes before validation has caught up with the redo would count a stale list, and
    // wait for a button that is gone (seen on a loaded machine).
    await expect
      .poll(async () => Number((await page.getByTestId('validation-errors').textContent())?.split(' ')[0]))
      .toBeLessThan(expectedErrors);

    // Fix whatever remains one by one, then save: the file on disk validates without errors.
    // Validation runs shortly after each change, so wait for the list to update before the next click.
    const fixes = page.locator('.finding button', { hasText: /^Fix:/ });
    for (let remaining = await fixes.count(); remaining > 0; remaining = await fixes.count()) {
      await fixes.first().click();
      await expect.poll(() => fixes.count()).toBeLessThan(remaining);
    }
    await expect.poll(() => page.getByTestId('validation-errors').textContent()).toBe('0 errors');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved messy.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(validate(saved).filter((f) => f.severity === 'error')).toEqual([]);
    expect(saved.label).toEqual({ none: ['A messy manifest'] });
    expect(saved.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
  });
});
