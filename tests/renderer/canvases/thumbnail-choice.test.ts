import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  chooseThumbnail,
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
