/**
 * Many hostile answers at once. A gzip bomb is a few kilobytes on the wire that inflate to the whole per-request
 * cap; a hundred of them from hosts that each get their own six slots would buffer gigabytes if every request
 * only watched its own cap. The remote service holds one budget for all bytes in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createSourcesHandlers } from '../../../electron/services/sources/handlers';
import { cleanups, remoteService, tempDir } from '../sources/helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

/** 30 MB of spaces (under the 32 MB JSON cap, so each one alone is allowed), gzipped to ~30 KB. */
const BOMB = zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20), { level: 9 });

/** A valid JSON document of 30 MB, as gzip; a big real manifest is ~20 MB. */
const BIG = zlib.gzipSync(Buffer.concat([Buffer.from('{"a":1}'), Buffer.alloc(30 * 1024 * 1024, 0x20)]));

async function bombServer(): Promise<string> {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(request.url?.startsWith('/big.json') ? BIG : BOMB);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('bytes in flight across all requests', () => {
  it('keeps the process under 1 GB through 100 gzip bombs in one fetchImageInfo call', async () => {
    // 17 hosts × 6 slots each: all 100 requests can be on the wire together.
    const origins = await Promise.all(Array.from({ length: 17 }, () => bombServer()));
    const urls = Array.from({ length: 100 }, (_, i) => `${origins[i % origins.length]}/bomb${i}/info.json`);
    const remote = await remoteService(cleanup);
    const root = await tempDir(cleanup);
    const handlers = createSourcesHandlers(
      { remote, localImagesDir: `${root}/local-images` },
      await createWorkspacePolicy(root),
    );
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const { results } = await handlers.fetchImageInfo({ urls });
      expect(results).toHaveLength(100);
      expect(results.every((r) => !r.ok)).toBe(true);
    } finally {
      clearInterval(sampler);
    }
    expect(peak / 1024 / 1024).toBeLessThan(1024);
  }, 120_000);

  it('gives the budget back when a request is done, and stops the one that would overdraw it', async () => {
    const origin = await bombServer();
    const remote = await remoteService(cleanup, { maxBufferedBytes: 40 * 1024 * 1024 });
    // One after the other, each fits: the first gave its 30 MB back.
    expect((await remote.fetchJson(`${origin}/big.json`)).json).toEqual({ a: 1 });
    expect((await remote.fetchJson(`${origin}/big.json?again`)).json).toEqual({ a: 1 });
    // Together they cannot both fit: one is stopped with a clear reason, the other arrives whole.
    const both = await Promise.allSettled([
      remote.fetchJson(`${origin}/big.json?x`),
      remote.fetchJson(`${origin}/big.json?y`),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = both.find((r) => r.status === 'rejected');
    expect(failed?.reason).toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/Try this address again/),
    });
  });
});
