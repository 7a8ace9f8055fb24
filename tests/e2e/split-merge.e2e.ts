/**
 * Split and merge in the browser (issue 17): a 12-canvas manifest split at the selected canvas 5 into two files
 * and a collection of them, the preview shown before anything is written; the files are valid and the
 * collection lists the parts. Then the two parts merged back into one manifest with the original's canvases.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../shared/iiif/validation/validate';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const BASE = 'https://example.org/iiif/reel';

function reel(canvases: number) {
  const canvas = (n: number) => `${BASE}/canvas/${n}`;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Microfilm reel'] },
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    items: Array.from({ length: canvases }, (_, i) => i + 1).map((n) => ({
      id: canvas(n),
      type: 'Canvas',
      label: { none: [`frame ${n}`] },
      width: 1000,
      height: 1500,
      items: [
        {
          id: `${canvas(n)}/page/1`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${canvas(n)}/page/1/anno/1`,
              type: 'Annotation',
              motivation: 'painting',
              target: canvas(n),
              body: {
                id: `https://images.example/iiif/reel${n}/full/max/0/default.jpg`,
                type: 'Image',
                format: 'image/jpeg',
                width: 1000,
                height: 1500,
              },
            },
          ],
        },
      ],
    })),
    structures: [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Letter 1'] },
        items: [1, 2, 3].map((n) => ({ id: canvas(n), type: 'Canvas' })),
      },
      {
        id: `${BASE}/range/2`,
        type: 'Range',
        label: { en: ['Letter 2'] },
        items: [4, 5, 6].map((n) => ({ id: canvas(n), type: 'Canvas' })),
      },
    ],
  };
}

const errorsOf = (doc: unknown) => validate(doc as never).filter((f) => f.severity === 'error');

describe('split and merge', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();

  it('splits a 12-canvas manifest at the selected canvas 5 into two files and a collection, after a preview', async () => {
    const { page } = app;
    await writeFile(path.join(app.host.workspace, 'reel.json'), JSON.stringify(reel(12), null, 2));
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'reel.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBeGreaterThan(4);
    await page.getByTestId('canvas-cell').nth(4).click();

    await page.getByRole('button', { name: 'Split…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Split into parts' });
    await dialog.waitFor();
    // The selection's canvas is the split point.
    expect(await dialog.getByLabel('Split at canvases').inputValue()).toBe('5');
    const parts = dialog.getByTestId('split-part');
    await expect.poll(() => parts.count()).toBe(2);
    expect(await parts.nth(0).textContent()).toContain('Microfilm reel (part 1 of 2)');
    expect(await parts.nth(0).textContent()).toContain('1–4 (4)');
    expect(await parts.nth(1).textContent()).toContain('5–12 (8)');
    expect(await parts.nth(1).textContent()).toContain(`${BASE}/part-2/manifest.json`);
    expect(await dialog.getByTestId('split-ranges').textContent()).toContain(
      'Ranges: 2 in the original, 1 shared by several parts',
    );
    // Nothing is written before the user says so.
    expect(await readdir(app.host.workspace)).not.toContain('split');

    await dialog.getByLabel('Folder').fill('split/reel');
    await dialog.getByRole('button', { name: 'Write 3 files' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('Wrote 2 parts and their collection');

    const out = path.join(app.host.workspace, 'split/reel');
    expect((await readdir(out)).sort()).toEqual([
      'reel-collection.json',
      'reel-part-1.json',
      'reel-part-2.json',
    ]);
    const read = async (file: string) => JSON.parse(await readFile(path.join(out, file), 'utf8'));
    const [one, two, collection] = await Promise.all(
      ['reel-part-1.json', 'reel-part-2.json', 'reel-collection.json'].map(read),
    );
    expect(one.items).toHaveLength(4);
    expect(two.items).toHaveLength(8);
    expect(two.items[0].id).toBe(`${BASE}/canvas/5`);
    expect(one.rights).toBe(reel(12).rights);
    expect(collection.type).toBe('Collection');
    expect(collection.items.map((m: { id: string }) => m.id)).toEqual([one.id, two.id]);
    for (const [what, doc] of [
      ['part 1', one],
      ['part 2', two],
      ['collection', collection],
    ] as const) {
      expect(errorsOf(doc), what).toEqual([]);
      schema.add(`split ${what}`, doc);
    }
    // The open document is unchanged.
    expect(await page.getByTestId('canvas-count').textContent()).toBe('12 canvases');
  });

  it('merges the two parts back into one manifest with the original canvases', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge manifests' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /Remove reel\.json/ }).click();
    for (const name of ['reel-part-1.json', 'reel-part-2.json']) {
      await dialog.getByRole('button', { name: 'Add a manifest file…' }).click();
      const files = dialog.getByRole('list', { name: 'Files' });
      await files.getByRole('button', { name: 'split' }).click();
      await files.getByRole('button', { name: 'reel', exact: true }).click();
      await files.getByRole('button', { name }).click();
      await expect
        .poll(() => dialog.getByRole('list', { name: /Manifests to merge/ }).textContent())
        .toContain(name);
    }
    await expect
      .poll(() => dialog.getByTestId('merge-summary').textContent())
      .toContain('12 canvases (4 + 8)');
    await dialog.getByLabel('Folder').fill('merged');
    await dialog.getByLabel('File name').fill('reel-again.json');
    await dialog.getByRole('button', { name: 'Write 1 file' }).click();
    await dialog.waitFor({ state: 'detached' });
    const merged = JSON.parse(
      await readFile(path.join(app.host.workspace, 'merged/reel-again.json'), 'utf8'),
    );
    expect(merged.items).toEqual(reel(12).items);
    expect(errorsOf(merged)).toEqual([]);
    schema.add('merged', merged);
  });

  schema.test('split parts, their collection and the merged manifest');
});
