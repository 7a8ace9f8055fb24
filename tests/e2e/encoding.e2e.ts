/**
 * Issue 14 item 2: a manifest saved as Windows-1252 (é, ü in its labels) opens after the user confirms the question
 * naming the encoding, shows its labels right, and is saved back as UTF-8.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const manifest = JSON.stringify(
  {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/iiif/cp1252/manifest',
    type: 'Manifest',
    label: { de: ['Ansichten von Zürich'] },
    items: [
      {
        id: 'https://example.org/iiif/cp1252/canvas/1',
        type: 'Canvas',
        label: { fr: ['Été à Zürich'] },
        width: 100,
        height: 100,
        items: [],
      },
    ],
  },
  null,
  2,
);

describe('opening a Windows-1252 file', () => {
  const app = useHostAndBrowser();

  beforeAll(async () => {
    // Every character of the text is below U+0100, so its Latin-1 bytes are its Windows-1252 bytes.
    await writeFile(path.join(app.host.workspace, 'zurich.json'), Buffer.from(manifest, 'latin1'));
  });

  it('asks, opens it with its accented labels, and saves it as UTF-8', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await openWorkspaceFile(page, 'zurich.json');
    expect(questions).toEqual([
      'zurich.json: This file is not UTF-8; it looks like Windows-1252 (Western European). Open it as such? It will be saved as UTF-8.',
    ]);
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain(
        'zurich.json was opened as Windows-1252 (Western European) text. Saving writes it as UTF-8.',
      );
    await expect.poll(() => page.getByText('Été à Zürich').count()).toBeGreaterThan(0);

    // A change, so saving writes the file; then its bytes are UTF-8.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    const bytes = await readFile(path.join(app.host.workspace, 'zurich.json'));
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('Été à Zürich');
    expect(app.session.errors).toEqual([]);
  });
});
