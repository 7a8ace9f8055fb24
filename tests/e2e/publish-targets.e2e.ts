/**
 * Issue 18's targets end to end, from the Publish dialog in Chromium: the open document is published to a
 * branch of a Git clone (pushed to a bare repository; a checkout of that branch is then served on loopback, as
 * GitHub Pages would serve it) and to S3 storage (the fake server, its bucket readable as a website). Each
 * published manifest is opened again as a source: all its canvases show. A wrong secret and an unreachable
 * storage each give a clear message, and the previous publication stays as it was.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../electron/publish/fake-s3';
import { openApp, serveFolder } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const exec = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();
const KEYS = { accessKeyId: 'TESSERAE2E', secretAccessKey: 'e2e-secret-the-storage-knows' };
const SAMPLE_CANVASES = 4;

/** Opens `url` in the Sources panel and waits until every canvas is listed with its image drawn. */
async function openAsSource(page: Page, url: string) {
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  await page.getByLabel('Source address').fill(url);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const canvases = page.getByTestId('source-canvas');
  await expect.poll(() => canvases.count(), { timeout: 30_000 }).toBe(SAMPLE_CANVASES);
  await expect
    .poll(
      () =>
        canvases
          .locator('img')
          .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      { timeout: 30_000 },
    )
    .toBe(SAMPLE_CANVASES);
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
}

async function openPublishDialog(page: Page, base: string) {
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.getByLabel('Public base URL').fill(base);
}

async function review(page: Page) {
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect.poll(() => page.getByTestId('publish-findings').textContent()).toMatch(/^0 errors/);
}

/** Publishes and waits for the dialog to close; returns the message the app shows. */
async function publishAndClose(page: Page): Promise<string> {
  await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 60_000 });
  return (await page.getByTestId('message').textContent()) ?? '';
}

describe('publish to a Git repository and to S3 storage from the dialog', () => {
  const app = useHostAndBrowser();
  let scratch: string;
  let s3: FakeS3;
  let pages: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'tessera-targets-e2e-'));
    s3 = await startFakeS3('site', KEYS, { publicRead: true });
    pages = await serveFolder(() => path.join(scratch, 'served'));
  });
  afterAll(async () => {
    await s3?.close();
    pages?.server.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('pushes to gh-pages of a bare repository; the served checkout opens as a source', async () => {
    const { page } = app;
    const bare = path.join(scratch, 'pages.git');
    await git(scratch, 'init', '--quiet', '--bare', bare);
    // The clone must be in the workspace: the web host writes nowhere else.
    await git(app.host.workspace, 'clone', '--quiet', bare, 'pages');
    await openApp(page, app.host.url);

    const base = `${pages.origin}/book`;
    await openPublishDialog(page, base);
    await page.getByRole('radio', { name: 'Git repository' }).check();
    await page.getByLabel('Local clone').fill('pages');
    await page.getByLabel('Commit message').fill('Publish the psalter');
    await page.getByLabel('Author name').fill('Ada Curator');
    await page.getByLabel('Author e-mail').fill('ada@museum.example');
    await review(page);
    expect(await page.getByTestId('publish-where').textContent()).toContain('gh-pages');
    const message = await publishAndClose(page);
    expect(message).toMatch(/Fetched back: (\d+) of \1 URIs resolve/);

    expect(await git(bare, 'log', '-1', '--format=%an|%s', 'gh-pages')).toBe(
      'Ada Curator|Publish the psalter',
    );
    // What a Pages host would serve: a checkout of the branch, at the base URL's path.
    await mkdir(path.join(scratch, 'served'), { recursive: true });
    await git(scratch, 'clone', '--quiet', '--branch', 'gh-pages', bare, path.join('served', 'book'));
    await openAsSource(page, `${base}/manifest.json`);
  });

  it('uploads to S3 storage; the bucket opens as a source; a wrong secret and an unreachable host change nothing', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    const base = `${s3.endpoint}/site/psalter`;
    const fillStorage = async (endpoint: string, secret: string) => {
      await page.getByRole('radio', { name: 'S3-compatible storage' }).check();
      await page.getByLabel('Storage endpoint').fill(endpoint);
      await page.getByLabel('Bucket', { exact: true }).fill('site');
      await page.getByLabel('Prefix (folder in the bucket)').fill('psalter');
      await page.getByLabel('Access key id').fill(KEYS.accessKeyId);
      await page.getByLabel('Secret access key').fill(secret);
    };

    await openPublishDialog(page, base);
    await fillStorage(s3.endpoint, KEYS.secretAccessKey);
    await review(page);
    expect(await page.getByTestId('publish-where').textContent()).toContain('s3://site/psalter');
    expect(await publishAndClose(page)).toMatch(/Fetched back: (\d+) of \1 URIs resolve/);
    const manifest = s3.objects.get('psalter/manifest.json');
    expect(manifest?.contentType).toBe('application/json');
    await openAsSource(page, `${base}/manifest.json`);
    const published = new Map([...s3.objects].map(([key, o]) => [key, o.etag]));

    // A changed document with a wrong secret: the storage refuses, the dialog says so, nothing changes.
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Public base URL').fill(base);
    await page.getByLabel('Minified JSON').check();
    await fillStorage(s3.endpoint, KEYS.secretAccessKey);
    await review(page);
    await page.getByLabel('Secret access key').fill('not-the-secret');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/The storage refused the credentials \(SignatureDoesNotMatch\).*nothing was changed/);
    expect(new Map([...s3.objects].map(([key, o]) => [key, o.etag]))).toEqual(published);

    // An endpoint nobody listens on: a clear message naming it, and again nothing changes.
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await page.getByLabel('Storage endpoint').fill(`http://127.0.0.1:${closed}`);
    await page.getByLabel('Secret access key').fill(KEYS.secretAccessKey);
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain(`Could not reach the storage at http://127.0.0.1:${closed}`);
    expect(new Map([...s3.objects].map(([key, o]) => [key, o.etag]))).toEqual(published);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });
});
