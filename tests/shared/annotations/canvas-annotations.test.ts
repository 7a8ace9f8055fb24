/**
 * Listing one canvas's annotations goes straight to that canvas: the same answer as filtering the whole list,
 * without reading any other canvas (switching canvases at 10,000 canvases must not walk them all).
 */
import { describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../shared/iiif/annotations';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { annotatedManifest } from './sample';

function manifest(): JsonObject {
  const base = annotatedManifest();
  const canvases = base.items as JsonObject[];
  const page = (id: string, target: string) => ({
    id,
    type: 'AnnotationPage',
    items: [
      {
        id: `${id}/a`,
        type: 'Annotation',
        motivation: 'commenting',
        body: { type: 'TextualBody', value: id },
        target,
      },
    ],
  });
  const second: JsonObject = {
    id: 'https://example.org/canvas/2',
    type: 'Canvas',
    width: 10,
    height: 10,
    // Misplaced on its painting page: still this canvas's.
    items: [
      {
        id: 'https://example.org/canvas/2/painting',
        type: 'AnnotationPage',
        items: [],
        annotations: [page('https://example.org/misplaced', 'https://example.org/canvas/2')],
      },
    ],
    annotations: [page('https://example.org/c2', 'https://example.org/canvas/2#xywh=1,1,2,2')],
  };
  return {
    ...base,
    annotations: [page('https://example.org/manifest-level', 'https://example.org/canvas/1')],
    items: [
      canvases[0] as JsonObject,
      second,
      { id: 'https://example.org/canvas/3', type: 'Canvas', items: [] },
    ],
    structures: [
      {
        id: 'https://example.org/range/1',
        type: 'Range',
        items: [],
        annotations: [page('https://example.org/range-level', 'https://example.org/canvas/2')],
      },
    ],
  };
}

describe('listAnnotations for one canvas', () => {
  it('answers as filtering the whole list by canvas would', () => {
    const doc = manifest();
    const all = listAnnotations(doc);
    for (const canvasIndex of [0, 1, 2, 3]) {
      const expected = all.filter((a) => a.page.canvasIndex === canvasIndex);
      expect(listAnnotations(doc, { canvasIndex })).toEqual(expected);
    }
    expect(listAnnotations(doc, { canvasIndex: 1 }).map((a) => a.id)).toEqual([
      'https://example.org/c2/a',
      'https://example.org/misplaced/a',
    ]);
  });

  it('reads no other canvas', () => {
    const doc = manifest();
    const read = new Set<string>();
    const items = new Proxy(doc.items as JsonValue[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    listAnnotations({ ...doc, items }, { canvasIndex: 1 });
    expect([...read]).toEqual(['1']);
  });

  it('lists nothing for a canvas that is not there, or a document without canvases', () => {
    expect(listAnnotations(manifest(), { canvasIndex: 9 })).toEqual([]);
    expect(listAnnotations({ type: 'AnnotationPage', items: [] }, { canvasIndex: 0 })).toEqual([]);
  });
});
