import { describe, expect, it } from 'vitest';
import { moveCanvases, removeCanvases, reverseCanvases } from '../../../shared/iiif/document/canvas-edits';
import { duplicateCanvases } from '../../../shared/iiif/document/duplicate-canvases';
import { idMinterFor } from '../../../shared/iiif/document/mint-ids';
import { sameJsonInOrder, type JsonArray, type JsonObject } from '../../../shared/iiif/json';
import {
  addCanvasPart,
  addCanvases,
  countRangeReferences,
  createRange,
  mergeWithNext,
  moveItem,
  moveItemTo,
  removeItem,
  renameRange,
  splitRange,
  structureView,
  wrapItems,
} from '../../../shared/iiif/structure';
import { BASE, book, canvas, canvasId, deepChain, range, ref } from './fixtures';

/** The tree as text: Ranges by name, canvases by number. */
function outline(doc: JsonObject): string {
  const view = structureView(doc);
  return view.nodes
    .map((n) => {
      const items = (n.json['items'] as JsonObject[])
        .filter((i) => i['type'] !== 'Range')
        .map((i) => String(i['id'] ?? (i['source'] as JsonObject)?.['id']).replace(`${BASE}/canvas/`, ''));
      return `${'-'.repeat(n.depth)}${String(n.range.id).replace(`${BASE}/range/`, '')}[${items.join(',')}]`;
    })
    .join(' ');
}

const start = () =>
  book(8, [
    range('a', [ref(1), ref(2), range('a1', [ref(3), ref(4)]), range('a2', [ref(5)])]),
    range('b', [ref(6)]),
  ]);

describe('range edits', () => {
  it('create a Range from canvases that are not contiguous, at the top or inside another', () => {
    const doc = start();
    const top = createRange(doc, {
      container: [],
      range: { id: `${BASE}/range/n`, label: 'New' },
      canvasIds: [canvasId(2), canvasId(7)],
    });
    expect(outline(top.doc)).toBe('-a[1,2] --a1[3,4] --a2[5] -b[6] -n[2,7]');
    expect(top.address).toEqual([2]);
    const child = createRange(doc, {
      container: [0],
      at: 0,
      range: { id: `${BASE}/range/c`, label: 'C' },
      canvasIds: [canvasId(8)],
    });
    expect(outline(child.doc)).toBe('-a[1,2] --c[8] --a1[3,4] --a2[5] -b[6]');
    // Untouched Ranges are the same objects, so they save exactly as they were read.
    expect((child.doc['structures'] as JsonObject[])[1]).toBe((doc['structures'] as JsonObject[])[1]);
    expect(doc).toEqual(start());
  });

  it('wraps siblings in a parent where the first stood', () => {
    const { doc, address } = wrapItems(
      start(),
      [
        [0, 3],
        [0, 2],
      ],
      { id: `${BASE}/range/w`, label: 'W' },
    );
    expect(outline(doc)).toBe('-a[1,2] --w[] ---a1[3,4] ---a2[5] -b[6]');
    expect(address).toEqual([0, 2]);
    expect(() => wrapItems(start(), [[0], [0, 2]], { id: 'x', label: 'x' })).toThrow(RangeError);
  });

  it('renames in the label language, and ignores an empty or unchanged name', () => {
    const doc = renameRange(start(), [0, 2], 'Chapter 1');
    expect(structureView(doc).nodes[1]?.json['label']).toEqual({ en: ['Chapter 1'] });
    expect(renameRange(doc, [0, 2], ' Chapter 1 ')).toBe(doc);
    expect(renameRange(doc, [0, 2], '  ')).toBe(doc);
  });

  it('splits at a canvas and merges back to the same tree', () => {
    const original = start();
    const split = splitRange(original, [0], 1, { id: `${BASE}/range/a-2`, label: 'a (2)' });
    expect(outline(split.doc)).toBe('-a[1] -a-2[2] --a1[3,4] --a2[5] -b[6]');
    expect(split.address).toEqual([1]);
    expect(splitRange(original, [0], 0, { id: 'x', label: 'x' }).doc).toBe(original);
    const merged = mergeWithNext(split.doc, [0]);
    expect(sameJsonInOrder(merged, original)).toBe(true);
    expect(mergeWithNext(original, [0, 3])).toBe(original);
  });

  it('moves ranges and canvas references up, down, in and out', () => {
    const doc = start();
    const up = moveItem(doc, [0, 3], 'up');
    expect(outline(up.doc)).toBe('-a[1,2] --a2[5] --a1[3,4] -b[6]');
    expect(up.address).toEqual([0, 2]);
    const down = moveItem(doc, [0, 1], 'down');
    expect(outline(down.doc)).toBe('-a[1,2] --a1[3,4] --a2[5] -b[6]');
    const into = moveItem(doc, [0, 3], 'in');
    expect(outline(into.doc)).toBe('-a[1,2] --a1[3,4] ---a2[5] -b[6]');
    expect(into.address).toEqual([0, 2, 2]);
    const out = moveItem(doc, [0, 2, 0], 'out');
    expect(outline(out.doc)).toBe('-a[1,2,3] --a1[4] --a2[5] -b[6]');
    expect(out.address).toEqual([0, 3]);
    const rangeOut = moveItem(doc, [0, 2], 'out');
    expect(outline(rangeOut.doc)).toBe('-a[1,2] --a2[5] -a1[3,4] -b[6]');
    expect(rangeOut.address).toEqual([1]);
    // A canvas reference may not stand directly in structures, and the first item cannot go up.
    expect(moveItem(doc, [0, 0], 'out').doc).toBe(doc);
    expect(moveItem(doc, [0, 0], 'up').doc).toBe(doc);
  });

  it('drags an item anywhere except into itself, and the address follows it', () => {
    const doc = start();
    const moved = moveItemTo(doc, [0, 0], [1], 1);
    expect(outline(moved.doc)).toBe('-a[2] --a1[3,4] --a2[5] -b[6,1]');
    expect(moved.address).toEqual([1, 1]);
    // Removing from an earlier sibling's list shifts the target's address.
    const b = moveItemTo(doc, [0], [1], 0);
    expect(outline(b.doc)).toBe('-b[6] --a[1,2] ---a1[3,4] ---a2[5]');
    expect(b.address).toEqual([0, 0]);
    // Inserting before the source in an ancestor list shifts the source.
    const up = moveItemTo(doc, [0, 2, 1], [0], 0);
    expect(outline(up.doc)).toBe('-a[4,1,2] --a1[3] --a2[5] -b[6]');
    expect(up.address).toEqual([0, 0]);
    expect(moveItemTo(doc, [0], [0, 2], 0).doc).toBe(doc);
    expect(moveItemTo(doc, [0, 0], [], 0).doc).toBe(doc);
    expect(moveItemTo(doc, [0, 0], [0], 1).doc).toBe(doc);
  });

  it('removes a Range with what it holds but not the canvases, and adds canvases and parts', () => {
    const doc = start();
    const removed = removeItem(doc, [0, 2]);
    expect(outline(removed)).toBe('-a[1,2] --a2[5] -b[6]');
    expect(removed['items']).toBe(doc['items']);
    const added = addCanvases(doc, [1], [canvasId(7), canvasId(8)], 0);
    expect(outline(added)).toBe('-a[1,2] --a1[3,4] --a2[5] -b[7,8,6]');
    const part = addCanvasPart(doc, [1], canvasId(2), '#xywh=10,20,30,40');
    expect((structureView(part).nodes[3]?.json['items'] as JsonObject[])[1]).toEqual({
      type: 'SpecificResource',
      source: { id: canvasId(2), type: 'Canvas' },
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 'xywh=10,20,30,40',
      },
    });
    expect(() => addCanvases(doc, [], [canvasId(1)])).toThrow(RangeError);
  });

  it('edits a Range 5,000 levels down', () => {
    const deep = deepChain(5000);
    const address = structureView(deep).nodes[4999]!.address;
    const renamed = renameRange(deep, address, 'Deepest');
    expect(structureView(renamed).nodes[4999]?.json['label']).toEqual({ en: ['Deepest'] });
    // Every Range on the way up is a new object (a change that an unchanged parent would hide).
    expect(structureView(renamed).nodes[0]?.json === structureView(deep).nodes[0]?.json).toBe(false);
  });
});

describe('canvas edits and the table of contents', () => {
  it('deleting canvases takes their references (whole and in part) out of every Range, and counts them', () => {
    const doc = book(6, [
      range('a', [ref(1), range('a1', [ref(2), `${canvasId(3)}#xywh=0,0,1,1`, ref(4)])]),
      range('b', [ref(5)]),
    ]);
    const gone = new Set([canvasId(3), canvasId(4)]);
    expect(countRangeReferences(doc['structures'] as JsonArray, gone)).toBe(2);
    const next = removeCanvases(doc, [2, 3]);
    expect(outline(next)).toBe('-a[1] --a1[2] -b[5]');
    expect((next['structures'] as JsonObject[])[1]).toBe((doc['structures'] as JsonObject[])[1]);
  });

  it('prunes 5,000 levels of nesting', () => {
    const next = removeCanvases({ ...deepChain(5000), items: [canvas(1), canvas(2)] }, [0]);
    expect(structureView(next).nodes[4999]?.totalCanvasRefs).toBe(0);
  });

  it('duplicating or reordering canvases leaves structures the very same object', () => {
    const doc = start();
    expect(moveCanvases(doc, [0, 1], 6)['structures']).toBe(doc['structures']);
    expect(reverseCanvases(doc)['structures']).toBe(doc['structures']);
    expect(duplicateCanvases(doc, [0, 4], idMinterFor(doc))['structures']).toBe(doc['structures']);
  });
});
