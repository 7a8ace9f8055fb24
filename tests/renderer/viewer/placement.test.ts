import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../renderer/src/features/viewer/image-selectors';
import {
  canvasRectToRegion,
  canvasToImagePoint,
  containedRect,
  placementFor,
  rotate,
  type Placement,
} from '../../../renderer/src/features/viewer/placement';

/**
 * Where OpenSeadragon draws the clipped area for a placement: the clip, scaled into the world at the image's
 * position, rotated about the centre of the whole (unclipped) image, as TiledImage.getClippedBounds does.
 */
function drawnArea(placement: Placement, content: { width: number; height: number }): Rect {
  const scale = placement.width / content.width;
  const height = content.height * scale;
  const clip = placement.clip ?? { x: 0, y: 0, ...content };
  const centre = { x: placement.x + placement.width / 2, y: placement.y + height / 2 };
  const corners = [
    [clip.x, clip.y],
    [clip.x + clip.width, clip.y],
    [clip.x, clip.y + clip.height],
    [clip.x + clip.width, clip.y + clip.height],
  ].map(([cx, cy]) => {
    const world = { x: placement.x + (cx as number) * scale, y: placement.y + (cy as number) * scale };
    const turned = rotate({ x: world.x - centre.x, y: world.y - centre.y }, placement.rotation);
    return { x: centre.x + turned.x, y: centre.y + turned.y };
  });
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

function expectRect(actual: Rect, expected: Rect) {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
  expect(actual.width).toBeCloseTo(expected.width, 6);
  expect(actual.height).toBeCloseTo(expected.height, 6);
}

const content = { width: 1200, height: 900 };

describe('placing an image so that its crop, turned, lands on the target', () => {
  it('scales a whole image into its target', () => {
    const p = placementFor({
      content,
      full: null,
      region: null,
      rotation: 0,
      target: { x: 600, y: 0, width: 600, height: 450 },
    });
    expect(p).toEqual({ x: 600, y: 0, width: 600, clip: null, rotation: 0 });
  });

  it('moves the whole image so that a crop lands on the target', () => {
    const target = { x: 0, y: 0, width: 600, height: 450 };
    const region = { x: 600, y: 450, width: 600, height: 450 };
    const p = placementFor({ content, full: null, region, rotation: 0, target });
    expect(p.x).toBeCloseTo(-600);
    expect(p.y).toBeCloseTo(-450);
    expectRect(drawnArea(p, content), target);
  });

  it.each([90, 180, 270])(
    'turns a crop by %i° about the image centre and still lands on the target',
    (rotation) => {
      const region = { x: 100, y: 50, width: 400, height: 300 };
      const target =
        rotation === 180
          ? { x: 10, y: 20, width: 800, height: 600 }
          : { x: 10, y: 20, width: 600, height: 800 };
      const p = placementFor({ content, full: null, region, rotation, target });
      expectRect(drawnArea(p, content), target);
    },
  );

  it('scales region coordinates from the full size to the pixels loaded (level 0 pyramids)', () => {
    const loaded = { width: 600, height: 450 };
    const target = { x: 0, y: 0, width: 300, height: 225 };
    const p = placementFor({
      content: loaded,
      full: { width: 1200, height: 900 },
      region: { x: 0, y: 0, width: 600, height: 450 },
      rotation: 0,
      target,
    });
    expect(p.clip).toEqual({ x: 0, y: 0, width: 300, height: 225 });
    expectRect(drawnArea(p, loaded), target);
  });

  it('centres an image in a target of other proportions, as large as fits', () => {
    expect(containedRect({ x: 0, y: 0, width: 1000, height: 1000 }, { width: 200, height: 100 })).toEqual({
      x: 0,
      y: 250,
      width: 1000,
      height: 500,
    });
  });
});

describe('from the canvas back to image pixels (the crop tool)', () => {
  const item = {
    target: { x: 100, y: 100, width: 600, height: 450 },
    full: content,
    region: null,
    rotation: 0,
  };

  it('maps canvas points to image pixels', () => {
    expect(canvasToImagePoint({ x: 100, y: 100 }, item)).toEqual({ x: 0, y: 0 });
    expect(canvasToImagePoint({ x: 400, y: 325 }, item)).toEqual({ x: 600, y: 450 });
  });

  it('turns a rectangle drawn on a turned crop into the region under it', () => {
    const turned = {
      target: { x: 0, y: 0, width: 450, height: 600 },
      full: content,
      region: { x: 600, y: 0, width: 600, height: 450 },
      rotation: 90,
    };
    // The displayed top-right quarter of a clockwise-turned crop is the crop's top-left quarter.
    expect(canvasRectToRegion({ x: 225, y: 0, width: 225, height: 300 }, turned)).toEqual({
      x: 600,
      y: 0,
      width: 300,
      height: 225,
    });
  });

  it('keeps the region inside the crop and refuses empty ones', () => {
    expect(canvasRectToRegion({ x: 0, y: 0, width: 400, height: 300 }, item)).toEqual({
      x: 0,
      y: 0,
      width: 600,
      height: 400,
    });
    expect(canvasRectToRegion({ x: 0, y: 0, width: 50, height: 50 }, item)).toBeNull();
  });
});
