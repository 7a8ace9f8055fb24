/**
 * Issue 13 item 3: a Presentation 2 file is never overwritten in place as Presentation 3 by Ctrl+S. Opening it
 * says plainly that it was upgraded; the first save asks for a new name (suggesting book-p3.json) or to replace
 * the original, and the original keeps its bytes unless the person chooses to replace it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

describe('saving a document upgraded from Presentation 2', () => {
  const app = useHostAndBrowser();
  let original: string;

  beforeAll(async () => {
    original = await readFile(path.join(ROOT, 'tests/fixtures/documents/p2-manifest.json'), 'utf8');
    await writeFile(path.join(app.host.workspace, 'book.json'), original);
    await writeFile(path.join(app.host.workspace, 'other.json'), original);
  });

  it('says it was upgraded, and the first Ctrl+S saves a new file, leaving the original as it was', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'book.json');
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('book.json is a Presentation 2 document: Tessera upgraded it to Presentation 3');

    await page.keyboard.press('Control+s');
    const ask = page.getByRole('dialog', { name: 'Save the upgraded document' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Save as book-p3.json…' }).click();
    const name = page.getByLabel('File name');
    expect(await name.inputValue()).toBe('book-p3.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved book-p3.json');

    const upgraded = JSON.parse(await readFile(path.join(app.host.workspace, 'book-p3.json'), 'utf8')) as {
      type?: string;
    };
    expect(upgraded.type).toBe('Manifest');
    expect(await readFile(path.join(app.host.workspace, 'book.json'), 'utf8')).toBe(original);
    // From now on the new file is the document's file: Ctrl+S saves it without asking.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    expect(await ask.count()).toBe(0);
  });

  it('replaces the original only when asked to, explicitly', async () => {
    const { page } = app;
    await openWorkspaceFile(page, 'other.json');
    await page.keyboard.press('Control+s');
    const ask = page.getByRole('dialog', { name: 'Save the upgraded document' });
    await ask.getByRole('button', { name: 'Replace other.json' }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved other.json');
    const replaced = JSON.parse(await readFile(path.join(app.host.workspace, 'other.json'), 'utf8')) as {
      '@context'?: unknown;
    };
    expect(JSON.stringify(replaced['@context'])).toContain('presentation/3');
  });
});
