import { describe, expect, it } from 'vitest';
import {
  canvasIdsInAnyRange,
  canvasIdsInRange,
  classifyRangeItem,
  nodeAt,
  structureView,
} from '../../../shared/iiif/structure';
import { BASE, book, canvasId, deepChain, range, ref } from './fixtures';

describe('structureView', () => {
  const doc = book(6, [
    range('a', [ref(1), range('a1', [ref(2), `${canvasId(3)}#xywh=0,0,10,10`]), range('a2', [ref(4)])]),
    range('b', [{ id: `${BASE}/range/elsewhere`, type: 'Range' }, ref(5)]),
  ]);

  it('lists every Range in document order with depth, parent, address and counts', () => {
    const view = structureView(doc);
    expect(
      view.nodes.map((n) => [n.range.id.split('/').pop(), n.depth, n.parent, n.address.join('.')]),
    ).toEqual([
      ['a', 1, -1, '0'],
      ['a1', 2, 0, '0.1'],
      ['a2', 2, 0, '0.2'],
      ['b', 1, -1, '1'],
      ['elsewhere', 2, 3, '1.0'],
    ]);
    expect(view.countsByDepth).toEqual([2, 3]);
    expect(view.nodes.map((n) => [n.ownCanvasRefs, n.totalCanvasRefs])).toEqual([
      [1, 4],
      [2, 2],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(view.nodes[4]?.full).toBe(false);
    expect(nodeAt(view, [0, 2])?.range.id).toBe(`${BASE}/range/a2`);
    expect(nodeAt(view, [0, 0])).toBeUndefined();
  });

  it('reads the canvases of a Range in reading order, and those in no Range', () => {
    const view = structureView(doc);
    expect(canvasIdsInRange(view.nodes[0]!)).toEqual([1, 2, 3, 4].map(canvasId));
    expect([...canvasIdsInAnyRange(doc)].sort()).toEqual([1, 2, 3, 4, 5].map(canvasId).sort());
  });

  it('walks 5,000 levels of nesting without overflowing the stack', () => {
    const deep = deepChain(5000);
    const view = structureView(deep);
    expect(view.nodes).toHaveLength(5000);
    expect(view.countsByDepth).toHaveLength(5000);
    expect(view.nodes[0]?.totalCanvasRefs).toBe(1);
    expect(canvasIdsInRange(view.nodes[0]!)).toEqual([canvasId(1)]);
  });
});

describe('classifyRangeItem', () => {
  it('tells canvases, parts, ranges, references and unknown items apart', () => {
    expect(classifyRangeItem(ref(1))).toEqual({ kind: 'canvas', canvasId: canvasId(1) });
    expect(classifyRangeItem(canvasId(2))).toEqual({ kind: 'canvas', canvasId: canvasId(2) });
    expect(classifyRangeItem({ id: `${canvasId(1)}#t=5,10`, type: 'Canvas' })).toEqual({
      kind: 'part',
      canvasId: canvasId(1),
      fragment: 't=5,10',
      selector: undefined,
    });
    expect(
      classifyRangeItem({
        type: 'SpecificResource',
        source: { id: canvasId(3), type: 'Canvas' },
        selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' },
      }),
    ).toMatchObject({ kind: 'part', canvasId: canvasId(3), fragment: 'xywh=1,2,3,4' });
    const svg = { type: 'SvgSelector', value: '<svg/>' };
    expect(classifyRangeItem({ type: 'SpecificResource', source: canvasId(4), selector: svg })).toEqual({
      kind: 'part',
      canvasId: canvasId(4),
      fragment: undefined,
      selector: svg,
    });
    expect(classifyRangeItem({ id: 'x', type: 'Range' })).toEqual({ kind: 'range-ref', rangeId: 'x' });
    expect(classifyRangeItem({ id: 'x', type: 'Range', items: [] }).kind).toBe('range');
    expect(classifyRangeItem({ id: 'x', type: 'Manifest' }).kind).toBe('unknown');
    expect(classifyRangeItem(42).kind).toBe('unknown');
  });
});
