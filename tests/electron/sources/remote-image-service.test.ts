/**
 * The image-service form of /remote-image, which Mirador and Clover use in the preview: a whole service under the
 * page's origin, answered by the institution through the same route, with info.json naming the routed base.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRemoteImageService } from '../../../electron/services/sources/remote-image-service';
import {
  parseRemoteServicePath,
  remoteServicePath,
} from '../../../shared/iiif/image-api/remote-service-route';
import { cleanups, institution, remoteService } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());
const ORIGIN = 'http://127.0.0.1:5199';

describe('remote image service paths', () => {
  it('carry any http(s) service base in one path segment and read it back', () => {
    const id = 'https://images.example.org/iiif/2/ms%2012:f.1r/';
    const base = remoteServicePath(id);
    expect(base.split('/')).toHaveLength(4);
    expect(parseRemoteServicePath(`${base}/info.json`)).toEqual({
      serviceId: 'https://images.example.org/iiif/2/ms%2012:f.1r',
      request: 'info.json',
      initiator: 'local',
    });
    const named = remoteServicePath(id, 'public');
    expect(named.split('/')).toHaveLength(5);
    expect(parseRemoteServicePath(`${named}/full/max/0/default.jpg`)).toEqual({
      serviceId: 'https://images.example.org/iiif/2/ms%2012:f.1r',
      request: 'full/max/0/default.jpg',
      initiator: 'public',
    });
    expect(parseRemoteServicePath(`${base}/0,0,512,512/!256,256/0/default.jpg`)?.request).toBe(
      '0,0,512,512/!256,256/0/default.jpg',
    );
    expect(parseRemoteServicePath(`${base}/pct:0,0,50,50/^max/!90/gray.png`)?.request).toBe(
      'pct:0,0,50,50/^max/!90/gray.png',
    );
  });

  it('refuse anything that is not an Image API request of an http(s) service', () => {
    const base = remoteServicePath('https://images.example.org/iiif/a');
    for (const path of [
      `${base}/../../admin/full/max/0/default.jpg`,
      `${base}/full/max/0/..`,
      `${base}/manifest.json`,
      `${base}/full/max/0/default.jpg/extra`,
      `${base}`,
      `${remoteServicePath('file:///etc/passwd')}/info.json`,
      `${remoteServicePath('javascript:alert(1)')}/info.json`,
      '/remote-image/service/not-base64!/info.json',
      '/remote-image/service/public/info.json',
      '/remote-image/service/public/public/info.json',
      '/remote-image/elsewhere/info.json',
    ])
      expect(parseRemoteServicePath(path), path).toBeNull();
  });
});

describe('serveRemoteImageService', () => {
  it('answers info.json with the routed base as its id, and tiles derived from it as images', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const base = remoteServicePath(inst.serviceUrl('quadrants'));
    const info = await serveRemoteImageService(remote, `${base}/info.json`, ORIGIN);
    expect(info.status).toBe(200);
    const json = JSON.parse(String(info.body)) as Record<string, unknown>;
    expect(json['id']).toBe(`${ORIGIN}${base}`);
    expect(json).toMatchObject({ width: 400, height: 300 });

    const tile = await serveRemoteImageService(remote, `${base}/0,0,200,150/100,/0/default.png`, ORIGIN);
    expect(tile.status).toBe(200);
    expect(tile.headers['Content-Type']).toBe('image/png');
    expect((await sharp(tile.body as Buffer).metadata()).width).toBe(100);
    expect(inst.requestLog.map((entry) => entry.path)).toContain(
      '/iiif/quadrants/0,0,200,150/100,/0/default.png',
    );
  });

  it('answers from the cache once the institution is gone, so the viewers work offline', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const base = remoteServicePath(inst.serviceUrl('quadrants'));
    const tile = `${base}/full/100,/0/default.jpg`;
    expect((await serveRemoteImageService(remote, `${base}/info.json`, ORIGIN)).status).toBe(200);
    expect((await serveRemoteImageService(remote, tile, ORIGIN)).status).toBe(200);
    await inst.close();
    const info = await serveRemoteImageService(remote, `${base}/info.json`, ORIGIN);
    expect(info.status).toBe(200);
    expect(info.headers['X-Tessera-Cache']).toBe('stale');
    expect((JSON.parse(String(info.body)) as Record<string, unknown>)['id']).toBe(`${ORIGIN}${base}`);
    const offline = await serveRemoteImageService(remote, tile, ORIGIN);
    expect(offline.status).toBe(200);
    expect(offline.headers['X-Tessera-Cache']).toBe('stale');
  });

  it('keeps a version 2 service’s @id form', async () => {
    const inst = await institution(cleanup, { level: 0, imageApi: 2 });
    const base = remoteServicePath(inst.serviceUrl('quadrants'));
    const info = await serveRemoteImageService(await remoteService(cleanup), `${base}/info.json`, ORIGIN);
    const json = JSON.parse(String(info.body)) as Record<string, unknown>;
    expect(json['@id']).toBe(`${ORIGIN}${base}`);
    expect(json['id']).toBeUndefined();
  });

  it('refuses paths that are not service requests without asking anyone', async () => {
    const answer = await serveRemoteImageService(
      await remoteService(cleanup),
      '/remote-image/service/x/../secret',
      ORIGIN,
    );
    expect(answer.status).toBe(404);
  });
});
