/**
 * Issue 8, publish: review shows findings and what changed; errors need an explicit override; the published
 * manifest has every id under the public base and passes the official schema; publishing again the same document
 * produces the same bytes, and the review says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const BASE = 'https://museum.example/iiif/book';

const manifest = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/unpublished/book/manifest.json',
  type: 'Manifest',
  label: { en: ['A book to publish'] },
  items: [1, 2].map((n) => ({
    id: `https://example.org/unpublished/book/canvas/${n}`,
    type: 'Canvas',
    label: { none: [`f. ${n}r`] },
    width: 1000,
    height: 1500,
    items: [
      {
        id: `https://example.org/unpublished/book/canvas/${n}/page/1`,
        type: 'AnnotationPage',
        items: [
          {
            id: `https://example.org/unpublished/book/canvas/${n}/page/1/anno/1`,
            type: 'Annotation',
            motivation: 'painting',
            target: `https://example.org/unpublished/book/canvas/${n}`,
            body: {
              id: `https://images.example/iiif/leaf${n}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              width: 1000,
              height: 1500,
              service: [
                { id: `https://images.example/iiif/leaf${n}`, type: 'ImageService3', profile: 'level1' },
              ],
            },
          },
        ],
      },
    ],
  })),
};

describe('publish', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();

  it('reviews, refuses errors without an override, and writes valid, stable output', async () => {
    const { page } = app;
    // A plain-string label is an error: publishing must ask for an override.
    await writeFile(
      path.join(app.host.workspace, 'book.json'),
      JSON.stringify({ ...manifest, label: 'A book' }, null, 2),
    );
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'book.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(2);

    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(BASE);
    await page.getByLabel('Output folder').fill('published/book');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect.poll(() => page.getByTestId('publish-changes').textContent()).toContain('First publication');
    await expect.poll(() => page.getByTestId('publish-findings').textContent()).toMatch(/^[1-9]\d* errors/);
    const publishButton = page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true });
    expect(await publishButton.isDisabled()).toBe(true);
    await page.getByLabel(/Publish anyway/).check();
    await publishButton.click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('message').textContent()).toContain(`${BASE}/manifest.json`);

    // Fix the label in the editor, publish again over the earlier publication: the review shows the change.
    await page.getByTestId('label-manifest').fill('A book to publish');
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(BASE);
    await page.getByLabel('Output folder').fill('published/book');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect.poll(() => page.getByTestId('publish-findings').textContent()).toMatch(/^0 errors/);
    await expect.poll(() => page.getByTestId('publish-changes').textContent()).toMatch(/1 changed/);
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    // The dialog closes when the folder is written (the message may still show the previous publication).
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const outFile = path.join(app.host.workspace, 'published/book/manifest.json');
    const first = await readFile(outFile, 'utf8');
    const published = JSON.parse(first);
    expect(published.id).toBe(`${BASE}/manifest.json`);
    const ids = JSON.stringify(published).match(/"id":"[^"]+"/g) ?? [];
    for (const id of ids.filter((i) => !i.includes('images.example'))) expect(id).toContain(BASE);
    // Remote institution images are never rewritten.
    expect(published.items[0].items[0].items[0].body.service[0].id).toBe('https://images.example/iiif/leaf1');
    schema.add('the published manifest', published);

    // Same document again: same bytes, and the review says nothing changed.
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(BASE);
    await page.getByLabel('Output folder').fill('published/book');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect.poll(() => page.getByTestId('publish-changes').textContent()).toContain('Identical');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    // The dialog closes when the folder is written (the message may still show the previous publication).
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await readFile(outFile, 'utf8')).toBe(first);
  });

  schema.test('The published manifest');
});
