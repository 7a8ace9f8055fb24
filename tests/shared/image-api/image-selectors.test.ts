import { describe, expect, it } from 'vitest';
import {
  formatRegion,
  parseImageRequest,
  parseRegion,
  parseRotation,
  rotatedSize,
} from '../../../shared/iiif/image-api/image-selectors';

const full = { width: 1200, height: 900 };

describe('Image API regions', () => {
  it('reads full, pixel, percent and square regions in pixels of the full image', () => {
    expect(parseRegion('full', full)).toBeNull();
    expect(parseRegion(undefined, full)).toBeNull();
    expect(parseRegion('10,20,300,400', full)).toEqual({ x: 10, y: 20, width: 300, height: 400 });
    expect(parseRegion('pct:50,50,50,50', full)).toEqual({ x: 600, y: 450, width: 600, height: 450 });
    expect(parseRegion('square', full)).toEqual({ x: 150, y: 0, width: 900, height: 900 });
  });

  it('crops a region running past the edge to the image, and reads nonsense as the whole image', () => {
    expect(parseRegion('1000,800,500,500', full)).toEqual({ x: 1000, y: 800, width: 200, height: 100 });
    expect(parseRegion('1300,0,10,10', full)).toBeNull();
    expect(parseRegion('1,2,3', full)).toBeNull();
    expect(parseRegion('a,b,c,d', full)).toBeNull();
    expect(parseRegion('pct:1,2,3,4', null)).toBeNull();
  });

  it('writes regions as whole pixels', () => {
    expect(formatRegion({ x: 0.4, y: 10.6, width: 600, height: 449.5 })).toBe('0,11,600,450');
  });
});

describe('rotations', () => {
  it('reads degrees clockwise and the mirror flag', () => {
    expect(parseRotation('90')).toEqual({ degrees: 90, mirror: false });
    expect(parseRotation('!180')).toEqual({ degrees: 180, mirror: true });
    expect(parseRotation('-90')).toEqual({ degrees: 270, mirror: false });
    expect(parseRotation('x')).toEqual({ degrees: 0, mirror: false });
    expect(parseRotation(undefined)).toEqual({ degrees: 0, mirror: false });
  });

  it('swaps width and height for quarter turns and takes the bounding box otherwise', () => {
    expect(rotatedSize({ width: 600, height: 400 }, 90)).toEqual({ width: 400, height: 600 });
    expect(rotatedSize({ width: 600, height: 400 }, 180)).toEqual({ width: 600, height: 400 });
    const turned = rotatedSize({ width: 100, height: 100 }, 45);
    expect(turned.width).toBeCloseTo(141.42, 1);
  });
});

describe('image request URLs', () => {
  it('splits Image API 2 and 3 requests into their parameters', () => {
    expect(parseImageRequest('https://x.org/iiif/abc/0,0,600,450/max/90/default.jpg')).toEqual({
      base: 'https://x.org/iiif/abc',
      region: '0,0,600,450',
      size: 'max',
      rotation: '90',
      quality: 'default',
      format: 'jpg',
    });
    expect(parseImageRequest('https://x.org/iiif/abc/full/300,/0/native.png')?.region).toBe('full');
    expect(parseImageRequest('https://x.org/iiif/abc/pct:10,10,50,50/full/!90/gray.jpg')?.rotation).toBe(
      '!90',
    );
  });

  it('does not mistake plain image URLs for requests', () => {
    expect(parseImageRequest('https://x.org/photos/2024/01/cat.jpg')).toBeNull();
    expect(parseImageRequest('https://x.org/iiif/abc/info.json')).toBeNull();
  });
});
