import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';

/** Raw HTTP, so the Host header can be forged (fetch does not allow setting it). */
function request(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  let host: WebHost;
  let root: string;
  let hostHeader: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tessera-host-'));
    const staticRoot = path.join(root, 'static');
    await mkdir(path.join(staticRoot, 'assets'), { recursive: true });
    await writeFile(path.join(staticRoot, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(root, 'secret.txt'), 'outside the static root');
    const workspace = path.join(root, 'workspace');
    await mkdir(workspace);
    await writeFile(path.join(workspace, 'm.json'), '{"type":"Manifest"}');
    const handlers = createHandlers({
      shell: 'web',
      version: '0.0.0-test',
      policy: await createWorkspacePolicy(workspace),
      dialogs: {},
      recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
      autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
    });
    host = await startWebHost({ handlers, staticRoot, port: 0 });
    hostHeader = `127.0.0.1:${host.port}`;
  });
  afterAll(() => host.close());

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    request(host, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { Host: hostHeader, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers a request that carries the token', async () => {
    const res = await api('appInfo', {}, { 'X-Tessera-Token': host.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Tessera', shell: 'web' } });
  });

  it('refuses an API request without the token, or with a wrong one', async () => {
    expect((await api('appInfo', {})).status).toBe(403);
    expect((await api('appInfo', {}, { 'X-Tessera-Token': `${host.token}x` })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await request(host, {
      method: 'POST',
      path: '/api/appInfo',
      headers: { Host: `evil.example:${host.port}`, 'X-Tessera-Token': host.token },
      body: '{}',
    });
    expect(res.status).toBe(421);
    const wrongPort = await request(host, {
      path: `/?token=${host.token}`,
      headers: { Host: '127.0.0.1:1' },
    });
    expect(wrongPort.status).toBe(421);
  });

  it('serves the page only with the token, then by an HTTP-only strict cookie', async () => {
    expect((await request(host, { path: '/', headers: { Host: hostHeader } })).status).toBe(401);
    const first = await request(host, { path: `/?token=${host.token}`, headers: { Host: hostHeader } });
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const again = await request(host, {
      path: '/',
      headers: { Host: hostHeader, Cookie: cookie.split(';')[0] ?? '' },
    });
    expect(again.status).toBe(200);
  });

  it('never puts the API token in its cookie, which every other loopback port receives too', async () => {
    const first = await request(host, { path: `/?token=${host.token}`, headers: { Host: hostHeader } });
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).not.toContain(host.token);
    // Named for this port, so a second host on the same machine does not overwrite it.
    expect(cookie.startsWith(`tessera_page_${host.port}=`)).toBe(true);
    const pageKey = cookie.slice(cookie.indexOf('=') + 1);
    // What another port receives opens no API, and the token as a cookie opens nothing.
    expect((await api('appInfo', {}, { 'X-Tessera-Token': pageKey })).status).toBe(403);
    const tokenAsCookie = `tessera_page_${host.port}=${host.token}`;
    expect(
      (await request(host, { path: '/', headers: { Host: hostHeader, Cookie: tokenAsCookie } })).status,
    ).toBe(401);
  });

  it('never serves files outside the static root', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const res = await request(host, { path: `${p}?token=${host.token}`, headers: { Host: hostHeader } });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('outside the static root');
    }
  });

  it('keeps file access inside the workspace', async () => {
    const inside = JSON.parse(
      (await api('openFile', { path: 'm.json' }, { 'X-Tessera-Token': host.token })).body,
    );
    expect(inside).toMatchObject({ ok: true, value: { name: 'm.json' } });
    const outside = JSON.parse(
      (await api('openFile', { path: path.join(root, 'secret.txt') }, { 'X-Tessera-Token': host.token }))
        .body,
    );
    expect(outside).toMatchObject({ ok: false, error: { code: 'refused' } });
    const escape = JSON.parse(
      (await api('openFile', { path: '../secret.txt' }, { 'X-Tessera-Token': host.token })).body,
    );
    expect(escape.ok).toBe(false);
  });

  it('answers malformed requests with a Result, not a crash', async () => {
    const res = JSON.parse((await api('openFile', { path: 42 }, { 'X-Tessera-Token': host.token })).body);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = JSON.parse((await api('rmRf', {}, { 'X-Tessera-Token': host.token })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses to bind a non-loopback address without the explicit flag', async () => {
    await expect(
      startWebHost({ handlers: {} as never, staticRoot: root, host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(/loopback/);
  });
});
