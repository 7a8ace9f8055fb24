/**
 * Requests through the system proxy: a fake HTTP proxy on 127.0.0.1 stands for the one the OS names (the
 * desktop app gets the name from Electron's session.resolveProxy), and institutions are given names that do not
 * resolve, so an answer can only have come through the proxy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpProxyOf } from '../../../electron/services/remote/proxy-routes';
import { createRemoteService } from '../../../electron/services/remote/remote-service';

const cleanups: (() => Promise<void> | void)[] = [];
let cacheDir = '';

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-proxy-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** An institution answering any GET with a small JSON document naming the path asked for. */
async function institution(): Promise<number> {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ path: request.url, host: request.headers.host }));
  });
  server.keepAliveTimeout = 100;
  return listen(server);
}

/**
 * A forward proxy: plain http requests arrive in absolute form and are passed to `origins[host]` on
 * 127.0.0.1; CONNECT opens a tunnel to `origins[host]`, or is refused with 403 for unknown hosts.
 */
async function proxyServer(origins: Record<string, number>) {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const target = new URL(request.url ?? '');
    const port = origins[target.host];
    if (!port) return void response.writeHead(502).end();
    const upstream = http.request(
      { host: '127.0.0.1', port, path: target.pathname + target.search, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.end();
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${request.url}`);
    const port = origins[request.url ?? ''];
    if (!port) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const sockets = [upstream, client];
    for (const socket of sockets) socket.on('error', () => sockets.forEach((s) => s.destroy()));
  });
  const port = await listen(server);
  cleanups.push(() => server.closeAllConnections());
  return { port, seen };
}

function service(resolveProxy?: (url: string) => Promise<string>) {
  const remote = createRemoteService({
    cacheDir,
    maxRetries: 0,
    ...(resolveProxy ? { resolveProxy } : {}),
  });
  cleanups.push(() => remote.close());
  return remote;
}

describe('the proxy answer (PAC format, as session.resolveProxy gives it)', () => {
  it('takes the first HTTP proxy, falls back past SOCKS and HTTPS proxies, and stops at DIRECT', () => {
    expect(httpProxyOf('DIRECT')).toBeNull();
    expect(httpProxyOf('PROXY proxy.corp:3128')).toEqual({ host: 'proxy.corp', port: 3128 });
    expect(httpProxyOf('SOCKS5 s:1080; HTTPS h:443; PROXY p:8080; DIRECT')).toEqual({
      host: 'p',
      port: 8080,
    });
    expect(httpProxyOf('DIRECT; PROXY p:8080')).toBeNull();
    expect(httpProxyOf('PROXY [::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(httpProxyOf('PROXY nonsense')).toBeNull();
    expect(httpProxyOf('')).toBeNull();
  });
});

describe('remote requests through the system proxy', () => {
  it('asks the proxy for plain http addresses when one is configured', async () => {
    const origin = await institution();
    const proxy = await proxyServer({ 'iiif.example.invalid': origin });
    const asked: string[] = [];
    const remote = service(async (url) => {
      asked.push(url);
      return `PROXY 127.0.0.1:${proxy.port}; DIRECT`;
    });
    const result = await remote.fetchJson('http://iiif.example.invalid/book/manifest.json?x=1');
    expect(result.json).toEqual({ path: '/book/manifest.json?x=1', host: 'iiif.example.invalid' });
    expect(proxy.seen).toEqual(['GET http://iiif.example.invalid/book/manifest.json?x=1']);
    expect(asked).toEqual(['http://iiif.example.invalid/book/manifest.json?x=1']);
  });

  it('goes direct when the answer is DIRECT', async () => {
    const origin = await institution();
    const proxy = await proxyServer({});
    const remote = service(async () => 'DIRECT');
    const result = await remote.fetchJson(`http://127.0.0.1:${origin}/direct.json`);
    expect(result.json).toMatchObject({ path: '/direct.json' });
    expect(proxy.seen).toEqual([]);
  });

  it('tunnels https through the proxy with CONNECT, keeping TLS end to end', async () => {
    // A TLS institution with a self-signed certificate for its name: the handshake is with it, through the
    // tunnel, so the service refuses the certificate (a proxy cannot read or change what passes).
    const keys = await mkdtemp(path.join(os.tmpdir(), 'tessera-tls-'));
    cleanups.push(() => rm(keys, { recursive: true, force: true }));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=secure.example.invalid',
        ].concat(['-keyout', 'key.pem', '-out', 'cert.pem']),
        { cwd: keys, stdio: 'ignore', env: { ...process.env, OPENSSL_CONF: '/dev/null' } },
      );
    } catch {
      // No openssl here: the refusal case below still proves the CONNECT.
    }
    const proxyTargets: Record<string, number> = {};
    const proxy = await proxyServer(proxyTargets);
    const remote = service(async () => `PROXY 127.0.0.1:${proxy.port}`);

    await expect(remote.fetchJson('https://refused.example.invalid/manifest.json')).rejects.toThrow(
      /refused the tunnel to refused\.example\.invalid:443/,
    );
    expect(proxy.seen).toEqual(['CONNECT refused.example.invalid:443']);

    const pem = await Promise.all(
      ['key.pem', 'cert.pem'].map((f) => readFile(path.join(keys, f), 'utf8').catch(() => null)),
    );
    const [key, cert] = pem;
    if (!key || !cert) return;
    const secure = tls.createServer({ key, cert }, (socket) => socket.end());
    proxyTargets['secure.example.invalid:443'] = await listen(secure);
    await expect(remote.fetchJson('https://secure.example.invalid/manifest.json')).rejects.toThrow(
      /self-signed/,
    );
    expect(proxy.seen.at(-1)).toBe('CONNECT secure.example.invalid:443');
  });
});
