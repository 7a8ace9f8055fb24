/**
 * Issue 20 item 11: Cancel in Add images did not reach the host, which kept retrying a 429 (honouring its
 * Retry-After) long after the dialog was closed. A fetchImageInfo request named by a requestId stops, waits and
 * retries included, when cancelImageInfo names it.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteService, type RemoteService } from '../../../electron/services/remote/remote-service';
import { createSourcesHandlers } from '../../../electron/services/sources/handlers';
import type { PathPolicy } from '../../../electron/services/files/path-policy';

let cacheDir: string;
let server: http.Server;
let base: string;
let hits: number;
let allAnswered: Promise<void>;
let remote: RemoteService;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-cancel-'));
  hits = 0;
  let hit = () => undefined as void;
  allAnswered = new Promise((resolve) => (hit = resolve));
  // Always busy, asking for 30 s between tries: without a cancel the request would last the whole retry budget.
  server = http.createServer((_req, res) => {
    hits += 1;
    // Every address of the batch has had its first answer: the batch is now waiting to retry.
    if (hits === 6) hit();
    res.writeHead(429, { 'retry-after': '30' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  remote = createRemoteService({ cacheDir, maxTotalRetryDelayMs: 90_000, maxRetryDelayMs: 30_000 });
});

afterEach(async () => {
  remote.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(cacheDir, { recursive: true, force: true });
});

describe('cancelling fetchImageInfo', () => {
  it('stops a batch waiting out a 429, and it requests nothing more', { timeout: 10_000 }, async () => {
    const handlers = createSourcesHandlers({ remote, localImagesDir: cacheDir }, {} as PathPolicy);
    const urls = Array.from({ length: 6 }, (_, i) => `${base}/iiif/image-${i}/info.json`);
    const pending = handlers.fetchImageInfo({ urls, requestId: 'batch-1' });
    await allAnswered;
    expect(await handlers.cancelImageInfo({ requestId: 'batch-1' })).toEqual({ cancelled: true });
    const { results } = await pending;
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(urls.map(() => 'cancelled'));
    const afterCancel = hits;
    // The retries that would have followed the 429 are never sent: nothing is on the wire or queued, and a second
    // later the server has still seen nothing more.
    const host = new URL(base).host;
    expect([remote.limiter.inFlight(host), remote.limiter.queued(host)]).toEqual([0, 0]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(hits).toBe(afterCancel);
    expect(await handlers.cancelImageInfo({ requestId: 'batch-1' })).toEqual({ cancelled: false });
  });
});
