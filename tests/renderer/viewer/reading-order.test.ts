import { describe, expect, it } from 'vitest';
import { canvasAt, canvasesByIndex } from '../../../shared/iiif/canvases';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  layoutView,
  pagedViews,
  readingOrder,
  viewOfCanvas,
} from '../../../renderer/src/features/preview/reading-order';

const page = (n: number, behavior?: string[], width = 1000, height = 1500): JsonObject => ({
  id: `https://e.org/c${n}`,
  type: 'Canvas',
  width,
  height,
  ...(behavior ? { behavior } : {}),
});
const pages = (count: number) => Array.from({ length: count }, (_, i) => page(i));

describe('how a reader lays out a manifest', () => {
  it('numbers canvases as items[N], an item that is not a canvas keeping its place', () => {
    const manifest: JsonObject = { type: 'Manifest', behavior: ['paged'], items: ['stray', ...pages(4)] };
    const canvases = canvasesByIndex(manifest);
    canvases.forEach((canvas, index) => expect(canvas ?? null).toBe(canvasAt(manifest, index)));
    expect(readingOrder(manifest, canvases).views).toEqual([[1], [2, 3], [4]]);
    expect(readingOrder({ ...manifest, behavior: [] }, canvases, [3, 0, 1]).views).toEqual([[3], [1]]);
    expect(layoutView(canvases, [0, 2], 'left-to-right').map((placed) => placed.canvas)).toEqual([
      canvasAt(manifest, 2),
    ]);
  });

  it('paged: the first page alone, then openings of two, the last one possibly alone', () => {
    expect(pagedViews(pages(5))).toEqual([[0], [1, 2], [3, 4]]);
    expect(pagedViews(pages(6))).toEqual([[0], [1, 2], [3, 4], [5]]);
  });

  it('paged: facing-pages canvases stand alone and non-paged ones are left out', () => {
    const book = [page(0), page(1), page(2, ['facing-pages']), page(3), page(4, ['non-paged']), page(5)];
    expect(pagedViews(book)).toEqual([[0], [1], [2], [3, 5]]);
  });

  it('reads behavior and viewingDirection, with individuals and left-to-right as defaults', () => {
    const canvases = pages(3);
    expect(readingOrder({ type: 'Manifest', items: canvases }, canvases)).toEqual({
      layout: 'individuals',
      direction: 'left-to-right',
      views: [[0], [1], [2]],
    });
    const strip = readingOrder({ behavior: ['continuous'], viewingDirection: 'top-to-bottom' }, canvases);
    expect(strip).toEqual({ layout: 'continuous', direction: 'top-to-bottom', views: [[0, 1, 2]] });
    expect(readingOrder({ behavior: ['paged'], viewingDirection: 'sideways' }, canvases).direction).toBe(
      'left-to-right',
    );
  });

  it('finds the view that shows a canvas', () => {
    const order = readingOrder({ behavior: ['paged'] }, pages(5));
    expect(viewOfCanvas(order, 0)).toBe(0);
    expect(viewOfCanvas(order, 2)).toBe(1);
    expect(viewOfCanvas(order, 4)).toBe(2);
  });
});

describe('placing the canvases of a view', () => {
  const canvases = [page(0, undefined, 1000, 1500), page(1, undefined, 2000, 3000)];

  it('left to right: the first page on the left, pages at a common height', () => {
    const [first, second] = layoutView(canvases, [0, 1], 'left-to-right');
    expect(first?.key).toBe('canvas-0');
    expect(second?.key).toBe('canvas-1');
    expect(first?.x).toBe(0);
    expect((second?.x ?? 0) > 0).toBe(true);
    expect((first?.scale ?? 0) * 1500).toBeCloseTo((second?.scale ?? 0) * 3000);
  });

  it('right to left: the first page in reading order on the right', () => {
    const placed = layoutView(canvases, [0, 1], 'right-to-left');
    const byKey = Object.fromEntries(placed.map((p) => [p.key, p.x]));
    expect(byKey['canvas-0']).toBeGreaterThan(byKey['canvas-1'] as number);
  });

  it('top to bottom: stacked at a common width', () => {
    const [first, second] = layoutView(canvases, [0, 1], 'top-to-bottom');
    expect(first?.y).toBe(0);
    expect(second?.x).toBe(0);
    expect((second?.y ?? 0) > 0).toBe(true);
  });
});

describe('an alternative reading order (a sequence Range)', () => {
  it('reads only the sequence, in its order, one page at a time, in openings or as a strip', () => {
    const canvases = pages(6);
    expect(readingOrder({}, canvases, [4, 1, 3]).views).toEqual([[4], [1], [3]]);
    expect(readingOrder({ behavior: ['paged'] }, canvases, [5, 0, 1, 2]).views).toEqual([[5], [0, 1], [2]]);
    expect(readingOrder({ behavior: ['continuous'] }, canvases, [2, 0, 9]).views).toEqual([[2, 0]]);
  });

  it('finds the view that shows a canvas wherever the sequence put it', () => {
    const order = readingOrder({}, pages(6), [4, 1, 3]);
    expect(viewOfCanvas(order, 1)).toBe(1);
    expect(viewOfCanvas(order, 3)).toBe(2);
  });
});
