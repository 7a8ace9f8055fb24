/**
 * Where each canvas cell sits in the grid and list views, and which gap between cells a pointer is over.
 * Pure arithmetic on fixed-size cells: the virtualizer, the drop indicator and the drop handler all use these
 * functions, so what the indicator shows is exactly where a drop lands.
 *
 * A "gap" is a position between canvases, as moveCanvases() takes it: 0 before the first, `count` after the
 * last, k just before the canvas at k.
 */

export type CanvasViewMode = 'grid' | 'list';

export const THUMB_SIZE_MIN = 64;
export const THUMB_SIZE_MAX = 224;
export const THUMB_SIZE_STEP = 16;

/** Space around the cells inside the scroll container. */
export const GRID_PADDING = 8;

export interface GridMetrics {
  readonly mode: CanvasViewMode;
  readonly columns: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** The box the thumbnail is fitted into (object-fit: contain). */
  readonly thumbWidth: number;
  readonly thumbHeight: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Room for the label line and the cell's own padding, below or beside the thumbnail. */
const LABEL_HEIGHT = 22;
const CELL_PADDING = 8;

export function clampThumbSize(size: number): number {
  const stepped = Math.round(size / THUMB_SIZE_STEP) * THUMB_SIZE_STEP;
  return Math.min(THUMB_SIZE_MAX, Math.max(THUMB_SIZE_MIN, stepped));
}

/**
 * Cell sizes for a view. Grid cells hold portrait thumbnail boxes (most pages are) `thumbSize` wide; list
 * rows show a thumbnail half that size beside the label and span the container.
 */
export function gridMetrics(mode: CanvasViewMode, thumbSize: number, containerWidth: number): GridMetrics {
  const size = clampThumbSize(thumbSize);
  const inner = Math.max(0, containerWidth - 2 * GRID_PADDING);
  if (mode === 'list') {
    const thumbWidth = Math.round(size / 2);
    const thumbHeight = Math.round(size * 0.65);
    return {
      mode,
      columns: 1,
      cellWidth: Math.max(thumbWidth + 2 * CELL_PADDING, inner),
      cellHeight: thumbHeight + CELL_PADDING,
      thumbWidth,
      thumbHeight,
    };
  }
  const thumbHeight = Math.round(size * 1.3);
  const narrowest = size + 2 * CELL_PADDING;
  const columns = Math.max(1, Math.floor(inner / narrowest));
  return {
    mode,
    columns,
    // Spare width is shared out between the columns, so the grid fills the panel without a ragged gap.
    cellWidth: Math.max(narrowest, Math.floor(inner / columns)),
    cellHeight: thumbHeight + LABEL_HEIGHT + 2 * CELL_PADDING,
    thumbWidth: size,
    thumbHeight,
  };
}

export function rowCount(count: number, metrics: GridMetrics): number {
  return Math.ceil(count / metrics.columns);
}

export function rowOf(index: number, metrics: GridMetrics): number {
  return Math.floor(index / metrics.columns);
}

/** A cell's box in content coordinates (the scroll container's content, padding included). */
export function cellRect(index: number, metrics: GridMetrics): Rect {
  const row = Math.floor(index / metrics.columns);
  const column = index % metrics.columns;
  return {
    x: GRID_PADDING + column * metrics.cellWidth,
    y: GRID_PADDING + row * metrics.cellHeight,
    width: metrics.cellWidth,
    height: metrics.cellHeight,
  };
}

/** Total scrollable height of `count` cells. */
export function contentHeight(count: number, metrics: GridMetrics): number {
  return 2 * GRID_PADDING + rowCount(count, metrics) * metrics.cellHeight;
}

/**
 * The gap nearest a point in content coordinates: the near half of a cell means before it, the far half after.
 * Below the last row means the end; in a short last row, right of its last cell also means the end.
 */
export function gapAt(point: { x: number; y: number }, metrics: GridMetrics, count: number): number {
  if (count === 0) return 0;
  const rows = rowCount(count, metrics);
  const y = point.y - GRID_PADDING;
  if (y >= rows * metrics.cellHeight) return count;
  const row = clamp(Math.floor(y / metrics.cellHeight), 0, rows - 1);
  if (metrics.mode === 'list') {
    const within = (y - row * metrics.cellHeight) / metrics.cellHeight;
    return clamp(row + (within >= 0.5 ? 1 : 0), 0, count);
  }
  const x = point.x - GRID_PADDING;
  const column = clamp(Math.floor(x / metrics.cellWidth), 0, metrics.columns - 1);
  const within = (x - column * metrics.cellWidth) / metrics.cellWidth;
  return clamp(row * metrics.columns + column + (within >= 0.5 ? 1 : 0), 0, count);
}

/**
 * The drop indicator for a gap: a horizontal bar above the row in the list, a vertical bar at the left edge
 * of the cell in the grid (at the right edge of the last cell for the end of the list).
 */
export function indicatorRect(gap: number, metrics: GridMetrics, count: number): Rect {
  const thickness = 3;
  if (metrics.mode === 'list') {
    const y = GRID_PADDING + clamp(gap, 0, count) * metrics.cellHeight;
    return { x: GRID_PADDING, y: y - 1, width: metrics.cellWidth, height: thickness };
  }
  const atEnd = gap >= count && count > 0;
  const cell = cellRect(atEnd ? count - 1 : Math.max(0, gap), metrics);
  const x = atEnd ? cell.x + cell.width : cell.x;
  return { x: x - 1, y: cell.y + 4, width: thickness, height: cell.height - 8 };
}

/** The cell index a focus movement lands on, clamped to the list. */
export function stepIndex(
  from: number,
  step: 'previous' | 'next' | 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last',
  metrics: GridMetrics,
  count: number,
  visibleRows: number,
): number {
  if (count === 0) return -1;
  const page = Math.max(1, visibleRows - 1) * metrics.columns;
  const target = {
    previous: from - 1,
    next: from + 1,
    up: from - metrics.columns,
    down: from + metrics.columns,
    'page-up': from - page,
    'page-down': from + page,
    first: 0,
    last: count - 1,
  }[step];
  // Up from the first row or down from the last stays put, as in a spreadsheet, rather than jumping.
  if ((step === 'up' || step === 'down') && (target < 0 || target >= count)) {
    return step === 'down' && rowOf(from, metrics) < rowOf(count - 1, metrics) ? count - 1 : from;
  }
  return clamp(target, 0, count - 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
