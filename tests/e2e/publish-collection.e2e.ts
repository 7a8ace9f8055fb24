/**
 * Publishing the open manifest with other workspace manifests as a collection: files are added through the
 * in-app picker, ordered and labelled in the Publish dialog; the review names the collection and counts its
 * manifests; the folder written holds collection.json and one folder per manifest, all passing the official
 * schema; served on loopback, collection.json opens as a source and leads to its manifests.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile, serveFolder } from './harness';
import { useHostAndBrowser } from './host-and-browser';

function manifestNamed(slug: string, label: string, canvases: number) {
  const base = `https://example.org/unpublished/${slug}`;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: [label] },
    items: Array.from({ length: canvases }, (_, i) => i + 1).map((n) => ({
      id: `${base}/canvas/${n}`,
      type: 'Canvas',
      label: { none: [`f. ${n}r`] },
      width: 1000,
      height: 1500,
      items: [
        {
          id: `${base}/canvas/${n}/page/1`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${base}/canvas/${n}/page/1/anno/1`,
              type: 'Annotation',
              motivation: 'painting',
              target: `${base}/canvas/${n}`,
              body: {
                id: `https://images.example/iiif/${slug}${n}/full/max/0/default.jpg`,
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
  };
}

describe('publish a collection', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  let site: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    site = await serveFolder(() => path.join(app.host.workspace, 'published'));
  });
  afterAll(async () => {
    site?.server.close();
  });

  it('publishes the open manifest with another one and a collection.json that lists both', async () => {
    const { page } = app;
    const files = {
      'book.json': manifestNamed('book', 'A book of hours', 2),
      'letters.json': manifestNamed('letters', 'Letters', 3),
      'notes.json': manifestNamed('notes', 'Notes', 1),
    };
    for (const [name, doc] of Object.entries(files))
      await writeFile(path.join(app.host.workspace, name), JSON.stringify(doc, null, 2));
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'book.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(2);

    const base = `${site.origin}/shelf`;
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(base);
    await page.getByLabel('Output folder').fill('published/shelf');
    const members = page.getByRole('list', { name: 'Collection order' }).getByRole('listitem');
    for (const name of ['notes.json', 'letters.json']) {
      await page.getByRole('button', { name: 'Add manifest…' }).click();
      await page.getByRole('list', { name: 'Files' }).getByRole('button', { name }).click();
      await expect.poll(() => members.last().textContent()).toContain(name);
    }
    // Order is collection order: the open document first, then the files as arranged here.
    await page.getByRole('button', { name: 'Move letters.json up' }).click();
    await expect
      .poll(() => members.allTextContents())
      .toEqual([
        expect.stringContaining('book.json'),
        expect.stringContaining('letters.json'),
        expect.stringContaining('notes.json'),
      ]);
    await page.getByRole('button', { name: 'Remove notes.json' }).click();
    await expect.poll(() => members.count()).toBe(2);
    await page.getByLabel('Collection label').fill('Two books');

    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const collectionReview = page.getByTestId('publish-collection');
    await expect.poll(() => collectionReview.textContent()).toContain(`${base}/collection.json`);
    expect(await collectionReview.textContent()).toContain('2 manifests');
    await expect
      .poll(() => page.getByTestId('publish-findings').textContent())
      .toMatch(/^0 errors, \d+ warnings across 2 manifests/);
    await expect.poll(() => page.getByTestId('publish-changes').textContent()).toContain('First publication');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain(`${base}/collection.json with 2 manifests`);

    const out = path.join(app.host.workspace, 'published/shelf');
    expect((await readdir(out)).sort()).toEqual([
      '.tessera-publication',
      'book',
      'collection.json',
      'letters',
    ]);
    const read = async (file: string) => JSON.parse(await readFile(path.join(out, file), 'utf8'));
    const collection = await read('collection.json');
    const book = await read('book/manifest.json');
    const letters = await read('letters/manifest.json');
    expect(collection.id).toBe(`${base}/collection.json`);
    expect(collection.label).toEqual({ none: ['Two books'] });
    expect(book.id).toBe(`${base}/book/manifest.json`);
    expect(letters.id).toBe(`${base}/letters/manifest.json`);
    expect(collection.items.map((item: { id: string }) => item.id)).toEqual([book.id, letters.id]);
    schema.add('collection.json', collection);
    schema.add('book/manifest.json', book);
    schema.add('letters/manifest.json', letters);

    // Served as any web host would serve it, the collection opens as a source and leads to its manifests.
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(`${base}/collection.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Two books');
    const items = page.getByRole('list', { name: 'Collection items' }).getByRole('button');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('A book of hours'), expect.stringContaining('Letters')]);
    await items.nth(1).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Letters');
    await expect.poll(() => page.getByTestId('source-canvas').count()).toBe(3);
  });

  schema.test('The published collection and its manifests');
});
