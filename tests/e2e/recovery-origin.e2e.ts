/**
 * A document opened from the internet keeps its origin through a crash: recovered after kill -9, its thumbnails on
 * this computer's private addresses are still refused (403, `initiator=public`), and the private server receives
 * nothing. Before the recovery record carried the origin, the recovered copy counted as a local file and the
 * preview fetched them.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openBrowser, type BrowserSession, type HostProcess } from './harness';
import { hostileManifest, PNG_1x1, PUBLIC_ALIAS, serve, startPublicHost } from './public-document';
import { someRecordHolds } from './recovery-records';

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
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(hostileManifest(publicBase, `${secret.base}/admin/thumb.png`)));
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

    const { dataDir } = host;
    await expect.poll(() => someRecordHolds(dataDir, 'Admin page (edited)'), { timeout: 10_000 }).toBe(true);
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
