import { describe, expect, it } from 'vitest';
import { parseXywh, placedImages } from '../../../renderer/src/features/viewer/tile-sources';

const canvas = (annotations: unknown[]) => ({
  id: 'https://e.org/c1',
  type: 'Canvas',
  width: 2000,
  height: 1000,
  items: [{ id: 'https://e.org/c1/p', type: 'AnnotationPage', items: annotations }],
});

describe('placing painted images on a canvas', () => {
  it('uses the image service for deep zoom, and the whole canvas when the target has no fragment', () => {
    const placed = placedImages(
      canvas([
        {
          id: 'a',
          type: 'Annotation',
          motivation: 'painting',
          target: 'https://e.org/c1',
          body: {
            id: 'https://img/x/full/max/0/default.jpg',
            type: 'Image',
            service: [{ id: 'https://img/x', type: 'ImageService3', profile: 'level2' }],
          },
        },
      ]) as never,
    );
    expect(placed).toEqual([
      { source: { kind: 'iiif', infoUrl: 'https://img/x/info.json' }, x: 0, y: 0, width: 2000, height: 1000 },
    ]);
  });

  it('places images at #xywh targets, takes P2-shaped services and plain images', () => {
    const placed = placedImages(
      canvas([
        {
          id: 'a',
          type: 'Annotation',
          motivation: 'painting',
          target: 'https://e.org/c1#xywh=1000,0,1000,1000',
          body: {
            id: 'https://img/y/full/full/0/default.jpg',
            type: 'Image',
            service: { '@id': 'https://img/y', profile: 'http://iiif.io/api/image/2/level1.json' },
          },
        },
        {
          id: 'b',
          type: 'Annotation',
          motivation: 'painting',
          target: 'https://e.org/c1#xywh=0,0,500,500',
          body: { id: 'https://img/z.jpg', type: 'Image' },
        },
        {
          id: 'c',
          type: 'Annotation',
          motivation: 'commenting',
          target: 'https://e.org/c1',
          body: { type: 'TextualBody', value: 'x' },
        },
      ]) as never,
    );
    expect(placed).toHaveLength(2);
    expect(placed[0]).toMatchObject({
      source: { kind: 'iiif', infoUrl: 'https://img/y/info.json' },
      x: 1000,
      width: 1000,
    });
    expect(placed[1]).toMatchObject({ source: { kind: 'image', url: 'https://img/z.jpg' }, width: 500 });
  });

  it('reads xywh fragments strictly', () => {
    expect(parseXywh('https://e.org/c#xywh=1,2,3,4')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(parseXywh('https://e.org/c#xywh=pixel:1,2,3,4')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(parseXywh('https://e.org/c#xywh=1,2,0,4')).toBeNull();
    expect(parseXywh('https://e.org/c#xywh=percent:1,2,3,4')).toBeNull();
    expect(parseXywh('https://e.org/c')).toBeNull();
  });
});
