/**
 * How a reader's viewer lays a manifest out (Presentation 3 §3.2 behavior and viewingDirection):
 * - `individuals` (and `unordered`, and no behavior at all): one canvas at a time;
 * - `paged`: openings of two facing pages, the first canvas (the front cover, a recto) alone; a canvas marked
 *   `facing-pages` is already a whole opening and stands alone; `non-paged` canvases are left out;
 * - `continuous`: every canvas in one strip (a scroll);
 * and within an opening or strip, the first canvas in reading order goes on the left (left-to-right), on the
 * right (right-to-left), at the top (top-to-bottom) or at the bottom (bottom-to-top).
 * A `sequence` Range (an alternative reading order) replaces the manifest's order with its own canvases.
 * Pure, so the rules are unit-tested; the preview turns the result into a scene for the viewer.
 *
 * Canvases are given by raw index (canvasesByIndex in shared/iiif/canvases.ts): index N is `items[N]`, as in
 * the editor's grid, focus and a range's canvases; an item that is not a canvas is an undefined place, skipped.
 */
import type { JsonObject } from '../../../../shared/iiif/json';
import { canvasSize } from '../../../../shared/iiif/document/painted-items';
import { asArray } from '../../../../shared/iiif/fields';
import type { SceneCanvas } from '../viewer/scene';

export type Layout = 'individuals' | 'paged' | 'continuous';
export type ViewingDirection = 'left-to-right' | 'right-to-left' | 'top-to-bottom' | 'bottom-to-top';

export interface ReadingOrder {
  readonly layout: Layout;
  readonly direction: ViewingDirection;
  /** Canvas indices (places in `items`) per view (an opening, a single page, or the whole strip), in reading order. */
  readonly views: readonly (readonly number[])[];
}

const DIRECTIONS: readonly ViewingDirection[] = [
  'left-to-right',
  'right-to-left',
  'top-to-bottom',
  'bottom-to-top',
];

function behaviors(resource: JsonObject): readonly string[] {
  return asArray(resource['behavior']).filter((b): b is string => typeof b === 'string');
}

export function layoutOf(manifest: JsonObject): Layout {
  const list = behaviors(manifest);
  if (list.includes('paged')) return 'paged';
  if (list.includes('continuous')) return 'continuous';
  return 'individuals';
}

export function directionOf(manifest: JsonObject): ViewingDirection {
  const value = manifest['viewingDirection'];
  return DIRECTIONS.find((d) => d === value) ?? 'left-to-right';
}

/** The canvases by raw index; undefined where an item of `items` is not a canvas. */
export type IndexedCanvases = readonly (JsonObject | undefined)[];

/** The indices of the places of `canvases` that hold a canvas, in manifest order. */
export function canvasIndices(canvases: IndexedCanvases): number[] {
  return canvases.flatMap((canvas, index) => (canvas ? [index] : []));
}

/**
 * Openings of a paged book: [0], [1, 2], [3, 4]…, with facing-pages canvases alone and non-paged ones left out.
 * `order` is the canvases to read, by index (default: all, in manifest order).
 */
export function pagedViews(
  canvases: IndexedCanvases,
  order: readonly number[] = canvasIndices(canvases),
): number[][] {
  const views: number[][] = [];
  let pending: number[] = [];
  const flush = () => {
    if (pending.length > 0) views.push(pending);
    pending = [];
  };
  order.forEach((index) => {
    const canvas = canvases[index];
    if (canvas === undefined) return;
    const list = behaviors(canvas);
    if (list.includes('non-paged')) return;
    if (list.includes('facing-pages')) {
      flush();
      views.push([index]);
      return;
    }
    if (views.length === 0 && pending.length === 0) {
      // The first page is a recto: it faces nothing.
      views.push([index]);
      return;
    }
    pending.push(index);
    if (pending.length === 2) flush();
  });
  flush();
  return views;
}

/** The views of `manifest`, reading `sequence` (canvas indices, e.g. a `sequence` Range's) when given. */
export function readingOrder(
  manifest: JsonObject,
  canvases: IndexedCanvases,
  sequence?: readonly number[],
): ReadingOrder {
  const layout = layoutOf(manifest);
  const direction = directionOf(manifest);
  const all = sequence ? sequence.filter((index) => canvases[index] !== undefined) : canvasIndices(canvases);
  const views =
    layout === 'paged'
      ? pagedViews(canvases, all)
      : layout === 'continuous'
        ? all.length > 0
          ? [all]
          : []
        : all.map((index) => [index]);
  return { layout, direction, views };
}

/**
 * Index of the view showing `canvasIndex`; when no view shows it, the nearest earlier one in manifest order
 * (a non-paged canvas), or the first.
 */
export function viewOfCanvas(order: ReadingOrder, canvasIndex: number): number {
  const exact = order.views.findIndex((view) => view.includes(canvasIndex));
  if (exact >= 0) return exact;
  let found = 0;
  order.views.forEach((view, index) => {
    if (view.some((c) => c <= canvasIndex)) found = index;
  });
  return found;
}

/** World gap between canvases of an opening or strip, as a fraction of the common height (or width). */
const GAP = 0.02;

/**
 * Places the canvases of one view: side by side at a common height (horizontal directions) or stacked at a
 * common width (vertical ones), the first in reading order where the direction says.
 */
export function layoutView(
  canvases: IndexedCanvases,
  view: readonly number[],
  direction: ViewingDirection,
  gap = GAP,
): SceneCanvas[] {
  const horizontal = direction === 'left-to-right' || direction === 'right-to-left';
  const reversed = direction === 'right-to-left' || direction === 'bottom-to-top';
  const visual = reversed ? [...view].reverse() : [...view];
  const placed: SceneCanvas[] = [];
  // Common height 1000 (horizontal) or width 1000 (vertical) world units.
  const common = 1000;
  let along = 0;
  for (const index of visual) {
    const canvas = canvases[index];
    if (!canvas) continue;
    const size = canvasSize(canvas);
    const scale = horizontal ? common / size.height : common / size.width;
    placed.push({
      key: `canvas-${index}`,
      canvas,
      x: horizontal ? along : 0,
      y: horizontal ? 0 : along,
      scale,
    });
    along += (horizontal ? size.width : size.height) * scale + gap * common;
  }
  return placed;
}
