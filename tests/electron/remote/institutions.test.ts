/**
 * The loopback institutions behave like the real servers they stand for, so later end-to-end tests can trust
 * them: CORS or not, level 0 serving only what exists, level 2 rendering any region with the right colours,
 * conditional requests, manifests with credits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  BLUE,
  FAILURE_PATHS,
  GREEN,
  QUADRANTS,
  RED,
  YELLOW,
  quadrantsOf,
  sameColour,
  startInstitutions,
  type InstitutionSet,
  type Rgb,
} from '../../fixtures/institutions';

let set: InstitutionSet;
beforeAll(async () => {
  set = await startInstitutions({ slowLatencyMs: 20 });
});
afterAll(async () => {
  await set?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

function expectColour(actual: Rgb, expected: Rgb) {
  expect(sameColour(actual, expected), `${actual.join(',')} should be close to ${expected.join(',')}`).toBe(
    true,
  );
}

describe('standard set', () => {
  it('puts each institution on its own loopback port', () => {
    const origins = set.all.map((inst) => inst.baseUrl);
    expect(new Set(origins).size).toBe(7);
    for (const origin of origins) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sends CORS headers everywhere except at the closed collection', async () => {
    for (const inst of set.all) {
      const { response } = await get(inst.images[0]?.infoUrl ?? '', { origin: 'http://app.test' });
      expect(response.headers.get('access-control-allow-origin')).toBe(inst === set.noCors ? null : '*');
    }
    const preflight = await fetch(set.dynamic3.images[0]?.infoUrl ?? '', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET/);
  });

  it('answers conditional requests with 304', async () => {
    const url = set.static3.images[0]?.infoUrl ?? '';
    const first = await get(url);
    const etag = first.response.headers.get('etag') ?? '';
    const lastModified = first.response.headers.get('last-modified') ?? '';
    expect((await get(url, { 'if-none-match': etag })).response.status).toBe(304);
    expect((await get(url, { 'if-modified-since': lastModified })).response.status).toBe(304);
    expect((await get(url, { 'if-none-match': '"other"' })).response.status).toBe(200);
  });
});

describe('level 0 static institution', () => {
  it('declares sizes and serves exactly those, plus the tile pyramid, and nothing else', async () => {
    for (const inst of [set.static3, set.static2]) {
      const image = inst.images[0];
      if (!image) throw new Error('no image');
      const info = JSON.parse((await get(image.infoUrl)).body.toString()) as {
        sizes: { width: number; height: number }[];
        tiles: { width: number; scaleFactors: number[] }[];
        id?: string;
        '@id'?: string;
        profile: unknown;
      };
      expect(info.id ?? info['@id']).toBe(image.serviceUrl);
      expect(JSON.stringify(info.profile)).toMatch(/level0/);
      expect(info.sizes.map((s) => s.width)).toEqual([150, 300, 600]);
      for (const size of info.sizes) {
        const param = inst.imageApi === 3 ? `${size.width},${size.height}` : `${size.width},`;
        const { response, body } = await get(`${image.serviceUrl}/full/${param}/0/default.jpg`);
        expect(response.status).toBe(200);
        expect(await sharp(body).metadata()).toMatchObject({ width: size.width, height: size.height });
      }
      const tile = info.tiles[0];
      if (!tile) throw new Error('no tiles');
      for (const factor of tile.scaleFactors) {
        const span = tile.width * factor;
        for (let y = 0; y < image.height; y += span) {
          for (let x = 0; x < image.width; x += span) {
            const w = Math.min(span, image.width - x);
            const h = Math.min(span, image.height - y);
            const region = w === image.width && h === image.height ? 'full' : `${x},${y},${w},${h}`;
            const tw = Math.ceil(w / factor);
            const size = inst.imageApi === 3 ? `${tw},${Math.ceil(h / factor)}` : `${tw},`;
            expect(
              (await get(`${image.serviceUrl}/${region}/${size}/0/default.jpg`)).response.status,
              `${region}/${size}`,
            ).toBe(200);
          }
        }
      }
      for (const missing of [
        'full/max/0/default.jpg',
        'full/full/0/default.jpg',
        'full/200,/0/default.jpg',
        '0,0,100,100/100,/0/default.jpg',
      ]) {
        expect((await get(`${image.serviceUrl}/${missing}`)).response.status, missing).toBe(404);
      }
    }
  });

  it('draws the quadrants in the declared sizes', async () => {
    const image = set.static3.images[0];
    const { body } = await get(`${image?.serviceUrl}/full/600,450/0/default.jpg`);
    const colours = await quadrantsOf(body);
    expectColour(colours.topLeft, RED);
    expectColour(colours.topRight, GREEN);
    expectColour(colours.bottomLeft, BLUE);
    expectColour(colours.bottomRight, YELLOW);
  });
});

describe('level 2 dynamic institution', () => {
  it('renders regions, sizes, rotations and qualities from the source image', async () => {
    const image = set.dynamic2.images[0];
    if (!image) throw new Error('no image');
    const base = image.serviceUrl;
    const bottomRight = await get(
      `${base}/${image.width / 2},${image.height / 2},${image.width / 2},${image.height / 2}/100,/0/default.png`,
    );
    expect(await sharp(bottomRight.body).metadata()).toMatchObject({ width: 100, format: 'png' });
    expectColour((await quadrantsOf(bottomRight.body)).topLeft, QUADRANTS.bottomRight);
    const turned = await quadrantsOf((await get(`${base}/full/!200,200/90/default.jpg`)).body);
    expectColour(turned.topLeft, BLUE); // a quarter turn clockwise brings bottom-left to top-left
    expectColour(turned.topRight, RED);
    const grey = await quadrantsOf((await get(`${base}/full/120,/0/gray.jpg`)).body);
    expect(Math.abs(grey.topLeft[0] - grey.topLeft[1])).toBeLessThan(10);
    expect((await get(`${base}/full/120,/0/sepia.jpg`)).response.status).toBe(400);
    expect((await get(`${base}/99999,0,10,10/10,/0/default.jpg`)).response.status).toBe(400);
  });

  it('follows Image API 3 size rules: no upscaling without ^', async () => {
    const image = set.dynamic3.images[0];
    if (!image) throw new Error('no image');
    expect((await get(`${image.serviceUrl}/full/${image.width * 2},/0/default.jpg`)).response.status).toBe(
      400,
    );
    const up = await get(`${image.serviceUrl}/full/^${image.width * 2},/0/default.jpg`);
    expect(await sharp(up.body).metadata()).toMatchObject({ width: image.width * 2 });
  });

  it('redirects a service base URI to its info.json', async () => {
    const { response } = await get(set.dynamic3.serviceUrl('quadrants'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(set.dynamic3.infoUrl('quadrants'));
  });
});

describe('manifests with credits', () => {
  it('serve P3 and P2 manifests whose images can all be fetched', async () => {
    for (const inst of set.all) {
      const p3 = JSON.parse((await get(inst.manifestUrl(3))).body.toString()) as {
        requiredStatement: { value: { en: string[] } };
        rights: string;
        provider: { label: { en: string[] } }[];
        items: { items: { items: { body: { id: string } }[] }[]; thumbnail: { id: string }[] }[];
      };
      expect(p3.requiredStatement.value.en[0]).toBe(`Provided by ${inst.name}`);
      expect(p3.rights).toMatch(/creativecommons\.org/);
      expect(p3.provider[0]?.label.en[0]).toBe(inst.name);
      expect(p3.items.length).toBe(inst.images.length);
      for (const canvas of p3.items) {
        const urls = [canvas.items[0]?.items[0]?.body.id, canvas.thumbnail[0]?.id];
        for (const url of urls) expect((await get(url ?? '')).response.status, url).toBe(200);
      }
      const p2 = JSON.parse((await get(inst.manifestUrl(2))).body.toString()) as Record<string, unknown>;
      expect(p2).toMatchObject({
        '@type': 'sc:Manifest',
        attribution: `Provided by ${inst.name}`,
        license: p3.rights,
      });
    }
  });
});

describe('failing institution', () => {
  it('answers the documented failure paths', async () => {
    const at = (p: string) => `${set.failing.baseUrl}${p}`;
    expect((await get(at(FAILURE_PATHS.html))).response.headers.get('content-type')).toMatch(/text\/html/);
    expect((await get(at(FAILURE_PATHS.notFound))).response.status).toBe(404);
    expect((await get(at(FAILURE_PATHS.serverError))).response.status).toBe(500);
    const malformed = (await get(at(FAILURE_PATHS.malformed))).body.toString();
    expect(() => JSON.parse(malformed)).toThrow();
    const wrong = JSON.parse((await get(at(FAILURE_PATHS.wrongDimensions))).body.toString()) as {
      width: number;
    };
    expect(wrong.width).toBe(2 * (set.failing.images[0]?.width ?? 0));
    const busy = (await get(at(FAILURE_PATHS.busy))).response;
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '1']);
    expect((await get(at('/fail/no-such-thing'))).response.status).toBe(404);
    expect((await get(`${set.dynamic2.baseUrl}${FAILURE_PATHS.html}`)).response.status).toBe(404); // only when enabled
  });

  it('logs requests with their order, concurrency and validators', async () => {
    const inst = set.slow;
    inst.clearLog();
    const url = inst.images[0]?.infoUrl ?? '';
    await Promise.all([get(url), get(url), get(url, { 'if-none-match': '"abc"' })]);
    expect(inst.requestLog.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(inst.requestLog.every((entry) => entry.status === 200)).toBe(true);
    expect(inst.requestLog.some((entry) => entry.ifNoneMatch === '"abc"')).toBe(true);
  });
});
