/**
 * Replacing a companion canvas's painted image: the companion keeps its id, label and every property Tessera
 * does not know, takes the new image's pages and size, and its new painting annotation targets it.
 */
import { describe, expect, it } from 'vitest';
import { canvasFromPlainImage } from '../../../shared/iiif/canvas-build';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import type { JsonObject } from '../../../shared/iiif/json';
import { companionAnnotations, withPaintingOf } from '../../../shared/iiif/media';

const score: JsonObject = {
  id: 'https://x.org/m/accompanying/1',
  type: 'Canvas',
  label: { en: ['Score'] },
  'x-unknown': { kept: [1, 2] },
  width: 100,
  height: 200,
  thumbnail: [{ id: 'https://x.org/old-thumb.jpg', type: 'Image' }],
  items: [
    {
      id: 'https://x.org/m/accompanying/1/page/1',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://x.org/m/accompanying/1/anno/1',
          type: 'Annotation',
          motivation: 'painting',
          body: { id: 'https://x.org/old.jpg', type: 'Image' },
          target: 'https://x.org/m/accompanying/1',
        },
      ],
    },
  ],
  annotations: [
    {
      id: 'https://x.org/m/accompanying/1/notes',
      type: 'AnnotationPage',
      items: [
        { id: 'https://x.org/n/1', type: 'Annotation', motivation: 'commenting', target: 'x' },
        { id: 'https://x.org/n/2', type: 'Annotation', motivation: 'commenting', target: 'x' },
      ],
    },
  ],
};

function built(): JsonObject {
  const mint = createIdMinter('https://x.org/m/', new Set([score.id as string]));
  return canvasFromPlainImage(
    { url: 'https://x.org/new.png', width: 640, height: 480, format: 'image/png' },
    { mint, label: 'new' },
  );
}

describe('withPaintingOf', () => {
  it('keeps the id, label, order and unknown properties; takes the new image, size and pages', () => {
    const next = withPaintingOf(score, built());
    expect(next.id).toBe(score.id);
    expect(next.label).toEqual({ en: ['Score'] });
    expect(next['x-unknown']).toEqual({ kept: [1, 2] });
    expect(next.annotations).toBe(score.annotations);
    expect([next.width, next.height]).toEqual([640, 480]);
    expect(Object.keys(next)).toEqual([
      'id',
      'type',
      'label',
      'x-unknown',
      'width',
      'height',
      'items',
      'annotations',
    ]);
    const page = (next.items as JsonObject[])[0] as JsonObject;
    const annotation = (page.items as JsonObject[])[0] as JsonObject;
    expect(annotation.body).toMatchObject({ id: 'https://x.org/new.png', type: 'Image' });
    expect(annotation.target).toBe(score.id);
  });

  it('drops a thumbnail of the replaced image, and takes the new image’s own when it has one', () => {
    expect(withPaintingOf(score, built()).thumbnail).toBeUndefined();
    const thumb = [{ id: 'https://x.org/new-thumb.jpg', type: 'Image' }];
    const next = withPaintingOf(score, { ...built(), thumbnail: thumb });
    expect(next.thumbnail).toEqual(thumb);
    expect(Object.keys(next).indexOf('thumbnail')).toBe(Object.keys(score).indexOf('thumbnail'));
  });
});

describe('companionAnnotations', () => {
  it('lists the annotations of the non-painting pages', () => {
    expect(companionAnnotations(score).map((a) => a.id)).toEqual(['https://x.org/n/1', 'https://x.org/n/2']);
    expect(companionAnnotations({ id: 'c', type: 'Canvas' })).toEqual([]);
  });
});
