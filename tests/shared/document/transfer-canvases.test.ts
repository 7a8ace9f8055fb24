import { describe, expect, it } from 'vitest';
import { transferCanvases } from '../../../shared/iiif/document/transfer-canvases';
import type { JsonObject } from '../../../shared/iiif/json';

function manifest(name: string, count: number, extra: JsonObject = {}): JsonObject {
  return {
    id: `https://example.org/${name}/manifest.json`,
    type: 'Manifest',
    label: { en: [name] },
    ...extra,
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://example.org/${name}/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`${name} ${i + 1}`] },
      items: [
        {
          id: `https://example.org/${name}/canvas/${i + 1}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `https://example.org/${name}/canvas/${i + 1}/page/a`,
              type: 'Annotation',
              motivation: 'painting',
              target: `https://example.org/${name}/canvas/${i + 1}`,
              body: { id: `https://images.org/${name}/${i + 1}.jpg`, type: 'Image' },
            },
          ],
        },
      ],
    })),
  };
}

const ids = (doc: JsonObject) => (doc['items'] as JsonObject[]).map((c) => c['id']);

describe('carrying canvases between documents', () => {
  it('moves canvases out of the source and into the target, ids and objects kept', () => {
    const a = manifest('a', 5);
    const b = manifest('b', 2);
    const moved = (a['items'] as JsonObject[]).slice(1, 4);
    const result = transferCanvases(a, [3, 1, 2], b, 1, 'move');
    expect(ids(result.source)).toEqual(['https://example.org/a/canvas/1', 'https://example.org/a/canvas/5']);
    expect(ids(result.target)).toEqual([
      'https://example.org/b/canvas/1',
      ...moved.map((c) => c['id']),
      'https://example.org/b/canvas/2',
    ]);
    expect((result.target['items'] as JsonObject[]).slice(1, 4)).toEqual(moved);
    expect((result.target['items'] as JsonObject[])[1]).toBe(moved[0]);
    expect(result.inserted).toEqual([1, 2, 3]);
  });

  it('copies with fresh ids under the target, the annotation retargeted, partOf and credits of the source', () => {
    const a = manifest('a', 2, {
      requiredStatement: { label: { en: ['By'] }, value: { en: ['A library'] } },
    });
    const b = manifest('b', 1);
    const result = transferCanvases(a, [0], b, 99, 'copy');
    expect(result.source).toBe(a);
    const copy = (result.target['items'] as JsonObject[])[1] as JsonObject;
    expect(copy['id']).toBe('https://example.org/b/canvas/2');
    const annotation = ((copy['items'] as JsonObject[])[0]?.['items'] as JsonObject[])[0] as JsonObject;
    expect(annotation['target']).toBe(copy['id']);
    expect(annotation['body']).toEqual({ id: 'https://images.org/a/1.jpg', type: 'Image' });
    expect(copy['partOf']).toEqual([
      { id: 'https://example.org/a/manifest.json', type: 'Manifest', label: { en: ['a'] } },
    ]);
    expect(copy['requiredStatement']).toEqual(a['requiredStatement']);
    expect(result.inserted).toEqual([1]);
  });

  it('gives a moved canvas fresh ids when the target already has its id', () => {
    const a = manifest('same', 2);
    const b = manifest('same', 1);
    const result = transferCanvases(a, [0, 1], b, 1, 'move');
    expect(ids(result.target)).toEqual([
      'https://example.org/same/canvas/1',
      'https://example.org/same/canvas/3',
      'https://example.org/same/canvas/2',
    ]);
    expect(new Set(ids(result.target)).size).toBe(3);
  });

  it('changes nothing when no canvas is chosen', () => {
    const a = manifest('a', 2);
    const b = manifest('b', 1);
    expect(transferCanvases(a, [7], b, 0, 'move')).toEqual({ source: a, target: b, inserted: [] });
  });
});
