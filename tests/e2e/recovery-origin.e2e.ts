/**
 * A document opened from the internet keeps its origin through a crash: recovered after kill -9, its thumbnails on
 * this computer's private addresses are still refused (403, `initiator=public`), and the private server receives
 * nothing. Before the recovery record carried the origin, the recovered copy counted as a local file and the
 * preview fetched them.
 */
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

/** A loopback alias the web host is told to treat as the internet. */
const PUBLIC_ALIAS = '127.0.0.2';
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function serve(host: string, handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}` };
}

async function startPublicHost(options: Parameters<typeof startHost>[0] = {}): Promise<HostProcess> {
  process.env['TESSERA_TEST_PUBLIC_ADDRESSES'] = PUBLIC_ALIAS;
  try {
    return await startHost(options);
  } finally {
    delete process.env['TESSERA_TEST_PUBLIC_ADDRESSES'];
  }
}

describe('recovering a document from the internet', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  const privateHits: string[] = [];
  const servers: http.Server[] = [];
  let publicBase = '';

  beforeAll(async () => {
    const secret = await serve('127.0.0.1', (req, res) => {
      privateHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1x1);
    });
    const institution = await serve(PUBLIC_ALIAS, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          '@context': 'http://iiif.io/api/presentation/3/context.json',
          id: `${publicBase}/manifest.json`,
          type: 'Manifest',
          label: { en: ['Hostile'] },
          items: [
            {
              id: `${publicBase}/canvas/1`,
              type: 'Canvas',
              label: { en: ['Admin page'] },
              width: 100,
              height: 100,
              thumbnail: [{ id: `${secret.base}/admin/thumb.png`, type: 'Image' }],
              items: [],
            },
          ],
        }),
      );
    });
    publicBase = institution.base;
    servers.push(secret.server, institution.server);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('still refuses its private thumbnails after kill -9 and recovery', async () => {
    host = await startPublicHost();
    session = await openBrowser();
    const { page } = session;
    await openApp(page, host.url);
    await page.keyboard.press('Control+Shift+O');
    const dialog = page.getByRole('dialog', { name: 'Open from URL' });
    await dialog.getByLabel('Manifest URL').fill(`${publicBase}/manifest.json`);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(1);
    await page.getByTestId('canvas-cell').first().click();
    await page.getByTestId('label-items-0').fill('Admin page (edited)');

    const autosaveDir = path.join(host.dataDir, 'autosave');
    await expect
      .poll(
        async () => {
          const names = (await readdir(autosaveDir).catch(() => [] as string[])).filter(
            (n) => n.endsWith('.autosave.json') && !n.startsWith('.'),
          );
          const texts = await Promise.all(names.map((n) => readFile(path.join(autosaveDir, n), 'utf8')));
          return texts.some((t) => t.includes('Admin page (edited)'));
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await host.stop('SIGKILL');
    await session.close();
    expect(privateHits).toEqual([]);

    host = await startPublicHost({ workspace: host.workspace, dataDir: host.dataDir });
    session = await openBrowser();
    const again = session.page;
    await again.goto(host.url);
    const recover = again.getByRole('dialog', { name: 'Recover unsaved work?' });
    await recover.waitFor();
    const thumbnail = again.waitForResponse((r) => r.url().includes('/remote-image?'));
    await recover
      .getByRole('button', { name: /manifest|Hostile/ })
      .first()
      .click();
    await expect
      .poll(() => again.getByTestId('canvas-cell').first().textContent())
      .toContain('Admin page (edited)');
    const answer = await thumbnail;
    expect(answer.url()).toContain('initiator=public');
    expect(answer.status()).toBe(403);
    expect(privateHits).toEqual([]);
  });
});
