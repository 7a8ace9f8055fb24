/**
 * Rectangles on a canvas while composing: moving, resizing from a corner with the image's proportions kept,
 * quarter turns, fitting a new image in, and keeping everything on the canvas. Targets are kept in the
 * proportions of what they show because a viewer cannot stretch an image (OpenSeadragon scales uniformly), so
 * what the user sees while composing is what any viewer will show. Pure, unit-tested.
 */
import type { Rect, Size } from '../../../../shared/iiif/image-api/image-selectors';
import type { Point } from '../viewer/placement';

export type Corner = 'nw' | 'ne' | 'sw' | 'se';

/** Smallest side a target may have, in canvas pixels: small enough to place a detail, big enough to grab. */
export const MIN_SIDE = 8;

export function moveBy(rect: Rect, dx: number, dy: number): Rect {
  return { ...rect, x: rect.x + dx, y: rect.y + dy };
}

/**
 * Resizes `start` by dragging `corner` to `pointer`; the opposite corner stays put and the proportions of
 * `start` are kept (the width follows the pointer unless the pointer moved further vertically).
 */
export function resizeFromCorner(start: Rect, corner: Corner, pointer: Point): Rect {
  const aspect = start.width / start.height;
  const anchor = {
    x: corner.includes('w') ? start.x + start.width : start.x,
    y: corner.includes('n') ? start.y + start.height : start.y,
  };
  const byWidth = Math.abs(pointer.x - anchor.x);
  const byHeight = Math.abs(pointer.y - anchor.y) * aspect;
  const width = Math.max(MIN_SIDE * Math.max(1, aspect), Math.max(byWidth, byHeight));
  const height = width / aspect;
  return {
    x: corner.includes('w') ? anchor.x - width : anchor.x,
    y: corner.includes('n') ? anchor.y - height : anchor.y,
    width,
    height,
  };
}

/** A quarter turn of what a target shows: width and height swap about the same centre. */
export function turnQuarter(rect: Rect): Rect {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return { x: cx - rect.height / 2, y: cy - rect.width / 2, width: rect.height, height: rect.width };
}

/** The largest rectangle of the given proportions that fits the canvas, centred. */
export function fitInside(aspect: number, canvas: Size): Rect {
  const width = Math.min(canvas.width, canvas.height * aspect);
  const height = width / aspect;
  return { x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width, height };
}

/**
 * On the canvas, in whole pixels (`#xywh=` takes non-negative integers): shrunk, proportions kept, when larger
 * than the canvas, then moved back inside.
 */
export function clampToCanvas(rect: Rect, canvas: Size): Rect {
  const shrink = Math.min(1, canvas.width / rect.width, canvas.height / rect.height);
  const width = Math.max(1, Math.round(rect.width * shrink));
  const height = Math.max(1, Math.round(rect.height * shrink));
  const x = Math.round(Math.min(Math.max(rect.x, 0), canvas.width - width));
  const y = Math.round(Math.min(Math.max(rect.y, 0), canvas.height - height));
  return { x, y, width, height };
}

/** A numeric edit of one side with the proportions kept: the other side follows. */
export function withSide(rect: Rect, side: 'width' | 'height', value: number): Rect {
  const aspect = rect.width / rect.height;
  return side === 'width'
    ? { ...rect, width: value, height: value / aspect }
    : { ...rect, height: value, width: value * aspect };
}

/** The rectangle spanned by two points, whichever way the pointer went. */
export function spanned(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
