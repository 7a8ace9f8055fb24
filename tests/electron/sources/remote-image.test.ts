/**
 * The /remote-image route's logic against real loopback institutions: images through the disk cache, offline
 * fallback, info.json for the viewer, and everything that would make it an open proxy refused.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { serveRemoteImage } from '../../../electron/services/sources/remote-image';
import { FAILURE_PATHS } from '../../fixtures/institutions';
import { cleanups, institution, plainServer, remoteService } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

describe('serveRemoteImage', () => {
  it('serves an institution’s image, typed by its bytes, sandboxed, then from the cache with revalidation', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const url = `${inst.serviceUrl('quadrants')}/full/100,/0/default.png`;
    const first = await serveRemoteImage(remote, url);
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toBe('image/png');
    expect(first.headers['Content-Security-Policy']).toContain('sandbox');
    expect(first.headers['X-Tessera-Cache']).toBe('miss');
    const meta = await sharp(first.body as Buffer).metadata();
    expect(meta.width).toBe(100);

    inst.clearLog();
    const second = await serveRemoteImage(remote, url);
    expect(second.headers['X-Tessera-Cache']).toBe('hit');
    expect(inst.requestLog[0]?.ifNoneMatch).toBeDefined();
    expect(inst.requestLog[0]?.status).toBe(304);
  });

  it('serves the cached copy when the institution is gone, marked stale and not to be kept', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 2 });
    const remote = await remoteService(cleanup);
    const url = `${inst.serviceUrl('turned')}/full/50,/0/default.jpg`;
    expect((await serveRemoteImage(remote, url)).status).toBe(200);
    await inst.close();
    const offline = await serveRemoteImage(remote, url);
    expect(offline.status).toBe(200);
    expect(offline.headers['Content-Type']).toBe('image/jpeg');
    expect(offline.headers['X-Tessera-Cache']).toBe('stale');
    expect(offline.headers['Cache-Control']).toBe('no-cache');
    const never = await serveRemoteImage(remote, `${inst.serviceUrl('turned')}/full/60,/0/default.jpg`);
    expect(never.status).toBe(502);
  });

  it('serves image information for the viewer, and nothing else that is JSON', async () => {
    const inst = await institution(cleanup, { level: 0, imageApi: 3 });
    const remote = await remoteService(cleanup);
    const info = await serveRemoteImage(remote, inst.infoUrl('quadrants'));
    expect(info.status).toBe(200);
    expect(info.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(info.body))).toMatchObject({ width: 400, height: 300 });
    const manifest = await serveRemoteImage(remote, inst.manifestUrl(3));
    expect(manifest.status).toBe(415);
  });

  it('passes on only the info.json fields a viewer needs', async () => {
    const info = {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://images.example.org/iiif/a',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level1',
      width: 2000,
      height: 1000,
      tiles: [{ width: 512, scaleFactors: [1, 2, 4], note: 'not for viewers' }],
      sizes: [{ width: 200, height: 100, label: 'small' }],
      extraFormats: ['webp'],
      service: [{ id: 'https://auth.example.org/login', type: 'AuthCookieService1' }],
      'ex:payload': { javascript: 'alert(1)' },
      rights: 'http://creativecommons.org/licenses/by/4.0/',
    };
    const server = await plainServer(cleanup, {
      '/iiif/a/info.json': { type: 'application/json', body: JSON.stringify(info) },
    });
    const served = await serveRemoteImage(await remoteService(cleanup), server.url('/iiif/a/info.json'));
    expect(served.status).toBe(200);
    expect(JSON.parse(String(served.body))).toEqual({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://images.example.org/iiif/a',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level1',
      width: 2000,
      height: 1000,
      tiles: [{ width: 512, scaleFactors: [1, 2, 4] }],
      sizes: [{ width: 200, height: 100 }],
      extraFormats: ['webp'],
    });
  });

  it('refuses what is not an http(s) image: other schemes, pages, scripts, SVG, oversized bodies', async () => {
    const remote = await remoteService(cleanup, { maxImageBytes: 64 * 1024 });
    const failing = await institution(cleanup, { failures: true, imageApi: 2 });
    const site = await plainServer(cleanup, {
      '/page.html': { type: 'text/html', body: '<!doctype html><p>hello</p>' },
      '/fake.jpg': { type: 'image/jpeg', body: '<script>alert(1)</script>' },
      '/drawing.svg': {
        type: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      },
      '/big.png': {
        type: 'image/png',
        body: await sharp({ create: { width: 600, height: 600, channels: 3, background: '#123456' } })
          .png({ compressionLevel: 0 })
          .toBuffer(),
      },
    });
    expect((await serveRemoteImage(remote, null)).status).toBe(400);
    expect((await serveRemoteImage(remote, 'file:///etc/passwd')).status).toBe(400);
    expect((await serveRemoteImage(remote, 'javascript:alert(1)')).status).toBe(400);
    expect((await serveRemoteImage(remote, 'not a url')).status).toBe(400);
    expect((await serveRemoteImage(remote, site.url('/page.html'))).status).toBe(415);
    expect((await serveRemoteImage(remote, site.url('/fake.jpg'))).status).toBe(415);
    expect((await serveRemoteImage(remote, site.url('/drawing.svg'))).status).toBe(415);
    expect((await serveRemoteImage(remote, site.url('/big.png'))).status).toBe(413);
    expect((await serveRemoteImage(remote, `${failing.baseUrl}${FAILURE_PATHS.redirectToFile}`)).status).toBe(
      400,
    );
    expect((await serveRemoteImage(remote, `${failing.baseUrl}${FAILURE_PATHS.notFound}`)).status).toBe(404);
  });
});
