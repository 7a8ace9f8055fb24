import { describe, expect, it } from 'vitest';
import { treeCommandFor, typeAheadMatch } from '../../../renderer/src/features/structure/tree-keys';
import { treeRows } from '../../../renderer/src/features/structure/tree-rows';
import { removeCanvases } from '../../../shared/iiif/document/canvas-edits';
import { moveItem, removeItem } from '../../../shared/iiif/structure';
import { BASE, book, canvasId, deepChain, range, ref } from '../../shared/structure/fixtures';

const doc = book(4, [
  range('a', [ref(1), range('a1', [ref(2), `${canvasId(3)}#xywh=0,0,5,5`]), { id: 'x', type: 'Manifest' }]),
  range('b', [{ id: `${BASE}/range/far`, type: 'Range' }, ref(9)]),
]);

describe('treeRows', () => {
  it('lists Ranges and their items in reading order with level, set size, counts and canvas indices', () => {
    const rows = treeRows(doc, new Set(), []);
    expect(rows.map((r) => [r.key, r.level, r.setSize, r.kind, r.label, r.count, r.canvasIndex])).toEqual([
      ['0', 1, 2, 'range', 'a', 3, null],
      ['0.0', 2, 3, 'canvas', 'p. 1', 0, 0],
      ['0.1', 2, 3, 'range', 'a1', 2, null],
      ['0.1.0', 3, 2, 'canvas', 'p. 2', 0, 1],
      ['0.1.1', 3, 2, 'part', 'p. 3 (xywh=0,0,5,5)', 0, 2],
      ['0.2', 2, 3, 'unknown', 'Unknown item (kept as it is)', 0, null],
      ['1', 1, 2, 'range', 'b', 1, null],
      ['1.0', 2, 2, 'range-ref', `${BASE}/range/far`, 0, null],
      ['1.1', 2, 2, 'canvas', 'missing canvas', 0, null],
    ]);
    expect(rows[0]).toMatchObject({ expandable: true, expanded: true });
  });

  it('hides what a collapsed Range holds', () => {
    const rows = treeRows(doc, new Set([`${BASE}/range/a1`]), []);
    expect(rows.map((r) => r.key)).toEqual(['0', '0.0', '0.1', '0.2', '1', '1.0', '1.1']);
    expect(rows[2]).toMatchObject({ expandable: true, expanded: false });
  });

  // Each row carries its full address, so a 5,000-deep chain costs quadratic memory and seconds on a loaded
  // machine: the ceiling is for that, not a speed claim (real tables of contents are a few levels deep).
  it('lists 5,000 levels without recursion', () => {
    expect(treeRows(deepChain(5000), new Set(), [])).toHaveLength(5001);
  }, 60_000);
});

describe('tree keys', () => {
  const key = (k: string, altKey = false) => ({ key: k, altKey, ctrlKey: false, metaKey: false });
  it('maps the ARIA tree keys and the moves', () => {
    expect(treeCommandFor(key('ArrowDown'))).toEqual({ kind: 'cursor', to: 'next' });
    expect(treeCommandFor(key('ArrowRight'))).toEqual({ kind: 'expand' });
    expect(treeCommandFor(key('ArrowLeft', true))).toEqual({ kind: 'move', direction: 'out' });
    expect(treeCommandFor(key('F2'))).toEqual({ kind: 'rename' });
    expect(treeCommandFor(key('c'))).toEqual({ kind: 'type', char: 'c' });
    expect(treeCommandFor({ ...key('z'), ctrlKey: true })).toBeNull();
  });

  it('finds the next label by prefix, wrapping round', () => {
    const labels = ['Chapter 1', 'p. 1', 'Chapter 2', 'Appendix'];
    expect(typeAheadMatch(labels, 0, 'c')).toBe(2);
    expect(typeAheadMatch(labels, 2, 'c')).toBe(0);
    expect(typeAheadMatch(labels, 0, 'app')).toBe(3);
    expect(typeAheadMatch(labels, 0, 'zz')).toBeNull();
  });
});

describe('treeRows after edits', () => {
  const start = book(6, [
    range('p1', [range('c1', [ref(1), ref(2)]), range('c2', [ref(3)])]),
    range('p2', [range('c3', [ref(4), ref(5)])]),
    range('p3', [ref(6)]),
  ]);
  // The panel's collapsed set is one object until it changes.
  const none = new Set<string>();
  const fresh = (d: typeof start) => treeRows(structuredClone(d), new Set(), ['en']);
  const shape = (rows: ReturnType<typeof treeRows>) =>
    rows.map((r) => [r.key, r.level, r.setSize, r.label, r.count, r.canvasIndex, r.collapseKey]);

  it('gives after every edit the rows a fresh build gives, reusing the rows of Ranges the edit left alone', () => {
    const before = treeRows(start, none, ['en']);
    const moved = moveItem(start, [0, 0], 'down').doc;
    const after = treeRows(moved, none, ['en']);
    expect(shape(after)).toEqual(shape(fresh(moved)));
    // p2's and p3's rows are the same objects: nothing of theirs changed.
    const c3 = (rows: typeof before) => rows.find((r) => r.label === 'c3');
    expect(c3(after)).toBe(c3(before));

    // Removing p1 shifts p2 to address 0: its rows are built again, with the new keys.
    const removed = removeItem(moved, [0]);
    expect(shape(treeRows(removed, none, ['en']))).toEqual(shape(fresh(removed)));
    // Deleting a canvas changes the canvas list: labels and indexes are read again.
    const deleted = removeCanvases(removed, [0]);
    expect(shape(treeRows(deleted, none, ['en']))).toEqual(shape(fresh(deleted)));
    // Collapsing is a new set: the rows follow it.
    const collapsed = new Set([`${BASE}/range/c3`]);
    expect(shape(treeRows(deleted, collapsed, ['en']))).toEqual(
      shape(treeRows(structuredClone(deleted), collapsed, ['en'])),
    );
  });
});
