/**
 * The Publish review names the published URIs a publication would change, and Publish waits for an explicit
 * confirmation before renaming any: here by publishing the same folder under another base URL.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const OLD = 'https://example.org/unpublished/uris';
const manifest = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: `${OLD}/manifest.json`,
  type: 'Manifest',
  label: { en: ['URIs to keep'] },
  items: [1, 2].map((n) => ({
    id: `${OLD}/canvas/${n}`,
    type: 'Canvas',
    label: { none: [`f. ${n}r`] },
    width: 1000,
    height: 1500,
    items: [
      {
        id: `${OLD}/canvas/${n}/page/1`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${OLD}/canvas/${n}/page/1/anno/1`,
            type: 'Annotation',
            motivation: 'painting',
            target: `${OLD}/canvas/${n}`,
            body: {
              id: `https://images.example/iiif/leaf${n}/full/max/0/default.jpg`,
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

describe('publish review of URIs', () => {
  const app = useHostAndBrowser();

  it('asks before changing published URIs, and publishes once confirmed', async () => {
    const { page } = app;
    await writeFile(path.join(app.host.workspace, 'uris.json'), JSON.stringify(manifest, null, 2));
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'uris.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(2);
    const dialog = page.getByRole('dialog');
    const publishButton = dialog.getByRole('button', { name: 'Publish', exact: true });
    const review = async (base: string) => {
      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByLabel('Public base URL').fill(base);
      await page.getByLabel('Output folder').fill('published/uris');
      await dialog.getByRole('button', { name: 'Review', exact: true }).click();
      await page.getByTestId('publish-uris').waitFor();
      return (await page.getByTestId('publish-uris').textContent()) ?? '';
    };

    // First publication: 7 new URIs (manifest, 2 canvases, 2 pages, 2 annotations), nothing to confirm.
    expect(await review('https://a.example/iiif/uris')).toContain('0 changed, 7 new, 0 no longer published');
    await publishButton.click();
    await dialog.waitFor({ state: 'detached' });

    // The same base again renames nothing.
    expect(await review('https://a.example/iiif/uris')).toContain('0 changed, 0 new, 0 no longer published');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Another base would rename every one of them: the review lists them and Publish waits for a yes.
    expect(await review('https://b.example/iiif/uris')).toContain('7 changed');
    expect(await page.getByRole('list', { name: 'Changed URIs' }).textContent()).toContain(
      'https://a.example/iiif/uris/manifest.json',
    );
    expect(await publishButton.isDisabled()).toBe(true);
    await page.getByLabel(/Change 7 published URIs/).check();
    expect(await publishButton.isDisabled()).toBe(false);
    await publishButton.click();
    await dialog.waitFor({ state: 'detached' });
    const published = JSON.parse(
      await readFile(path.join(app.host.workspace, 'published/uris/manifest.json'), 'utf8'),
    ) as { id: string };
    expect(published.id).toBe('https://b.example/iiif/uris/manifest.json');
  });
});
