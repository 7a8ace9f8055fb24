/**
 * The page's cookie and other services on loopback. Browsers send a 127.0.0.1 cookie to every port of
 * 127.0.0.1, so a manifest's `<img src="http://127.0.0.1:OTHER/x">` (or any local page the user opens) hands it
 * to whatever listens there. The API token must never travel that way, and a second Tessera host opened in the
 * same browser must not replace the first one's cookie.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

describe('the token and other loopback ports', () => {
  let first: HostProcess;
  let second: HostProcess;
  let session: BrowserSession;
  let other: http.Server;
  const received: string[] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([startHost(), startHost()]);
    other = http.createServer((request, response) => {
      received.push(String(request.headers.cookie ?? ''));
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
    other.close();
    await Promise.all([first.stop(), second.stop()]);
  });

  it('sends another port no token, and keeps each host working beside the other', async () => {
    const { page, context } = session;
    await openApp(page, first.url);
    const secondPage = await context.newPage();
    await openApp(secondPage, second.url);

    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/x.png`;
    await page.evaluate((src) => {
      const image = new Image();
      image.src = src;
      document.body.append(image);
    }, otherUrl);
    await expect.poll(() => received.length).toBeGreaterThan(0);
    // The browser hands the other port this origin's cookies (that is how cookies work), but never a token
    // that opens either host's API.
    for (const host of [first, second]) {
      const token = new URL(host.url).searchParams.get('token') ?? '';
      expect(token.length).toBeGreaterThan(10);
      expect(received.join(' ')).not.toContain(token);
    }
    expect(received.join(' ')).toContain('tessera_page_');

    // The first host still knows this browser after the second set its own cookie: reloading without the
    // token in the address shows the app, not the "open the printed address" refusal.
    for (const [tab, host] of [
      [page, first],
      [secondPage, second],
    ] as const) {
      const reload = await tab.goto(`${host.origin}/`);
      expect(reload?.status()).toBe(200);
    }
    await secondPage.close();
  });
});
