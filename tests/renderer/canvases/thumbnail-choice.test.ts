import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  chooseThumbnail,
  CROP_SOURCE_MAX_WIDTH,
  FALLBACK_MAX_WIDTH,
} from '../../../renderer/src/features/canvases/thumbnail-choice';

const box = { width: 112, height: 146 };

function canvasWith(body: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    id: 'https://e.org/c1',
    type: 'Canvas',
    width: 2000,
    height: 3000,
    items: [
      {
        id: 'https://e.org/c1/p',
        type: 'AnnotationPage',
        items: [{ id: 'https://e.org/c1/a', type: 'Annotation', motivation: 'painting', body, target: 'x' }],
      },
    ],
    ...extra,
  };
}

/** Width in an Image API size parameter: `.../full/{w},{h?}/0/default.jpg`. */
function widthIn(url: string): number {
  return Number(/\/full\/(\d+),/.exec(url)?.[1]);
}

describe('choosing a thumbnail', () => {
  it('asks a level 2 service for about the displayed width, never more than twice it', () => {
    const canvas = canvasWith({
      id: 'https://img.org/iiif/a/full/max/0/default.jpg',
      type: 'Image',
      width: 2000,
      height: 3000,
      service: [{ id: 'https://img.org/iiif/a', type: 'ImageService3', profile: 'level2' }],
    });
    // A 2:3 page in a 112×146 box is drawn 97 px wide (height-bound).
    const shown = 146 / 1.5;
    const at1x = chooseThumbnail(canvas, box, 1);
    expect(at1x?.url).toBe(`https://img.org/iiif/a/full/${Math.ceil(shown)},/0/default.jpg`);
    const at3x = chooseThumbnail(canvas, box, 3);
    expect(widthIn(at3x?.url ?? '')).toBeLessThanOrEqual(2 * shown);
    expect(widthIn(at3x?.url ?? '')).toBeGreaterThan(1.9 * shown);
  });

  it('reads Image API 2 services in their own shape', () => {
    const canvas = canvasWith({
      id: 'https://img.org/iiif2/a/full/full/0/default.jpg',
      type: 'Image',
      width: 2000,
      height: 3000,
      service: {
        '@id': 'https://img.org/iiif2/a',
        '@type': 'ImageService2',
        profile: 'http://iiif.io/api/image/2/level1.json',
      },
    });
    expect(chooseThumbnail(canvas, box)?.url).toMatch(
      /^https:\/\/img\.org\/iiif2\/a\/full\/98,\/0\/default\.jpg$/,
    );
  });

  it('asks a level 0 service only for a size it declares, the smallest sharp enough', () => {
    const canvas = canvasWith({
      id: 'https://img.org/static/a/full/max/0/default.jpg',
      type: 'Image',
      width: 2000,
      height: 3000,
      service: [
        {
          id: 'https://img.org/static/a',
          type: 'ImageService3',
          profile: 'level0',
          sizes: [
            { width: 50, height: 75 },
            { width: 150, height: 225 },
            { width: 1000, height: 1500 },
          ],
        },
      ],
    });
    expect(chooseThumbnail(canvas, box)?.url).toBe('https://img.org/static/a/full/150,225/0/default.jpg');
  });

  it('prefers the canvas thumbnail when it is small enough', () => {
    const canvas = canvasWith(
      { id: 'https://img.org/big.jpg', type: 'Image', width: 2000, height: 3000 },
      { thumbnail: [{ id: 'https://img.org/thumb.jpg', type: 'Image', width: 100, height: 150 }] },
    );
    expect(chooseThumbnail(canvas, box)).toEqual({ url: 'https://img.org/thumb.jpg', width: 100 });
  });

  it('never loads a full-size painted image as a thumbnail', () => {
    const canvas = canvasWith({ id: 'https://img.org/big.jpg', type: 'Image', width: 2000, height: 3000 });
    expect(chooseThumbnail(canvas, box)).toBeNull();
    const small = canvasWith({ id: 'https://img.org/small.jpg', type: 'Image', width: 150, height: 225 });
    expect(chooseThumbnail(small, box)?.url).toBe('https://img.org/small.jpg');
  });

  it('falls back to the smallest thumbnail-sized image when nothing is small enough', () => {
    // The sample's case: a 200 px static thumbnail and a level-0 service that declares no sizes, in a list row.
    const canvas = canvasWith(
      {
        id: 'https://img.org/static/a/full/max/0/default.jpg',
        type: 'Image',
        width: 1600,
        height: 2200,
        service: [{ id: 'https://img.org/static/a', type: 'ImageService3', profile: 'level0' }],
      },
      {
        thumbnail: [
          {
            id: 'https://img.org/static/a/full/200,275/0/default.jpg',
            type: 'Image',
            width: 200,
            height: 275,
            service: [{ id: 'https://img.org/static/a', type: 'ImageService3', profile: 'level0' }],
          },
        ],
      },
    );
    const tiny = { width: 56, height: 73 };
    expect(chooseThumbnail(canvas, tiny)?.url).toBe('https://img.org/static/a/full/200,275/0/default.jpg');
    const huge = canvasWith(
      { id: 'https://img.org/big.jpg', type: 'Image', width: 2000, height: 3000 },
      {
        thumbnail: [
          { id: 'https://img.org/t.jpg', type: 'Image', width: FALLBACK_MAX_WIDTH + 1, height: 600 },
        ],
      },
    );
    expect(chooseThumbnail(huge, tiny)).toBeNull();
  });

  it('takes a thumbnail of unknown size as the last resort, and copes with no image at all', () => {
    const canvas = canvasWith(
      { id: 'https://img.org/big.jpg', type: 'Image', width: 2000, height: 3000 },
      { thumbnail: 'https://img.org/t.jpg' as unknown as JsonObject },
    );
    expect(chooseThumbnail(canvas, box)).toBeNull(); // a bare string is not a resource
    const withObject = canvasWith(
      { id: 'https://img.org/big.jpg', type: 'Image', width: 2000, height: 3000 },
      { thumbnail: [{ id: 'https://img.org/t.jpg', type: 'Image' }] },
    );
    expect(chooseThumbnail(withObject, box)).toEqual({ url: 'https://img.org/t.jpg', width: null });
    expect(chooseThumbnail({ id: 'c', type: 'Canvas', items: [] }, box)).toBeNull();
  });
});

/** A painting body showing part of `source`, as an ImageApiSelector spells it. */
function fragment(source: JsonObject, selector: JsonObject): JsonObject {
  return {
    id: 'https://e.org/c1/body',
    type: 'SpecificResource',
    source,
    selector: { type: 'ImageApiSelector', ...selector },
  };
}

const level2Leaf = (extra: JsonObject = {}): JsonObject => ({
  id: 'https://img.org/iiif/a/full/max/0/default.jpg',
  type: 'Image',
  width: 2000,
  height: 3000,
  service: [{ id: 'https://img.org/iiif/a', type: 'ImageService3', profile: 'level2', ...extra }],
});

const level0Leaf: JsonObject = {
  id: 'https://img.org/static/a/full/max/0/default.jpg',
  type: 'Image',
  width: 2000,
  height: 3000,
  service: [
    {
      id: 'https://img.org/static/a',
      type: 'ImageService3',
      profile: 'level0',
      sizes: [
        { width: 150, height: 225 },
        { width: 300, height: 450 },
        { width: 1000, height: 1500 },
      ],
    },
  ],
};

describe('choosing a thumbnail for a cropped or turned image', () => {
  it('asks a level 2 service for the region, sized by the region (pixel and pct regions)', () => {
    // A 150×300 region in a 112×146 box is drawn 73 px wide (height-bound).
    const pixels = canvasWith(fragment(level2Leaf(), { region: '300,50,150,300' }));
    expect(chooseThumbnail(pixels, box, 1)).toEqual({
      url: 'https://img.org/iiif/a/300,50,150,300/73,/0/default.jpg',
      width: 73,
    });
    // pct:25,10,50,20 of 2000×3000 is 1000×600: width-bound, 112 px; at 3× never more than twice that.
    const pct = canvasWith(fragment(level2Leaf(), { region: 'pct:25,10,50,20' }));
    expect(chooseThumbnail(pct, box, 1)?.url).toBe(
      'https://img.org/iiif/a/500,300,1000,600/112,/0/default.jpg',
    );
    expect(chooseThumbnail(pct, box, 3)?.url).toBe(
      'https://img.org/iiif/a/500,300,1000,600/224,/0/default.jpg',
    );
  });

  it('reads a region written into a service image’s URL as the same crop', () => {
    const canvas = canvasWith({
      ...level2Leaf(),
      id: 'https://img.org/iiif/a/300,50,150,300/max/0/default.jpg',
    });
    expect(chooseThumbnail(canvas, box)?.url).toBe('https://img.org/iiif/a/300,50,150,300/73,/0/default.jpg');
  });

  it('sizes a quarter-turned region by its turned aspect, and lets a level 2 server turn it', () => {
    // Turned, the 150×300 region is 300×150: width-bound at 112 px, so 56 px wide before the turn.
    const canvas = canvasWith(fragment(level2Leaf(), { region: '300,50,150,300', rotation: '90' }));
    expect(chooseThumbnail(canvas, box)).toEqual({
      url: 'https://img.org/iiif/a/300,50,150,300/56,/90/default.jpg',
      width: 112,
    });
  });

  it('mirrors on the server only when it says it can, else in the cell', () => {
    const selector = { region: '300,50,150,300', rotation: '!90' };
    const mirroring = canvasWith(fragment(level2Leaf({ extraFeatures: ['mirroring'] }), selector));
    expect(chooseThumbnail(mirroring, box)?.url).toBe(
      'https://img.org/iiif/a/300,50,150,300/56,/!90/default.jpg',
    );
    const plain = canvasWith(fragment(level2Leaf(), selector));
    expect(chooseThumbnail(plain, box)).toEqual({
      url: 'https://img.org/iiif/a/300,50,150,300/56,/0/default.jpg',
      width: 56,
      crop: { x: 0, y: 0, width: 1, height: 1, aspect: 2, degrees: 90, mirror: true },
    });
  });

  it('loads the smallest level 0 size sharp enough for the crop, and crops it in the cell', () => {
    // The bottom-right quarter, 1000×1500, drawn 97 px wide: half the leaf, so the leaf must be ≥ 195 px wide
    // (and at most 389, twice the crop's width): 300, not the 150 a whole-leaf thumbnail would take.
    const canvas = canvasWith(fragment(level0Leaf, { region: 'pct:50,50,50,50' }));
    expect(chooseThumbnail(canvas, box)).toEqual({
      url: 'https://img.org/static/a/full/300,450/0/default.jpg',
      width: 300,
      crop: { x: 0.5, y: 0.5, width: 0.5, height: 0.5, aspect: 1.5, degrees: 0, mirror: false },
    });
    const uncropped = canvasWith(level0Leaf);
    expect(chooseThumbnail(uncropped, box)?.url).toBe('https://img.org/static/a/full/150,225/0/default.jpg');
  });

  it('mirrors and turns a level 0 crop in the cell', () => {
    // Turned, the 1000×1500 crop is 1500×1000: 112 px wide on screen, 75 px before the turn → a 150 px leaf.
    const canvas = canvasWith(fragment(level0Leaf, { region: '0,0,1000,1500', rotation: '!90' }));
    expect(chooseThumbnail(canvas, box)).toEqual({
      url: 'https://img.org/static/a/full/150,225/0/default.jpg',
      width: 150,
      crop: { x: 0, y: 0, width: 0.5, height: 0.5, aspect: 1.5, degrees: 90, mirror: true },
    });
  });

  it('never loads a level 0 leaf wider than the crop limit', () => {
    const tinyCrop = canvasWith(
      fragment(
        {
          ...level0Leaf,
          service: [
            { ...(level0Leaf['service'] as JsonObject[])[0], sizes: [{ width: 2000, height: 3000 }] },
          ],
        },
        { region: '0,0,100,150' },
      ),
    );
    expect(CROP_SOURCE_MAX_WIDTH).toBeLessThan(2000);
    expect(chooseThumbnail(tinyCrop, box)).toBeNull();
  });

  it('crops a static image without a service in the cell, when it is small enough', () => {
    const leaf = { id: 'https://img.org/leaf.jpg', type: 'Image', width: 400, height: 300 };
    const canvas = canvasWith(fragment(leaf, { region: '200,0,200,150' }));
    expect(chooseThumbnail(canvas, box)).toEqual({
      url: 'https://img.org/leaf.jpg',
      width: 400,
      crop: { x: 0.5, y: 0, width: 0.5, height: 0.5, aspect: 0.75, degrees: 0, mirror: false },
    });
    const big = canvasWith(fragment({ ...leaf, width: 4000, height: 3000 }, { region: '2000,0,2000,1500' }));
    expect(chooseThumbnail(big, box)).toBeNull();
  });

  it('keeps the canvas’s own thumbnail, and treats a selector that crops nothing as no crop', () => {
    const withThumbnail = canvasWith(fragment(level2Leaf(), { region: '300,50,150,300' }), {
      thumbnail: [{ id: 'https://img.org/thumb.jpg', type: 'Image', width: 100, height: 150 }],
    });
    expect(chooseThumbnail(withThumbnail, box)).toEqual({ url: 'https://img.org/thumb.jpg', width: 100 });
    const noCrop = canvasWith(fragment(level2Leaf(), { region: 'full', rotation: '0' }));
    expect(chooseThumbnail(noCrop, box)).toEqual(chooseThumbnail(canvasWith(level2Leaf()), box));
    expect(chooseThumbnail(noCrop, box)?.crop).toBeUndefined();
  });
});

describe('thumbnails of audio and video canvases', () => {
  const poster = canvasWith({
    id: 'https://img.org/poster.jpg',
    type: 'Image',
    format: 'image/jpeg',
    width: 200,
    height: 150,
  });

  it('never takes the audio or video file for an image', () => {
    const audio = canvasWith({
      id: 'https://e.org/a.mp3',
      type: 'Sound',
      format: 'audio/mpeg',
      duration: 10,
    });
    expect(chooseThumbnail(audio, box)).toBeNull();
    const video = canvasWith({
      id: 'https://e.org/v.mp4',
      type: 'Video',
      format: 'video/mp4',
      // Small enough that, taken for an image, it would be the thumbnail.
      width: 160,
      height: 120,
    });
    expect(chooseThumbnail(video, box)).toBeNull();
  });

  it('shows the placeholder canvas, else the accompanying one', () => {
    const body = { id: 'https://e.org/a.mp3', type: 'Sound', format: 'audio/mpeg', duration: 10 };
    expect(chooseThumbnail(canvasWith(body, { placeholderCanvas: poster }), box)?.url).toBe(
      'https://img.org/poster.jpg',
    );
    expect(chooseThumbnail(canvasWith(body, { accompanyingCanvas: poster }), box)?.url).toBe(
      'https://img.org/poster.jpg',
    );
  });
});
