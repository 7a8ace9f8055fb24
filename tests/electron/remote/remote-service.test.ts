/**
 * The remote service against real loopback institutions: network policy, retries, limits, cancellation,
 * and the offline cache. Waits are recorded instead of slept (injected `sleep`), and concurrency is observed
 * by pausing the server, so nothing here depends on timing.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { LookupFunction } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRemoteService,
  infoJsonUrlOf,
  type RemoteServiceOptions,
} from '../../../electron/services/remote/remote-service';
import {
  FAILURE_PATHS,
  startInstitution,
  type Institution,
  type InstitutionOptions,
} from '../../fixtures/institutions';

let cacheDir: string;
const cleanups: (() => Promise<void> | void)[] = [];
let sleeps: number[];

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-remote-'));
  sleeps = [];
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

async function institution(options: InstitutionOptions = {}): Promise<Institution> {
  const inst = await startInstitution({ images: [{ id: 'quadrants', width: 400, height: 300 }], ...options });
  cleanups.push(() => inst.close());
  return inst;
}

function service(options: Partial<RemoteServiceOptions> = {}) {
  const remote = createRemoteService({
    cacheDir,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  cleanups.push(() => remote.close());
  return remote;
}

describe('fetching image information', () => {
  it('reads info.json from a service base URL, its info.json URL, or with a trailing slash', async () => {
    const inst = await institution({ imageApi: 2 });
    const remote = service();
    for (const url of [
      inst.serviceUrl('quadrants'),
      `${inst.serviceUrl('quadrants')}/`,
      inst.infoUrl('quadrants'),
    ]) {
      const result = await remote.fetchInfo(url);
      expect(result.descriptor).toMatchObject({
        version: 2,
        level: 2,
        width: 400,
        height: 300,
        id: inst.serviceUrl('quadrants'),
      });
    }
    expect(inst.requestLog.every((entry) => entry.path === '/iiif/quadrants/info.json')).toBe(true);
    expect(infoJsonUrlOf('https://x.org/iiif/a/info.json?token=1')).toBe(
      'https://x.org/iiif/a/info.json?token=1',
    );
  });

  it('refuses non-web schemes before any request', async () => {
    const remote = service();
    for (const url of ['file:///etc/passwd', 'data:application/json,{}', 'javascript:alert(1)']) {
      await expect(remote.fetchJson(url)).rejects.toMatchObject({ code: 'scheme', url });
    }
    await expect(remote.fetchInfo('not a url')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('names each kind of broken answer', async () => {
    const inst = await institution({ failures: true });
    const remote = service();
    const at = (p: string) => `${inst.baseUrl}${p}`;
    await expect(remote.fetchInfo(at(FAILURE_PATHS.html))).rejects.toMatchObject({ code: 'html' });
    await expect(remote.fetchInfo(at(FAILURE_PATHS.malformed))).rejects.toMatchObject({ code: 'not-json' });
    await expect(remote.fetchInfo(at(FAILURE_PATHS.notFound))).rejects.toMatchObject({
      code: 'http',
      status: 404,
      message: /nothing at this address/,
    });
    await expect(remote.fetchInfo(at(FAILURE_PATHS.serverError))).rejects.toMatchObject({
      code: 'http',
      status: 500,
    });
    const invalid = remote.fetchInfo(at(FAILURE_PATHS.zeroDimensions));
    await expect(invalid).rejects.toMatchObject({
      code: 'invalid',
      reasons: [expect.stringMatching(/width/), expect.stringMatching(/height/)],
    });
    await expect(remote.fetchInfo(inst.manifestUrl(3))).rejects.toMatchObject({
      code: 'invalid',
      message: /Presentation document/,
    });
  });

  it('fetches manifests as JSON and thumbnails as bytes', async () => {
    const inst = await institution();
    const remote = service();
    const manifest = await remote.fetchJson(inst.manifestUrl(3));
    expect(manifest.json).toMatchObject({ type: 'Manifest' });
    expect(manifest.contentType).toMatch(/application\/ld\+json/);
    const thumb = await remote.fetchBytes(`${inst.serviceUrl('quadrants')}/full/100,/0/default.jpg`);
    expect(thumb.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // JPEG magic
    await expect(remote.fetchBytes(`${inst.baseUrl}/fail/html/info.json`)).rejects.toMatchObject({
      code: 'http',
      status: 404,
    });
  });
});

describe('redirects', () => {
  it('follows up to 5 and reports how many', async () => {
    const inst = await institution({ failures: true });
    const result = await service().fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.redirectChain(5)}`);
    expect(result.redirects).toBe(5);
    expect(result.finalUrl).toBe(inst.infoUrl('quadrants'));
  });

  it('gives up after 5, detects loops, and refuses redirects to local files', async () => {
    const inst = await institution({ failures: true });
    const remote = service();
    await expect(remote.fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.redirectChain(6)}`)).rejects.toMatchObject({
      code: 'redirects',
    });
    await expect(remote.fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.redirectLoop}`)).rejects.toMatchObject({
      code: 'redirects',
      message: /loop/,
    });
    await expect(remote.fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.redirectToFile}`)).rejects.toMatchObject({
      code: 'scheme',
    });
    expect(inst.requestLog.filter((entry) => entry.path.includes('redirect-loop')).length).toBe(2);
  });

  it('follows the Image API base-URI redirect (303) of a service', async () => {
    const inst = await institution();
    const result = await service().fetchJson(inst.serviceUrl('quadrants'));
    expect(result).toMatchObject({ redirects: 1, finalUrl: inst.infoUrl('quadrants') });
  });
});

describe('retries', () => {
  it('retries 503 and 429, honouring Retry-After in seconds', async () => {
    const inst = await institution();
    const infoPath = '/iiif/quadrants/info.json';
    inst.script(infoPath, [
      { status: 503, headers: { 'retry-after': '2' } },
      { status: 429, headers: { 'retry-after': '1' } },
    ]);
    const result = await service().fetchInfo(inst.infoUrl('quadrants'));
    expect(result.retries).toBe(2);
    expect(sleeps).toEqual([2000, 1000]);
    expect(inst.requestLog.map((entry) => entry.status)).toEqual([503, 429, 200]);
  });

  it('honours Retry-After as an HTTP date, and caps long waits', async () => {
    const inst = await institution();
    const now = Date.parse('2030-01-01T00:00:00Z');
    inst.script('/iiif/quadrants/info.json', [
      { status: 503, headers: { 'retry-after': new Date(now + 7000).toUTCString() } },
      { status: 503, headers: { 'retry-after': '86400' } },
    ]);
    await service({ now: () => now, maxRetryDelayMs: 20_000 }).fetchInfo(inst.infoUrl('quadrants'));
    expect(sleeps).toEqual([7000, 20_000]);
  });

  it('caps all waits of one request together at 30 s, whatever Retry-After asks', async () => {
    const inst = await institution();
    inst.script(
      '/iiif/quadrants/info.json',
      Array.from({ length: 5 }, () => ({ status: 429, headers: { 'retry-after': '99999' } })),
    );
    await expect(service().fetchInfo(inst.infoUrl('quadrants'))).rejects.toMatchObject({
      code: 'http',
      status: 429,
    });
    // One 30 s wait fills the budget: no second one, and the answer comes after 30 s, not 90.
    expect(sleeps).toEqual([30_000]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
    expect(inst.requestLog.length).toBe(2);
  });

  it('backs off exponentially without Retry-After, then reports the last status', async () => {
    const inst = await institution();
    inst.script('/iiif/quadrants/info.json', [
      { status: 502 },
      { status: 504 },
      { status: 502 },
      { status: 502 },
    ]);
    await expect(
      service({ backoffBaseMs: 100, maxRetries: 3 }).fetchInfo(inst.infoUrl('quadrants')),
    ).rejects.toMatchObject({
      code: 'http',
      status: 502,
    });
    expect(sleeps).toEqual([100, 200, 400]);
    expect(inst.requestLog.length).toBe(4);
  });

  it('does not retry answers that will not change (404, 500)', async () => {
    const inst = await institution({ failures: true });
    const remote = service();
    await expect(remote.fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.notFound}`)).rejects.toMatchObject({
      status: 404,
    });
    await expect(remote.fetchInfo(`${inst.baseUrl}${FAILURE_PATHS.serverError}`)).rejects.toMatchObject({
      status: 500,
    });
    expect(inst.requestLog.length).toBe(2);
    expect(sleeps).toEqual([]);
  });
});

describe('limits', () => {
  it('times out a server that never answers', async () => {
    const inst = await institution({ failures: true });
    await expect(
      service({ totalTimeoutMs: 300 }).fetchJson(`${inst.baseUrl}${FAILURE_PATHS.hang}`),
    ).rejects.toMatchObject({
      code: 'timeout',
      message: /did not finish answering/,
    });
  });

  it('times out the connect phase separately (here: a name lookup that never completes)', async () => {
    const stalled: LookupFunction = () => undefined;
    const remote = service({ lookup: stalled, connectTimeoutMs: 200, totalTimeoutMs: 60_000 });
    await expect(remote.fetchJson('http://institution.test:9/info.json')).rejects.toMatchObject({
      code: 'timeout',
      message: /Could not connect/,
    });
  });

  it('uses the given lookup to reach the server (name resolution is injectable)', async () => {
    const inst = await institution();
    const port = new URL(inst.baseUrl).port;
    const toLoopback = ((
      _host: string,
      options: { all?: boolean },
      callback: (...args: unknown[]) => void,
    ) => {
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as unknown as LookupFunction;
    const result = await service({ lookup: toLoopback }).fetchJson(
      `http://institution.test:${port}/iiif/quadrants/info.json`,
    );
    expect(result.json).toMatchObject({ width: 400 });
  });

  it('stops downloading past the size cap, declared or streamed', async () => {
    const inst = await institution({ failures: true });
    const remote = service({ maxJsonBytes: 1024 * 1024 });
    await expect(remote.fetchJson(`${inst.baseUrl}${FAILURE_PATHS.huge}`)).rejects.toMatchObject({
      code: 'too-large',
      message: /1 MB/,
    });
    await expect(remote.fetchJson(`${inst.baseUrl}${FAILURE_PATHS.hugeDeclared}`)).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('keeps at most 6 requests in flight per host, and hosts do not wait for each other', async () => {
    const a = await institution({ syntheticImages: 20 });
    const b = await institution({ syntheticImages: 20 });
    const remote = service();
    a.pause();
    b.pause();
    const fetches = [a, b].flatMap((inst) =>
      Array.from({ length: 20 }, (_, i) => remote.fetchInfo(inst.serviceUrl(`synthetic-${i}`))),
    );
    await Promise.all([a.waitForRequests(6), b.waitForRequests(6)]);
    expect(remote.limiter.inFlight(new URL(a.baseUrl).host)).toBe(6);
    expect(remote.limiter.queued(new URL(a.baseUrl).host)).toBe(14);
    a.resume();
    b.resume();
    const results = await Promise.all(fetches);
    expect(results.length).toBe(40);
    for (const inst of [a, b]) {
      expect(inst.maxInFlight()).toBe(6);
      expect(inst.requestLog.length).toBe(20);
      expect(Math.max(...inst.requestLog.map((entry) => entry.inFlightAtArrival))).toBeLessThanOrEqual(6);
    }
  });
});

describe('cancellation', () => {
  it('cancels a request on the wire', async () => {
    const inst = await institution({ failures: true });
    const controller = new AbortController();
    const pending = service().fetchJson(`${inst.baseUrl}${FAILURE_PATHS.hang}`, {
      signal: controller.signal,
    });
    await inst.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('cancels a queued request before it is ever sent', async () => {
    const inst = await institution({ syntheticImages: 7 });
    const remote = service();
    inst.pause();
    const controller = new AbortController();
    const first6 = Array.from({ length: 6 }, (_, i) => remote.fetchInfo(inst.serviceUrl(`synthetic-${i}`)));
    const seventh = remote.fetchInfo(inst.serviceUrl('synthetic-6'), { signal: controller.signal });
    await inst.waitForRequests(6);
    controller.abort();
    await expect(seventh).rejects.toMatchObject({ code: 'cancelled' });
    inst.resume();
    await Promise.all(first6);
    expect(inst.requestLog.some((entry) => entry.path.includes('synthetic-6'))).toBe(false);
  });

  it('cancels during a retry wait', async () => {
    const inst = await institution();
    inst.script('/iiif/quadrants/info.json', [{ status: 503, headers: { 'retry-after': '1' } }]);
    const controller = new AbortController();
    const remote = service({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')));
          controller.abort();
        }),
    });
    await expect(
      remote.fetchInfo(inst.infoUrl('quadrants'), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(inst.requestLog.length).toBe(1);
  });
});

describe('offline cache', () => {
  it('revalidates with If-None-Match and serves the cached copy on 304', async () => {
    const inst = await institution();
    const remote = service();
    const first = await remote.fetchInfo(inst.infoUrl('quadrants'));
    expect(first).toMatchObject({ fromCache: false, stale: false });
    const second = await remote.fetchInfo(inst.infoUrl('quadrants'));
    expect(second).toMatchObject({ fromCache: true, stale: false, descriptor: first.descriptor });
    expect(inst.requestLog[1]).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
  });

  it('revalidates with If-Modified-Since when the server sends no ETag', async () => {
    const inst = await institution({ etag: false });
    const remote = service();
    await remote.fetchJson(inst.manifestUrl(3));
    const again = await remote.fetchJson(inst.manifestUrl(3));
    expect(again.fromCache).toBe(true);
    expect(inst.requestLog[1]).toMatchObject({ status: 304, ifModifiedSince: expect.stringMatching(/GMT$/) });
    expect(inst.requestLog[1]?.ifNoneMatch).toBeUndefined();
  });

  it('downloads again when the content changed', async () => {
    const inst = await institution();
    const remote = service();
    await remote.fetchInfo(inst.infoUrl('quadrants'));
    inst.bumpRevision();
    const changed = await remote.fetchInfo(inst.infoUrl('quadrants'));
    expect(changed.fromCache).toBe(false);
    expect(inst.requestLog.map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('serves a stale copy, and says so, when the institution is offline or failing', async () => {
    const inst = await institution();
    const thumbUrl = `${inst.serviceUrl('quadrants')}/full/100,/0/default.jpg`;
    const remote = service();
    const fresh = await remote.fetchBytes(thumbUrl);
    await remote.fetchJson(inst.manifestUrl(3));
    inst.script('/manifests/v3.json', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const failing = await remote.fetchJson(inst.manifestUrl(3));
    expect(failing).toMatchObject({
      fromCache: true,
      stale: true,
      offlineReason: { code: 'http', status: 503 },
    });
    await inst.close();
    const offline = await remote.fetchBytes(thumbUrl);
    expect(offline).toMatchObject({ fromCache: true, stale: true, offlineReason: { code: 'network' } });
    expect(offline.bytes.equals(fresh.bytes)).toBe(true);
  });

  it('survives a restart: a new service on the same folder works offline', async () => {
    const inst = await institution();
    const url = inst.infoUrl('quadrants');
    await service().fetchInfo(url);
    await inst.close();
    const result = await service().fetchInfo(url);
    expect(result).toMatchObject({ fromCache: true, stale: true, descriptor: { width: 400 } });
    await expect(service().fetchInfo(`${url}?other`)).rejects.toMatchObject({ code: 'network' });
  });

  it('does not fall back to the cache for a 404, and never caches error pages', async () => {
    const inst = await institution();
    const remote = service();
    await remote.fetchInfo(inst.infoUrl('quadrants'));
    inst.script('/iiif/quadrants/info.json', [{ status: 404, body: 'gone' }]);
    await expect(remote.fetchInfo(inst.infoUrl('quadrants'))).rejects.toMatchObject({ status: 404 });
    inst.script('/manifests/v2.json', [
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Login</body></html>' },
    ]);
    await expect(remote.fetchJson(inst.manifestUrl(2))).rejects.toMatchObject({ code: 'html' });
    expect(await remote.cache.urls()).not.toContain(inst.manifestUrl(2));
  });

  it('serves recently confirmed copies without asking when freshForMs allows', async () => {
    const inst = await institution();
    let clock = 1_000_000;
    const remote = service({ freshForMs: 60_000, now: () => clock });
    await remote.fetchInfo(inst.infoUrl('quadrants'));
    clock += 30_000;
    expect((await remote.fetchInfo(inst.infoUrl('quadrants'))).fromCache).toBe(true);
    expect(inst.requestLog.length).toBe(1);
    clock += 60_000;
    await remote.fetchInfo(inst.infoUrl('quadrants'));
    expect(inst.requestLog.length).toBe(2);
  });

  it('keeps the cache folder bounded and free of temporary files', async () => {
    const inst = await institution({ syntheticImages: 30 });
    const remote = service({ maxCacheBytes: 8 * 1024 });
    for (let i = 0; i < 30; i++) await remote.fetchInfo(inst.serviceUrl(`synthetic-${i}`));
    expect(await remote.cache.totalBytes()).toBeLessThanOrEqual(8 * 1024);
    const names = await readdir(cacheDir);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const urls = await remote.cache.urls();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThan(30);
    expect(urls[urls.length - 1]).toBe(inst.infoUrl('synthetic-29'));
  });
});
