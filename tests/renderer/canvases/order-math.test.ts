import { describe, expect, it } from 'vitest';
import { moveCanvases } from '../../../shared/iiif/document/canvas-edits';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  duplicateIndices,
  gapForStart,
  indexAfterMove,
  indexAfterRemoval,
  indicesOfObjects,
  landingIndices,
  shiftOrder,
  sortedIndices,
} from '../../../renderer/src/features/canvases/order-math';

function doc(length: number): JsonObject {
  return { type: 'Manifest', items: Array.from({ length }, (_, i) => ({ id: `c${i}` })) };
}
function idsOf(d: JsonObject): string[] {
  return (d['items'] as JsonObject[]).map((c) => c['id'] as string);
}

/** A small deterministic pseudo-random sequence, so the exhaustive checks are repeatable. */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x / 2147483648;
  }
}

describe('where moved canvases land', () => {
  it('agrees with moveCanvases for every selection and gap in a short list', () => {
    const random = numbers(7);
    for (let trial = 0; trial < 400; trial += 1) {
      const length = 1 + Math.floor((random.next().value as number) * 12);
      const selected = sortedIndices(
        Array.from({ length: 1 + Math.floor((random.next().value as number) * length) }, () =>
          Math.floor((random.next().value as number) * length),
        ),
        length,
      );
      const gap = Math.floor((random.next().value as number) * (length + 1));
      const before = idsOf(doc(length));
      const after = idsOf(moveCanvases(doc(length), selected, gap));
      expect(landingIndices(selected, gap).map((i) => after[i])).toEqual(selected.map((i) => before[i]));
      for (let i = 0; i < length; i += 1) expect(after[indexAfterMove(i, selected, gap)]).toBe(before[i]);
    }
  });

  it('finds the gap that puts the moved block at a given position, for every start', () => {
    const length = 10;
    for (const selected of [[0], [9], [2, 3, 4], [1, 5, 8], [0, 9]]) {
      for (let start = 0; start <= length - selected.length; start += 1) {
        const gap = gapForStart(selected, start, length);
        expect(landingIndices(selected, gap)[0]).toBe(start);
      }
      // Past the end is clamped so the block still fits.
      expect(landingIndices(selected, gapForStart(selected, 99, length))[0]).toBe(length - selected.length);
    }
  });
});

describe('moving each selected canvas one place', () => {
  it('moves a canvas down three places in three steps', () => {
    let selected = [2];
    let ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let step = 0; step < 3; step += 1) {
      const shifted = shiftOrder(selected, 1, ids.length);
      ids = (shifted.order as number[]).map((old) => ids[old] as string);
      selected = shifted.selected;
    }
    expect(ids).toEqual(['a', 'b', 'd', 'e', 'f', 'c']);
    expect(selected).toEqual([5]);
  });

  it('keeps the gaps between selected canvases and stops them at the edges', () => {
    expect(shiftOrder([1, 3], -1, 5)).toEqual({ order: [1, 0, 3, 2, 4], selected: [0, 2] });
    // The first is against the start: it stays, the other still moves up to meet it.
    expect(shiftOrder([0, 2], -1, 4)).toEqual({ order: [0, 2, 1, 3], selected: [0, 1] });
    expect(shiftOrder([0, 1], -1, 4)).toEqual({ order: null, selected: [0, 1] });
    expect(shiftOrder([3], 1, 4)).toEqual({ order: null, selected: [3] });
  });
});

describe('other index helpers', () => {
  it('puts copies right after their originals', () => {
    expect(duplicateIndices([0, 3, 4])).toEqual([1, 5, 7]);
  });

  it('puts the cursor on the canvas after the first removed one, or the last one left', () => {
    expect(indexAfterRemoval([2, 3], 10)).toBe(2);
    expect(indexAfterRemoval([8, 9], 10)).toBe(7);
    expect(indexAfterRemoval([0, 1], 2)).toBeNull();
  });

  it('finds objects by identity, in list order', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const twin = { id: 'a' };
    expect(indicesOfObjects([b, twin, a], [a, b])).toEqual([0, 2]);
  });
});
