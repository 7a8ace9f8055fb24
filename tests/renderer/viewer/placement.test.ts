import { describe, expect, it } from 'vitest';
import { rotatedSize, type Rect } from '../../../shared/iiif/image-api/image-selectors';
import {
  canvasRectToRegion,
  canvasToImagePoint,
  containedRect,
  placementFor,
  rotate,
  type Placement,
  type Point,
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
      mirror: false,
      target: { x: 600, y: 0, width: 600, height: 450 },
    });
    expect(p).toEqual({ x: 600, y: 0, width: 600, clip: null, rotation: 0, flipped: false });
  });

  it('moves the whole image so that a crop lands on the target', () => {
    const target = { x: 0, y: 0, width: 600, height: 450 };
    const region = { x: 600, y: 450, width: 600, height: 450 };
    const p = placementFor({ content, full: null, region, rotation: 0, mirror: false, target });
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
      const p = placementFor({ content, full: null, region, rotation, mirror: false, target });
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
      mirror: false,
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
    mirror: false,
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
      mirror: false,
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

interface Shown {
  readonly region: Rect | null;
  readonly rotation: number;
  readonly mirror: boolean;
  readonly target: Rect;
}

/**
 * Where the Image API puts a pixel of the full image (Image API 3 §4: region, then size, then rotation, whose
 * `!` mirrors the crop left–right before turning it clockwise), once the result is fitted into its target.
 */
function specPoint(pixel: Point, { region, rotation, mirror, target }: Shown): Point {
  const crop = region ?? { x: 0, y: 0, ...content };
  const inCrop = { x: pixel.x - crop.x, y: pixel.y - crop.y };
  const mirrored = mirror ? { x: crop.width - inCrop.x, y: inCrop.y } : inCrop;
  const turned = rotate({ x: mirrored.x - crop.width / 2, y: mirrored.y - crop.height / 2 }, rotation);
  const shown = rotatedSize(crop, rotation);
  const scale = Math.min(target.width / shown.width, target.height / shown.height);
  return {
    x: target.x + target.width / 2 + turned.x * scale,
    y: target.y + target.height / 2 + turned.y * scale,
  };
}

/**
 * Where OpenSeadragon draws a pixel for a placement: a flipped TiledImage draws its pixels mirrored inside its
 * own bounds (TiledImage.getTileBounds), then turns the whole image about the centre of its bounds.
 */
function drawnPoint(pixel: Point, placement: Placement): Point {
  const scale = placement.width / content.width;
  const x = placement.flipped ? content.width - pixel.x : pixel.x;
  const centre = { x: placement.x + placement.width / 2, y: placement.y + (content.height * scale) / 2 };
  const turned = rotate(
    { x: placement.x + x * scale - centre.x, y: placement.y + pixel.y * scale - centre.y },
    placement.rotation,
  );
  return { x: centre.x + turned.x, y: centre.y + turned.y };
}

function expectPoint(actual: Point, expected: Point) {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
}

describe('mirrored rotations (`!n`): mirrored left–right first, then turned', () => {
  const region = { x: 100, y: 50, width: 500, height: 300 };
  const cases = [0, 90, 180, 270, 22.5].flatMap((rotation) =>
    [null, region].map((r) => ({ rotation, region: r })),
  );

  it.each(cases)('draws every pixel where the Image API puts it: !$rotation, region $region', (c) => {
    const crop = c.region ?? { x: 0, y: 0, ...content };
    const target = { x: 40, y: 30, ...rotatedSize(crop, c.rotation) };
    const shown = { region: c.region, rotation: c.rotation, mirror: true, target };
    const placement = placementFor({ content, full: null, ...shown });
    expect(placement.flipped).toBe(true);
    const pixels = [
      { x: crop.x, y: crop.y },
      { x: crop.x + crop.width, y: crop.y },
      { x: crop.x + crop.width * 0.25, y: crop.y + crop.height * 0.75 },
    ];
    for (const pixel of pixels) expectPoint(drawnPoint(pixel, placement), specPoint(pixel, shown));
  });

  it('clips to where the crop lies in the mirrored image, not to the crop itself', () => {
    const placement = placementFor({
      content,
      full: { width: 2400, height: 1800 },
      region: { x: 200, y: 100, width: 1000, height: 600 },
      rotation: 90,
      mirror: true,
      target: { x: 0, y: 0, width: 300, height: 500 },
    });
    // In loaded pixels the crop is x 100–600; mirrored in a 1200-wide image, 600–1100.
    expect(placement.clip).toEqual({ x: 600, y: 50, width: 500, height: 300 });
  });

  it('mirrors the crop tool too: a canvas point maps back to the pixel shown there', () => {
    for (const rotation of [0, 90, 180, 270]) {
      const target = { x: 10, y: 20, ...rotatedSize(region, rotation) };
      const shown = { region, rotation, mirror: true, target };
      const pixel = { x: region.x + 120, y: region.y + 40 };
      expectPoint(canvasToImagePoint(specPoint(pixel, shown), { ...shown, full: content }), pixel);
    }
  });

  it('reads a region drawn on the left of a mirrored image from the right of the crop', () => {
    const item = {
      target: { x: 0, y: 0, width: 1200, height: 900 },
      full: content,
      region: null,
      rotation: 0,
    };
    expect(canvasRectToRegion({ x: 0, y: 0, width: 300, height: 900 }, { ...item, mirror: true })).toEqual({
      x: 900,
      y: 0,
      width: 300,
      height: 900,
    });
  });
});
