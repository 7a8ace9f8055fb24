/**
 * The sources feature through the real web host: the GET routes sit behind the same Host and token checks as
 * everything else, and the channels answer over POST /api/<channel> like any other.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import { handleSourcesGet } from '../../../electron/services/sources/routes';
import { FAILURE_PATHS, quadrantImage } from '../../fixtures/institutions';
import { wavBytes } from '../../fixtures/media';
import { cleanups, institution, remoteService, tempDir } from './helpers';

const cleanup = cleanups();
const background: Promise<unknown>[] = [];
afterEach(async () => {
  await Promise.all(background.splice(0));
  await cleanup.run();
});

function get(
  host: WebHost,
  pathName: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  type: string;
  body: Buffer;
  cookie: string;
  headers: http.IncomingHttpHeaders;
}> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'GET', path: pathName, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
            cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '',
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function start() {
  const root = await tempDir(cleanup, 'tessera-host-');
  const staticRoot = path.join(root, 'static');
  await mkdir(staticRoot);
  await writeFile(path.join(staticRoot, 'index.html'), '<!doctype html><title>t</title>');
  const workspace = path.join(root, 'workspace');
  const policy = await createWorkspacePolicy(workspace);
  const sources = {
    remote: await remoteService(cleanup),
    localImagesDir: path.join(workspace, 'local-images'),
    background: (work: Promise<unknown>) => void background.push(work),
  };
  const handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy,
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'autosave')),
    sources,
  });
  const host = await startWebHost({
    handlers,
    staticRoot,
    port: 0,
    getRoute: (url, origin, range) => handleSourcesGet(sources, url, origin, { range }),
  });
  cleanup.add(() => host.close());
  const hostHeader = `127.0.0.1:${host.port}`;
  const api = async (channel: string, body: unknown) => {
    const response = await fetch(`${host.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tessera-token': host.token },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
  };
  // The page's cookie, as a browser gets it from the printed URL.
  const { cookie } = await get(host, `/?token=${host.token}`, { host: hostHeader });
  return { host, hostHeader, api, cookie, workspace };
}

describe('sources through the web host', () => {
  it('serves remote images only to the page (cookie) and only for its own Host', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const { host, hostHeader, cookie } = await start();
    const image = `/remote-image?url=${encodeURIComponent(`${inst.serviceUrl('quadrants')}/full/64,/0/default.jpg`)}`;
    expect((await get(host, image, { host: hostHeader })).status).toBe(401);
    expect((await get(host, image, { host: 'evil.example:80', cookie })).status).toBe(421);
    const ok = await get(host, image, { host: hostHeader, cookie });
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('image/jpeg');
    const page = await get(host, `/remote-image?url=${encodeURIComponent(inst.manifestUrl(3))}`, {
      host: hostHeader,
      cookie,
    });
    expect(page.status).toBe(415);
  });

  it('answers fetchImageInfo per address, failures included, and openSource', async () => {
    const good = await institution(cleanup, { level: 0, imageApi: 3 });
    const broken = await institution(cleanup, { failures: true, imageApi: 2 });
    const { api } = await start();
    const urls = [
      good.infoUrl('quadrants'),
      `${broken.baseUrl}${FAILURE_PATHS.notFound}`,
      good.serviceUrl('turned'),
    ];
    const answer = await api('fetchImageInfo', { urls });
    expect(answer.ok).toBe(true);
    const results = answer.value?.['results'] as { url: string; ok: boolean; code?: string }[];
    expect(results.map((r) => [r.url, r.ok])).toEqual([
      [urls[0], true],
      [urls[1], false],
      [urls[2], true],
    ]);
    expect(results[1]?.code).toBe('http');
    expect((await api('fetchImageInfo', { urls: [] })).ok).toBe(false);

    const source = await api('openSource', { location: good.manifestUrl(2) });
    expect(source.ok).toBe(true);
    expect(source.value).toMatchObject({ kind: 'Manifest', sourceVersion: 2 });
  });

  it('imports an uploaded image into the workspace and serves its tiles to the page', async () => {
    const { host, hostHeader, cookie, api } = await start();
    const bytes = await quadrantImage(320, 240, undefined, 'jpeg');
    const imported = await api('importLocalImage', {
      name: 'leaf.jpg',
      dataBase64: bytes.toString('base64'),
      origin: host.origin,
    });
    expect(imported.ok).toBe(true);
    const descriptor = imported.value?.['descriptor'] as { id: string; width: number };
    expect(descriptor).toMatchObject({ id: `${host.origin}/local-images/leaf`, width: 320 });
    const info = await get(host, '/local-images/leaf/info.json', { host: hostHeader, cookie });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body.toString())['id']).toBe(`http://${hostHeader}/local-images/leaf`);
    expect((await get(host, '/local-images/leaf/info.json', { host: hostHeader })).status).toBe(401);
  });

  it('serves a local recording in parts (HTTP Range), so a media element can seek in it', async () => {
    const { host, hostHeader, cookie, workspace } = await start();
    const folder = path.join(workspace, 'local-images', 'tone');
    await mkdir(folder, { recursive: true });
    const wav = wavBytes(1);
    await writeFile(path.join(folder, 'tone.wav'), wav);
    const url = '/local-images/tone/tone.wav';
    const page = { host: hostHeader, cookie };

    const whole = await get(host, url, page);
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(wav)).toBe(true);

    const part = await get(host, url, { ...page, range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.type).toBe('audio/wav');
    expect(part.headers['content-range']).toBe(`bytes 100-199/${wav.length}`);
    expect(part.headers['content-length']).toBe('100');
    expect(part.body.equals(wav.subarray(100, 200))).toBe(true);

    const tail = await get(host, url, { ...page, range: 'bytes=-44' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(wav.subarray(wav.length - 44))).toBe(true);

    const past = await get(host, url, { ...page, range: `bytes=${wav.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${wav.length}`);
    // Ranges are read behind the same token check as the whole file.
    expect((await get(host, url, { host: hostHeader, range: 'bytes=0-9' })).status).toBe(401);
  });
});
