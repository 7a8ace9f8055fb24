/**
 * Issue 14 item 4 in Chromium: a manifest from a public address (the loopback alias 127.0.0.2, which the web host is
 * told to treat as the internet) names thumbnails and info.json on this computer (127.0.0.1). The private server
 * receives nothing until the user allows its host; Add images then asks "Allow requests to HOST for this
 * session?" and, allowed, adds the image.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openBrowser, type BrowserSession, type HostProcess } from './harness';
import { hostileManifest, PNG_1x1, PUBLIC_ALIAS, serve, startPublicHost } from './public-document';

describe('private-network requests from a public document', () => {
  let host: HostProcess;
  let session: BrowserSession;
  const privateHits: string[] = [];
  let privateBase = '';
  let publicBase = '';
  const servers: http.Server[] = [];

  beforeAll(async () => {
    const secret = await serve('127.0.0.1', (req, res) => {
      privateHits.push(req.url ?? '');
      if (req.url?.endsWith('/info.json')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            '@context': 'http://iiif.io/api/image/3/context.json',
            id: `${privateBase}/iiif/secret`,
            type: 'ImageService3',
            protocol: 'http://iiif.io/api/image',
            profile: 'level0',
            width: 100,
            height: 100,
          }),
        );
      } else res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1x1);
    });
    privateBase = secret.base;
    const institution = await serve(PUBLIC_ALIAS, (req, res) => {
      if (req.url === '/manifest.json') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(hostileManifest(publicBase, `${privateBase}/admin/thumb.png`)));
      } else res.writeHead(302, { location: `${privateBase}/iiif/secret/info.json` }).end();
    });
    publicBase = institution.base;
    servers.push(secret.server, institution.server);
    host = await startPublicHost();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('shows no thumbnail from this computer for a source from the internet, and requests nothing there', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(`${publicBase}/manifest.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('source-canvas').textContent()).toContain('No image');
    expect(privateHits).toEqual([]);
  });

  it('refuses the thumbnails of a document opened by URL from the internet', async () => {
    const { page } = session;
    const thumbnail = page.waitForResponse((r) => r.url().includes('/remote-image?'));
    await page.keyboard.press('Control+Shift+O');
    const dialog = page.getByRole('dialog', { name: 'Open from URL' });
    await dialog.getByLabel('Manifest URL').fill(`${publicBase}/manifest.json`);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(1);
    const answer = await thumbnail;
    expect(answer.url()).toContain('initiator=public');
    expect(answer.status()).toBe(403);
    expect(privateHits).toEqual([]);
  });

  it('asks before Add images follows a public redirect to this computer, and adds the image once allowed', async () => {
    const { page } = session;
    // No browser prompt: the question is the app's own dialog.
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'New manifest…' }).click();
    const discard = page.getByRole('button', { name: 'Discard changes' });
    if (await discard.isVisible()) await discard.click();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(`${publicBase}/forward/info.json`);
    await page.getByRole('button', { name: 'Add 1' }).click();
    const question = page.getByRole('dialog', { name: 'Allow requests to 127.0.0.1?' });
    await question.waitFor();
    expect(await question.textContent()).toMatch(/Blocked a request to 127\.0\.0\.1/);
    // Nothing reached this computer before the answer.
    expect(privateHits).toEqual([]);
    await question.getByRole('button', { name: 'Allow for this session' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 30_000 })
      .toBe('Added 1 canvas.');
    expect(await question.count()).toBe(0);
    expect(prompts).toEqual([]);
    expect(privateHits).toContain('/iiif/secret/info.json');
  });
});
