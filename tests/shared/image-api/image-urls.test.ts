import { describe, expect, it } from 'vitest';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import {
  availableFullSizes,
  constrainedSize,
  largestImage,
  regionUrl,
  thumbnailFor,
  thumbnailUrl,
} from '../../../shared/iiif/image-api/image-urls';
import { imageServiceEntry, paintingBodyFor } from '../../../shared/iiif/image-api/service-entry';

const base = (over: Partial<ImageServiceDescriptor>): ImageServiceDescriptor => ({
  version: 3,
  id: 'https://img.example.org/iiif/abc',
  level: 2,
  width: 4000,
  height: 3000,
  sizes: [],
  tiles: [],
  formats: ['jpg'],
  qualities: ['default'],
  features: [],
  warnings: [],
  ...over,
});

describe('thumbnails at level 0: only what the service declared', () => {
  const level0 = base({
    level: 0,
    width: 775,
    height: 1024,
    sizes: [
      { width: 300, height: 396 },
      { width: 150, height: 198 },
    ],
    tiles: [{ width: 256, height: 256, scaleFactors: [1, 2, 4, 8] }],
  });

  it('adds the full image of each single-tile level to the declared sizes', () => {
    // 775/8 → 97 × 128 fits one 256 tile; 775/4 → 194 × 256 fits too; 775/2 → 388 wide does not.
    expect(availableFullSizes(level0)).toEqual([
      { width: 97, height: 128 },
      { width: 150, height: 198 },
      { width: 194, height: 256 },
      { width: 300, height: 396 },
    ]);
  });

  it('picks the smallest available size at least as wide as asked, in the version’s size syntax', () => {
    expect(thumbnailFor(level0, 160)).toEqual({
      url: 'https://img.example.org/iiif/abc/full/194,256/0/default.jpg',
      width: 194,
      height: 256,
    });
    expect(thumbnailUrl({ ...level0, version: 2 }, 120)).toBe(
      'https://img.example.org/iiif/abc/full/150,/0/default.jpg',
    );
    expect(thumbnailUrl({ ...level0, version: 1 }, 120)).toBe(
      'https://img.example.org/iiif/abc/full/150,/0/native.jpg',
    );
  });

  it('falls back to the largest available size when none is wide enough, never to max or a made-up width', () => {
    const url = thumbnailUrl(level0, 2000);
    expect(url).toBe('https://img.example.org/iiif/abc/full/300,396/0/default.jpg');
    for (const target of [1, 50, 100, 200, 250, 299, 301, 5000]) {
      const chosen = thumbnailFor(level0, target);
      expect(chosen).not.toBeNull();
      expect(chosen?.url).not.toMatch(/\/full\/(max|full)\//);
      expect(availableFullSizes(level0)).toContainEqual({ width: chosen?.width, height: chosen?.height });
    }
  });

  it('returns null when a level-0 service declares nothing usable', () => {
    expect(
      thumbnailFor(base({ level: 0, tiles: [{ width: 512, height: 512, scaleFactors: [1, 2] }] }), 200),
    ).toBeNull();
    expect(thumbnailFor(base({ level: 0 }), 200)).toBeNull();
  });
});

describe('thumbnails at level 1 and 2', () => {
  it('asks for the width, with the version’s quality keyword', () => {
    expect(thumbnailFor(base({}), 200)).toEqual({
      url: 'https://img.example.org/iiif/abc/full/200,/0/default.jpg',
      width: 200,
      height: 150,
    });
    expect(thumbnailUrl(base({ version: 2, level: 1 }), 200)).toBe(
      'https://img.example.org/iiif/abc/full/200,/0/default.jpg',
    );
    expect(thumbnailUrl(base({ version: 1, level: 1 }), 200)).toBe(
      'https://img.example.org/iiif/abc/full/200,/0/native.jpg',
    );
  });

  it('never upscales and respects maxWidth, maxHeight (defaulting to maxWidth) and maxArea', () => {
    expect(constrainedSize(base({ width: 100, height: 50 }), 400)).toEqual({ width: 100, height: 50 });
    expect(constrainedSize(base({ maxWidth: 1000 }), 3000)).toEqual({ width: 1000, height: 750 });
    // Portrait 3000×4000 with maxWidth 1000 only: maxHeight is inferred as 1000, so width is 750.
    expect(constrainedSize(base({ width: 3000, height: 4000, maxWidth: 1000 }), 3000)).toEqual({
      width: 750,
      height: 1000,
    });
    expect(constrainedSize(base({ maxHeight: 600 }), 4000)).toEqual({ width: 800, height: 600 });
    const byArea = constrainedSize(base({ maxArea: 1_000_000 }), 4000);
    expect(byArea.width * byArea.height).toBeLessThanOrEqual(1_000_000);
    expect((byArea.width + 1) * Math.round(((byArea.width + 1) * 3) / 4)).toBeGreaterThan(1_000_000);
  });

  it('uses a format the service declares when it has no jpg', () => {
    expect(thumbnailUrl(base({ formats: ['png'] }), 100)).toMatch(/default\.png$/);
  });
});

describe('largestImage and regionUrl', () => {
  it('level 2: full size within limits; level 0: the largest declared size, or max/full when none', () => {
    expect(largestImage(base({ maxWidth: 2000 })).url).toBe(
      'https://img.example.org/iiif/abc/full/2000,/0/default.jpg',
    );
    expect(largestImage(base({ level: 0, sizes: [{ width: 400, height: 300 }] }))).toMatchObject({
      width: 400,
      height: 300,
    });
    expect(largestImage(base({ level: 0 })).url).toBe(
      'https://img.example.org/iiif/abc/full/max/0/default.jpg',
    );
    expect(largestImage(base({ level: 0, version: 2 })).url).toBe(
      'https://img.example.org/iiif/abc/full/full/0/default.jpg',
    );
  });

  it('builds region requests, clipped to the image', () => {
    const d = base({});
    expect(regionUrl(d, { x: 10, y: 20, width: 300, height: 200 }, { width: 150 })).toBe(
      'https://img.example.org/iiif/abc/10,20,300,200/150,/0/default.jpg',
    );
    expect(regionUrl(d, { x: 3900, y: -5, width: 500, height: 100 }, { width: 50, height: 50 })).toBe(
      'https://img.example.org/iiif/abc/3900,0,100,100/50,50/0/default.jpg',
    );
    expect(regionUrl(d, 'square', 'max')).toBe('https://img.example.org/iiif/abc/square/max/0/default.jpg');
    expect(regionUrl(base({ version: 2 }), 'full', 'max')).toBe(
      'https://img.example.org/iiif/abc/full/full/0/default.jpg',
    );
  });
});

describe('Presentation 3 entries', () => {
  it('types the service for its own version', () => {
    expect(imageServiceEntry(base({ level: 1 }))).toEqual({
      id: 'https://img.example.org/iiif/abc',
      type: 'ImageService3',
      profile: 'level1',
    });
    expect(imageServiceEntry(base({ version: 2, level: 2 }))).toEqual({
      '@id': 'https://img.example.org/iiif/abc',
      '@type': 'ImageService2',
      profile: 'http://iiif.io/api/image/2/level2.json',
    });
    expect(imageServiceEntry(base({ version: 1, level: 0 }))).toEqual({
      '@id': 'https://img.example.org/iiif/abc',
      '@type': 'ImageService1',
      profile: 'http://library.stanford.edu/iiif/image-api/1.1/compliance.html#level0',
    });
  });

  it('makes a painting body whose id the service is sure to serve', () => {
    expect(paintingBodyFor(base({}))).toEqual({
      id: 'https://img.example.org/iiif/abc/full/4000,/0/default.jpg',
      type: 'Image',
      format: 'image/jpeg',
      width: 4000,
      height: 3000,
      service: [{ id: 'https://img.example.org/iiif/abc', type: 'ImageService3', profile: 'level2' }],
    });
    const level0 = paintingBodyFor(base({ level: 0, sizes: [{ width: 1000, height: 750 }] }));
    expect(level0).toMatchObject({
      id: 'https://img.example.org/iiif/abc/full/1000,750/0/default.jpg',
      width: 1000,
      height: 750,
    });
  });
});

describe('regions turned and sized within limits', () => {
  it('regionUrl writes the rotation, mirrored with !, and 0 when none is given', () => {
    const d = base({});
    const region = { x: 10, y: 20, width: 300, height: 200 };
    expect(regionUrl(d, region, { width: 150 }, { degrees: 90, mirror: false })).toBe(
      'https://img.example.org/iiif/abc/10,20,300,200/150,/90/default.jpg',
    );
    expect(regionUrl(d, region, { width: 150 }, { degrees: 90, mirror: true })).toBe(
      'https://img.example.org/iiif/abc/10,20,300,200/150,/!90/default.jpg',
    );
    expect(regionUrl(d, region, { width: 150 })).toBe(
      'https://img.example.org/iiif/abc/10,20,300,200/150,/0/default.jpg',
    );
  });

  it('constrainedSize measures a region: its aspect, no wider than it, within maxHeight', () => {
    const region = { width: 300, height: 600 };
    expect(constrainedSize(base({}), 100, region)).toEqual({ width: 100, height: 200 });
    expect(constrainedSize(base({}), 1000, region)).toEqual({ width: 300, height: 600 });
    expect(constrainedSize(base({ maxWidth: 400, maxHeight: 300 }), 200, region)).toEqual({
      width: 150,
      height: 300,
    });
  });
});
