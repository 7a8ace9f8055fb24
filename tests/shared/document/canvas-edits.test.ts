import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { insertCanvases, moveCanvases, removeCanvases, reverseCanvases } from '../../../shared/iiif/document';
import { BASE, canvas, ids, manifest } from './sample-docs';

/** Canvas numbers in list order, for readable expectations. */
function order(doc: JsonObject): number[] {
  return ids(doc).map((id) => Number(String(id).split('/').pop()));
}

describe('moveCanvases', () => {
  // toIndex is a gap in the list before the move: 0 = before the first canvas, length = after the last.
  const cases: [string, number[], number, number[]][] = [
    ['one canvas to the front', [3], 0, [4, 1, 2, 3, 5, 6]],
    ['one canvas to the end', [0], 6, [2, 3, 4, 5, 6, 1]],
    ['one canvas forward, into the gap before canvas 5', [1], 4, [1, 3, 4, 2, 5, 6]],
    ['scattered canvases keep their relative order', [4, 0, 2], 2, [2, 1, 3, 5, 4, 6]],
    ['a block backwards', [3, 4], 1, [1, 4, 5, 2, 3, 6]],
    ['duplicate indices count once', [5, 5], 0, [6, 1, 2, 3, 4, 5]],
  ];
  it.each(cases)('%s', (_name, indices, toIndex, expected) => {
    expect(order(moveCanvases(manifest(6), indices, toIndex))).toEqual(expected);
  });

  it('returns the same document when the drop leaves the order as it was', () => {
    const doc = manifest(6);
    expect(moveCanvases(doc, [2, 3], 2)).toBe(doc);
    expect(moveCanvases(doc, [2, 3], 3)).toBe(doc);
    expect(moveCanvases(doc, [2, 3], 4)).toBe(doc);
    expect(moveCanvases(doc, [], 0)).toBe(doc);
  });

  it('shares every canvas object with the previous document', () => {
    const doc = manifest(50);
    const next = moveCanvases(doc, [10, 20, 30], 0);
    const before = new Set(doc['items'] as JsonObject[]);
    for (const item of next['items'] as JsonObject[]) expect(before.has(item)).toBe(true);
    expect(next['label']).toBe(doc['label']);
  });

  it('refuses indices out of range', () => {
    expect(() => moveCanvases(manifest(3), [3], 0)).toThrow(RangeError);
    expect(() => moveCanvases(manifest(3), [0], 4)).toThrow(RangeError);
    expect(() => moveCanvases(manifest(3), [0.5], 0)).toThrow(RangeError);
  });
});

describe('insertCanvases', () => {
  it('inserts before the given index, or appends at the length', () => {
    const doc = manifest(2);
    expect(order(insertCanvases(doc, 1, [canvas(8), canvas(9)]))).toEqual([1, 8, 9, 2]);
    expect(order(insertCanvases(doc, 2, [canvas(9)]))).toEqual([1, 2, 9]);
    expect(insertCanvases(doc, 0, [])).toBe(doc);
    expect(() => insertCanvases(doc, 3, [canvas(9)])).toThrow(RangeError);
  });

  it('creates `items` on a document without one', () => {
    const doc = { id: `${BASE}/manifest.json`, type: 'Manifest' };
    expect(order(insertCanvases(doc, 0, [canvas(1)]))).toEqual([1]);
  });
});

describe('removeCanvases', () => {
  const withReferences = () =>
    manifest(4, {
      start: { id: `${BASE}/canvas/3`, type: 'Canvas' },
      structures: [
        {
          id: `${BASE}/range/1`,
          type: 'Range',
          items: [
            { id: `${BASE}/canvas/1`, type: 'Canvas' },
            `${BASE}/canvas/3#xywh=0,0,10,10`,
            {
              id: `${BASE}/range/2`,
              type: 'Range',
              items: [{ type: 'SpecificResource', source: `${BASE}/canvas/3` }],
            },
          ],
        },
        { id: `${BASE}/range/3`, type: 'Range', items: [{ id: `${BASE}/canvas/4`, type: 'Canvas' }] },
      ],
    });

  it('removes the canvases and every range entry and start that points at them', () => {
    const doc = withReferences();
    const next = removeCanvases(doc, [2, 1]);
    expect(order(next)).toEqual([1, 4]);
    expect('start' in next).toBe(false);
    const [toc, other] = next['structures'] as JsonObject[];
    expect(toc?.['items']).toEqual([
      { id: `${BASE}/canvas/1`, type: 'Canvas' },
      { id: `${BASE}/range/2`, type: 'Range', items: [] },
    ]);
    // Ranges that did not change are shared with the previous document.
    expect(other).toBe((doc['structures'] as JsonObject[])[1]);
    expect(Object.keys(next)).toEqual(Object.keys(doc).filter((k) => k !== 'start'));
  });

  it('keeps references when another canvas with the same id stays', () => {
    const doc = withReferences();
    const items = doc['items'] as JsonObject[];
    const twice = { ...doc, items: [...items, items[2] as JsonObject] };
    const next = removeCanvases(twice, [2]);
    expect(next['start']).toEqual(doc['start']);
    expect(next['structures']).toBe(doc['structures']);
  });
});

describe('reverseCanvases', () => {
  it('reverses the whole list, or the selected canvases within their places', () => {
    const doc = manifest(5);
    expect(order(reverseCanvases(doc))).toEqual([5, 4, 3, 2, 1]);
    expect(order(reverseCanvases(doc, [0, 2, 4]))).toEqual([5, 2, 3, 4, 1]);
    expect(reverseCanvases(doc, [3])).toBe(doc);
  });
});
