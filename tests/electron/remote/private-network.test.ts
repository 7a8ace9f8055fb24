/**
 * Private Network Access (issue 14 item 4): a document from a public address may not make Tessera request the
 * user's own computer or private network until the user allows that host. The "public" institution listens on the
 * loopback alias 127.0.0.2, which these tests classify as public; the "private" server on 127.0.0.1 counts every
 * request it receives, so "no request reached it" is observed, not assumed.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, LookupFunction } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../electron/services/remote/address-policy';
import { createRemoteService, type RemoteService } from '../../../electron/services/remote/remote-service';
import { fetchImage } from '../../../electron/services/sources/image-info';
import { openSource } from '../../../electron/services/sources/open-source';
import { handleSourcesGet } from '../../../electron/services/sources/routes';
import type { PathPolicy } from '../../../electron/services/files/path-policy';
import { remoteServicePath } from '../../../shared/iiif/image-api/remote-service-route';
import { refusedHostOf } from '../../../shared/ipc/private-network';

const PUBLIC_ALIAS = '127.0.0.2';
const cleanups: (() => Promise<void> | void)[] = [];
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pna-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

interface Server {
  readonly base: string;
  readonly hits: string[];
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

async function serve(host: string, answer: (url: string, base: string) => Answer): Promise<Server> {
  const hits: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const { status, headers = {}, body = '' } = answer(req.url ?? '', base);
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base, hits };
}

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The user's own image server, and what an attacker wants the app to reach: it answers info.json and an image. */
async function privateServer(): Promise<Server> {
  return serve('127.0.0.1', (url, base): Answer =>
    url.endsWith('/info.json')
      ? {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            '@context': 'http://iiif.io/api/image/3/context.json',
            id: `${base}/iiif/secret`,
            type: 'ImageService3',
            protocol: 'http://iiif.io/api/image',
            profile: 'level0',
            width: 100,
            height: 100,
          }),
        }
      : { status: 200, headers: { 'content-type': 'image/png' }, body: PNG_1x1.toString('latin1') },
  );
}

function manifestPointingAt(base: string, target: string) {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Hostile'] },
    items: [
      {
        id: `${base}/canvas/1`,
        type: 'Canvas',
        width: 100,
        height: 100,
        thumbnail: [{ id: `${target}/admin/thumb.png`, type: 'Image' }],
        items: [],
      },
    ],
  };
}

/** The institution on the internet: a manifest naming the private server, and a redirect to it. */
async function publicServer(target: string): Promise<Server> {
  return serve(PUBLIC_ALIAS, (url, base): Answer => {
    if (url === '/manifest.json')
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(manifestPointingAt(base, target)),
      };
    return { status: 302, headers: { location: `${target}/iiif/secret/info.json` }, body: '' };
  });
}

function service(options: { lookup?: LookupFunction } = {}): RemoteService {
  const remote = createRemoteService({
    cacheDir,
    classifyAddress: (address) => (address === PUBLIC_ALIAS ? 'public' : classifyAddress(address)),
    sleep: async () => undefined,
    ...options,
  });
  cleanups.push(() => remote.close());
  return remote;
}

const noFiles = {} as PathPolicy;

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('requests on behalf of a document from a public address', () => {
  it('refuses the private thumbnail and info.json until the user allows the host, then fetches them', async () => {
    const secret = await privateServer();
    const institution = await publicServer(secret.base);
    const remote = service();
    const source = await openSource({ remote, policy: noFiles }, `${institution.base}/manifest.json`);
    expect(source.origin).toBe('public');

    const canvas = (source.doc['items'] as { thumbnail: { id: string }[] }[])[0];
    const thumbnail = canvas?.thumbnail[0]?.id ?? '';
    const info = `${secret.base}/iiif/secret/info.json`;
    const refused = await fetchImage(remote, info, { initiator: source.origin }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'private-network' });
    expect(refusedHostOf(refused as { code: string; message: string })).toBe('127.0.0.1');
    const thumb = await handleSourcesGet(
      { remote, localImagesDir: cacheDir },
      new URL(`http://app.test/remote-image?url=${encodeURIComponent(thumbnail)}&initiator=public`),
      'http://app.test',
    );
    expect(thumb?.status).toBe(403);
    expect(String(thumb?.body)).toContain('127.0.0.1');
    expect(secret.hits).toEqual([]);

    remote.addresses.allow('127.0.0.1');
    const fetched = await fetchImage(remote, info, { initiator: source.origin });
    expect(fetched.kind).toBe('service');
    expect(secret.hits).toEqual(['/iiif/secret/info.json']);
  });

  it('checks every redirect hop: a public server forwarding a user-named address to a private one is refused', async () => {
    const secret = await privateServer();
    const institution = await publicServer(secret.base);
    const remote = service();
    const refused = await remote.fetchInfo(`${institution.base}/forward/info.json`).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'private-network' });
    expect(institution.hits).toEqual(['/forward/info.json']);
    expect(secret.hits).toEqual([]);
  });

  it('checks the address a name resolves to when connecting (DNS rebinding), not the name', async () => {
    const secret = await privateServer();
    const port = new URL(secret.base).port;
    // A name the internet would resolve publicly, answered with 127.0.0.1 at connection time.
    const rebinding: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    const remote = service({ lookup: rebinding });
    const refused = await remote
      .fetchInfo(`http://images.example.org:${port}/iiif/secret/info.json`, { initiator: 'public' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'private-network' });
    expect((refused as Error).message).toContain('images.example.org');
    expect(secret.hits).toEqual([]);
  });

  it('refuses a public document’s image service, and every tile under its routed base, on a private address', async () => {
    const secret = await privateServer();
    const remote = service();
    const base = remoteServicePath(`${secret.base}/iiif/secret`, 'public');
    for (const request of ['info.json', 'full/100,/0/default.jpg']) {
      const answer = await handleSourcesGet(
        { remote, localImagesDir: cacheDir },
        new URL(`http://app.test${base}/${request}`),
        'http://app.test',
      );
      expect(answer?.status, request).toBe(403);
      expect(String(answer?.body)).toContain('127.0.0.1');
    }
    expect(secret.hits).toEqual([]);
    // The same service named by a document of this computer is fetched.
    const local = await handleSourcesGet(
      { remote, localImagesDir: cacheDir },
      new URL(`http://app.test${remoteServicePath(`${secret.base}/iiif/secret`)}/info.json`),
      'http://app.test',
    );
    expect(local?.status).not.toBe(403);
    expect(secret.hits).toEqual(['/iiif/secret/info.json']);
  });

  it('lets documents opened from this computer (workspace files, loopback addresses) reach loopback servers', async () => {
    const secret = await privateServer();
    const remote = service();
    const local = await remote.fetchInfo(`${secret.base}/iiif/secret/info.json`, { initiator: 'local' });
    expect(local.origin).toBe('local');
    expect(secret.hits).toHaveLength(1);
  });

  it('lets public documents reach the image server the user named as their own', async () => {
    const secret = await privateServer();
    const remote = createRemoteService({ cacheDir, allowedHosts: ['127.0.0.1'] });
    cleanups.push(() => remote.close());
    await remote.fetchInfo(`${secret.base}/iiif/secret/info.json`, { initiator: 'public' });
    expect(secret.hits).toHaveLength(1);
  });
});
