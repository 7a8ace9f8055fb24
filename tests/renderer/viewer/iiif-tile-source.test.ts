/**
 * Tile sources built from descriptors. The level 0 check is done against a real static tree written by sharp
 * (the generator small institutions use, and our own fixture servers): every URL the tile source can ask for,
 * at every level it exposes, must be a file that exists.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInfoJson, type ImageServiceDescriptor } from '../../../shared/iiif/image-api';
import {
  tileSourceFor,
  type PyramidSourceOptions,
  type TiledSourceOptions,
} from '../../../renderer/src/features/viewer/iiif-tile-source';
import { buildStaticTree } from '../../fixtures/institutions/static-tree';
import { quadrantImage } from '../../fixtures/institutions/test-images';

const BASE = 'https://static.example.org/iiif/q';
const identity = (url: string) => url;
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function staticTree(version: 2 | 3, tileSize = 256) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tessera-tiles-'));
  roots.push(root);
  const tree = await buildStaticTree({
    source: await quadrantImage(1200, 900),
    root,
    id: 'q',
    version,
    tileSize,
    sizeWidths: [150, 300, 600],
  });
  const info = { ...tree.info, [version === 3 ? 'id' : '@id']: BASE };
  const parsed = parseInfoJson(info);
  if (!parsed.ok) throw new Error(parsed.reasons.join(' '));
  return { dir: tree.dir, desc: parsed.value };
}

function everyTileUrl(source: TiledSourceOptions): string[] {
  const urls: string[] = [];
  for (let level = source.minLevel; level <= source.maxLevel; level++) {
    const scale = 2 ** (level - source.maxLevel);
    const columns = Math.ceil((source.width * scale) / source.tileWidth);
    const rows = Math.ceil((source.height * scale) / source.tileHeight);
    for (let x = 0; x < columns; x++)
      for (let y = 0; y < rows; y++) urls.push(source.getTileUrl(level, x, y));
  }
  return urls;
}

describe('level 0 tile sources ask only for files a static server has', () => {
  it.each([2, 3] as const)(
    'Image API %i: every tile of every level exists in the sharp tree',
    async (version) => {
      const { dir, desc } = await staticTree(version);
      const source = tileSourceFor(desc, identity) as TiledSourceOptions;
      expect(source.tileWidth).toBe(256);
      const urls = everyTileUrl(source);
      expect(urls.length).toBeGreaterThan(10);
      const missing = urls.filter((url) => !existsSync(path.join(dir, url.slice(BASE.length + 1))));
      expect(missing).toEqual([]);
    },
  );

  it('names tiles the canonical way: `full` for a one-tile level, `w,h` sizes in v3, `w,` in v2', async () => {
    const v3 = tileSourceFor((await staticTree(3)).desc, identity) as TiledSourceOptions;
    expect(v3.getTileUrl(v3.maxLevel, 4, 3)).toBe(`${BASE}/1024,768,176,132/176,132/0/default.jpg`);
    expect(v3.getTileUrl(v3.minLevel, 0, 0)).toBe(`${BASE}/full/150,113/0/default.jpg`);
    const v2 = tileSourceFor((await staticTree(2)).desc, identity) as TiledSourceOptions;
    expect(v2.getTileUrl(v2.maxLevel - 2, 0, 0)).toBe(`${BASE}/0,0,1024,900/256,/0/default.jpg`);
    expect(v2.getTileUrl(v2.minLevel, 0, 0)).toBe(`${BASE}/full/150,/0/default.jpg`);
  });

  it('passes every URL through the given mapper (imageSrc, the disk-cache seam)', async () => {
    const { desc } = await staticTree(3);
    const source = tileSourceFor(
      desc,
      (url) => `/remote-image?url=${encodeURIComponent(url)}`,
    ) as TiledSourceOptions;
    expect(source.getTileUrl(source.maxLevel, 0, 0)).toBe(
      `/remote-image?url=${encodeURIComponent(`${BASE}/0,0,256,256/256,256/0/default.jpg`)}`,
    );
  });
});

function descriptor(overrides: Partial<ImageServiceDescriptor>): ImageServiceDescriptor {
  return {
    version: 3,
    id: BASE,
    level: 0,
    width: 1200,
    height: 900,
    sizes: [],
    tiles: [],
    formats: ['jpg'],
    qualities: ['default'],
    features: [],
    warnings: [],
    ...overrides,
  };
}

describe('services without a usable tile grid', () => {
  it('level 0 with declared sizes only: a pyramid of exactly those sizes', () => {
    const source = tileSourceFor(
      descriptor({
        sizes: [
          { width: 150, height: 113 },
          { width: 600, height: 450 },
        ],
      }),
      identity,
    ) as PyramidSourceOptions;
    expect(source.type).toBe('legacy-image-pyramid');
    expect(source.levels.map((l) => l.url)).toEqual([
      `${BASE}/full/150,113/0/default.jpg`,
      `${BASE}/full/600,450/0/default.jpg`,
    ]);
  });

  it('level 0 declaring nothing: the one full image every level 0 service serves', () => {
    const source = tileSourceFor(descriptor({}), identity) as PyramidSourceOptions;
    expect(source.levels).toEqual([{ url: `${BASE}/full/max/0/default.jpg`, width: 1200, height: 900 }]);
  });

  it('level 0 with gaps in its scale factors: only the levels it has', () => {
    const source = tileSourceFor(
      descriptor({ tiles: [{ width: 256, height: 256, scaleFactors: [1, 2, 8] }] }),
      identity,
    ) as TiledSourceOptions;
    expect(source.maxLevel - source.minLevel).toBe(1);
  });

  it('level 2 without tiles: 512-pixel tiles down to one tile for the whole image', () => {
    const source = tileSourceFor(descriptor({ level: 2 }), identity) as TiledSourceOptions;
    expect(source.tileWidth).toBe(512);
    expect(source.getTileUrl(source.minLevel, 0, 0)).toBe(`${BASE}/full/300,225/0/default.jpg`);
    expect(source.getTileUrl(source.maxLevel, 2, 1)).toBe(`${BASE}/1024,512,176,388/176,388/0/default.jpg`);
  });
});
