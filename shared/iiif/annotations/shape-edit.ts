/**
 * The geometry of drawing on the viewer, pure so it is tested without a pointer: shapes made from what a pointer
 * produced (rounded to whole canvas pixels, as people expect to read them back), and the moves and resizes the
 * select tool and the keyboard apply. Everything works in canvas pixels; a box written in percent is converted
 * for the gesture and written back in percent, so a publisher's unit survives an edit.
 */
import { boundsOf, type Point } from './svg-shape';
import type { Geometry } from './target-shape';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** What the drawing layer draws and edits: every geometry that has a place on the canvas. */
export type DrawnGeometry = Extract<Geometry, { kind: 'box' | 'point' | 'polygon' }>;

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function isDrawn(geometry: Geometry): geometry is DrawnGeometry {
  return geometry.kind === 'box' || geometry.kind === 'point' || geometry.kind === 'polygon';
}

const round = (value: number) => Math.round(value);
/** Percent values keep two decimals: enough for any canvas under 10,000 px to land on a pixel. */
const roundPercent = (value: number) => Math.round(value * 100) / 100;

/** A box spanned by two corners in any order. */
export function boxFromCorners(a: Point, b: Point): DrawnGeometry {
  const x = round(Math.min(a[0], b[0]));
  const y = round(Math.min(a[1], b[1]));
  return {
    kind: 'box',
    unit: 'pixel',
    x,
    y,
    w: round(Math.max(a[0], b[0])) - x,
    h: round(Math.max(a[1], b[1])) - y,
  };
}

export function pointAt(at: Point): DrawnGeometry {
  return { kind: 'point', x: round(at[0]), y: round(at[1]) };
}

/**
 * A polygon from clicked vertices or a freehand trace: rounded, with points closer than `minDistance` to the last
 * kept one dropped (a freehand stroke yields one point per pointer event; most say nothing). Undefined when fewer
 * than three distinct points remain: not an outline.
 */
export function polygonFrom(points: readonly Point[], minDistance = 0): DrawnGeometry | undefined {
  const kept: Point[] = [];
  for (const [px, py] of points) {
    const p: Point = [round(px), round(py)];
    const last = kept[kept.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) <= minDistance) continue;
    kept.push(p);
  }
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (kept.length > 3 && first && last && first[0] === last[0] && first[1] === last[1]) kept.pop();
  return kept.length >= 3 ? { kind: 'polygon', points: kept } : undefined;
}

/** The geometry in canvas pixels (a percent box converted with the canvas size). */
export function inPixels(geometry: DrawnGeometry, size: Size): DrawnGeometry {
  if (geometry.kind !== 'box' || geometry.unit === 'pixel') return geometry;
  return {
    kind: 'box',
    unit: 'pixel',
    x: (geometry.x * size.width) / 100,
    y: (geometry.y * size.height) / 100,
    w: (geometry.w * size.width) / 100,
    h: (geometry.h * size.height) / 100,
  };
}

/** A pixel geometry written in the unit of `like` (percent boxes stay percent), rounded. */
export function inUnitOf(like: DrawnGeometry, pixels: DrawnGeometry, size: Size): DrawnGeometry {
  if (pixels.kind === 'box') {
    if (like.kind === 'box' && like.unit === 'percent')
      return {
        kind: 'box',
        unit: 'percent',
        x: roundPercent((pixels.x * 100) / size.width),
        y: roundPercent((pixels.y * 100) / size.height),
        w: roundPercent((pixels.w * 100) / size.width),
        h: roundPercent((pixels.h * 100) / size.height),
      };
    return { ...pixels, x: round(pixels.x), y: round(pixels.y), w: round(pixels.w), h: round(pixels.h) };
  }
  if (pixels.kind === 'point') return pointAt([pixels.x, pixels.y]);
  return { kind: 'polygon', points: pixels.points.map(([x, y]) => [round(x), round(y)] as Point) };
}

/** The smallest box around a pixel geometry (a point is a box of no size). */
export function boundsOfGeometry(geometry: DrawnGeometry): Bounds {
  if (geometry.kind === 'box') return { x: geometry.x, y: geometry.y, w: geometry.w, h: geometry.h };
  if (geometry.kind === 'point') return { x: geometry.x, y: geometry.y, w: 0, h: 0 };
  return boundsOf(geometry.points);
}

export function moveGeometry(geometry: DrawnGeometry, dx: number, dy: number): DrawnGeometry {
  switch (geometry.kind) {
    case 'box':
      return { ...geometry, x: geometry.x + dx, y: geometry.y + dy };
    case 'point':
      return { ...geometry, x: geometry.x + dx, y: geometry.y + dy };
    default:
      return { kind: 'polygon', points: geometry.points.map(([x, y]) => [x + dx, y + dy] as Point) };
  }
}

/**
 * The geometry stretched so its bounds become `to` (a box takes them; a polygon's vertices scale about its
 * bounds; a point has no size and only moves). Sides never go below one pixel, so a shape cannot vanish.
 */
export function resizeGeometry(geometry: DrawnGeometry, to: Bounds): DrawnGeometry {
  const w = Math.max(1, to.w);
  const h = Math.max(1, to.h);
  if (geometry.kind === 'box') return { ...geometry, x: to.x, y: to.y, w, h };
  if (geometry.kind === 'point') return { ...geometry, x: to.x, y: to.y };
  const from = boundsOf(geometry.points);
  const sx = from.w === 0 ? 1 : w / from.w;
  const sy = from.h === 0 ? 1 : h / from.h;
  return {
    kind: 'polygon',
    points: geometry.points.map(([x, y]) => [to.x + (x - from.x) * sx, to.y + (y - from.y) * sy] as Point),
  };
}

/** Bounds grown (or shrunk) by dw, dh from the bottom-right corner: what Shift+arrows do. */
export function growBounds(bounds: Bounds, dw: number, dh: number): Bounds {
  return { ...bounds, w: Math.max(1, bounds.w + dw), h: Math.max(1, bounds.h + dh) };
}
