/**
 * Network faults (issue 14 item 6, issue 20 item 14): loopback servers that hang, trickle, redirect forever, rate
 * limit with an absurd Retry-After, answer HTML or broken JSON, stream 2 GB, send a gzip bomb, or speak the wrong
 * protocol. Every fetch the app makes (info.json, a manifest opened as a source or by URL, image bytes) must end
 * within its bounds with a sentence for a curator (no OpenSSL or parser text), keep memory bounded, and leave
 * nothing half-way in the offline cache. The run prints a table: fault → kind → outcome → ms, and RSS.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteService, type RemoteService } from '../../../electron/services/remote/remote-service';
import { fetchImage } from '../../../electron/services/sources/image-info';
import { openSource } from '../../../electron/services/sources/open-source';
import type { PathPolicy } from '../../../electron/services/files/path-policy';

const CONNECT_MS = 1500;
const TOTAL_MS = 2500;
const RETRY_TOTAL_MS = 1000;
/** The most any one fetch may take: connect + one exchange per retry + the retry waits, with room for a busy CI. */
const BOUND_MS = CONNECT_MS + TOTAL_MS * 4 + RETRY_TOTAL_MS + 5000;
const TWO_GB = 2 * 1024 ** 3;

const sockets = new Set<net.Socket>();
let plain: http.Server;
let base = '';
let tlsLike: net.Server;
let tlsPort = 0;
let bomb: Buffer;
let cacheDir: string;
let remote: RemoteService;

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  const fault = url.pathname.split('/')[1] ?? '';
  switch (fault) {
    case 'hang':
      return; // never answers
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 1000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'redirects': {
      const n = Number(url.searchParams.get('n') ?? '0');
      res.writeHead(302, { location: `/redirects/x?n=${n + 1}` }).end();
      return;
    }
    case 'loop':
      res.writeHead(302, { location: '/loop/b' === url.pathname ? '/loop/a' : '/loop/b' }).end();
      return;
    case '404':
      res.writeHead(404).end('not here');
      return;
    case '500':
      res.writeHead(500).end('oops');
      return;
    case '429':
      res.writeHead(429, { 'retry-after': '99999' }).end();
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Login</title>');
      return;
    case 'invalid-json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "x", ');
      return;
    case 'wrong-type':
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n%\xff\xff\n');
      return;
    case 'huge': {
      // 2 GB streamed lazily, chunk by chunk as the socket drains: nothing is allocated beyond one chunk.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < TWO_GB && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    case 'huge-declared':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(TWO_GB) });
      res.write('{');
      return;
    case 'gzip-bomb':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
      return;
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  // 256 MB of spaces, gzipped to about 250 KB.
  bomb = zlib.gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 });
  plain = http.createServer(route);
  plain.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  // A TLS port: it answers whatever arrives with a TLS alert record (handshake failure) and closes.
  tlsLike = net.createServer((socket) => {
    socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => tlsLike.listen(0, '127.0.0.1', resolve));
  tlsPort = (tlsLike.address() as AddressInfo).port;
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-faults-'));
  remote = createRemoteService({
    cacheDir,
    connectTimeoutMs: CONNECT_MS,
    totalTimeoutMs: TOTAL_MS,
    maxJsonBytes: 8 * 1024 * 1024,
    maxImageBytes: 8 * 1024 * 1024,
    maxRetries: 3,
    backoffBaseMs: 100,
    maxRetryDelayMs: 500,
    maxTotalRetryDelayMs: RETRY_TOTAL_MS,
    maxRedirects: 5,
  });
});

afterAll(async () => {
  remote?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => plain.close(() => resolve()));
  await new Promise<void>((resolve) => tlsLike.close(() => resolve()));
  await rm(cacheDir, { recursive: true, force: true });
});

const FAULTS: readonly [string, () => string, RegExp][] = [
  ['hang', () => `${base}/hang/x`, /did not finish answering within/],
  ['one byte a second', () => `${base}/trickle/x`, /did not finish answering within/],
  ['10 redirects', () => `${base}/redirects/x?n=0`, /Gave up after 5 redirects/],
  ['redirect loop', () => `${base}/loop/a`, /redirects in a loop/],
  ['404', () => `${base}/404/x`, /nothing at this address \(404\)/],
  ['500', () => `${base}/500/x`, /internal error \(500\)/],
  ['429, Retry-After: 99999', () => `${base}/429/x`, /limiting requests \(429/],
  ['HTML for JSON', () => `${base}/html/x`, /web page instead of IIIF data/],
  ['invalid JSON', () => `${base}/invalid-json/x`, /not valid JSON|neither an image nor IIIF/],
  ['wrong content type', () => `${base}/wrong-type/x`, /not valid JSON|neither an image nor IIIF/],
  ['2 GB body, streamed', () => `${base}/huge/x`, /larger than the 8 MB allowed/],
  ['2 GB body, declared', () => `${base}/huge-declared/x`, /larger than the 8 MB allowed/],
  ['gzip bomb', () => `${base}/gzip-bomb/x`, /larger than the 8 MB allowed/],
  [
    'TLS to a plain port',
    () => `${base.replace('http:', 'https:')}/x`,
    /did not answer with a secure connection/,
  ],
  ['plain HTTP to a TLS port', () => `http://127.0.0.1:${tlsPort}/x`, /did not answer in HTTP/],
];

type Kind = 'info.json' | 'manifest' | 'media';

async function fetchAs(kind: Kind, url: string): Promise<unknown> {
  if (kind === 'info.json') return remote.fetchInfo(`${url}${url.includes('?') ? '&' : '?'}k=info/info.json`);
  if (kind === 'manifest') return openSource({ remote, policy: {} as PathPolicy }, `${url}#manifest`);
  // Image bytes as Add images and thumbnails take them: fetched, then checked to be an image.
  return fetchImage(remote, url.includes('?') ? `${url}&k=media.jpg` : `${url}.jpg`);
}

/** Raw texts of Node, OpenSSL or the HTTP parser that must never reach a curator. */
const RAW =
  /EPROTO|ECONNRESET|OpenSSL|SSL routines|ssl3_|wrong version number|HPE_|Parse Error|socket hang up/i;

describe('network faults', () => {
  it('ends every fault within its bound, with a clear message, bounded memory and nothing cached', async () => {
    const table: string[] = [];
    let peakRss = process.memoryUsage().rss;
    const startRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const failures: string[] = [];
    try {
      for (const [fault, address, expected] of FAULTS) {
        for (const kind of ['info.json', 'manifest', 'media'] as const) {
          const url = address();
          const started = performance.now();
          const outcome = await fetchAs(kind, url).then(
            () => ({ code: 'ok', message: 'fetched' }),
            (error: unknown) => error as { code: string; message: string },
          );
          const ms = Math.round(performance.now() - started);
          table.push(
            `${fault.padEnd(26)} ${kind.padEnd(9)} ${outcome.code.padEnd(10)} ${String(ms).padStart(6)} ms  ${outcome.message.slice(0, 90)}`,
          );
          if (outcome.code === 'ok') failures.push(`${fault} / ${kind}: fetched`);
          if (RAW.test(outcome.message)) failures.push(`${fault} / ${kind}: raw text "${outcome.message}"`);
          if (!expected.test(outcome.message)) failures.push(`${fault} / ${kind}: "${outcome.message}"`);
          if (ms > BOUND_MS) failures.push(`${fault} / ${kind}: took ${ms} ms`);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const entries = await Promise.all(FAULTS.map(([, address]) => remote.cache.get(address())));
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    console.log(
      `fault                      kind      outcome        time  message\n${table.join('\n')}\n` +
        `RSS: ${mb(startRss)} at start, ${mb(peakRss)} at peak (+${mb(peakRss - startRss)})`,
    );
    expect(failures).toEqual([]);
    expect(entries.filter(Boolean)).toEqual([]);
    // 2 GB and a 256 MB bomb went by; what stays in memory is bounded by the 8 MB caps, not by the bodies.
    expect(peakRss - startRss).toBeLessThan(256 * 1024 * 1024);
  });
});
