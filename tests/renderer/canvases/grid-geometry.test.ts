import { describe, expect, it } from 'vitest';
import {
  cellRect,
  clampThumbSize,
  gapAt,
  GRID_PADDING,
  gridMetrics,
  indicatorRect,
  stepIndex,
} from '../../../renderer/src/features/canvases/grid-geometry';

describe('grid geometry', () => {
  const grid = gridMetrics('grid', 112, 2 * GRID_PADDING + 4 * 128 + 10);
  const list = gridMetrics('list', 112, 300);

  it('fits as many columns as the width allows and shares out the spare pixels', () => {
    expect(grid.columns).toBe(4);
    expect(grid.cellWidth).toBe(Math.floor((4 * 128 + 10) / 4));
    expect(list.columns).toBe(1);
    expect(gridMetrics('grid', 112, 0).columns).toBe(1);
  });

  it('keeps thumbnail sizes on the slider steps', () => {
    expect(clampThumbSize(10)).toBe(64);
    expect(clampThumbSize(1000)).toBe(224);
    expect(clampThumbSize(119)).toBe(112);
  });

  it('maps a pointer to the gap before or after the cell under it', () => {
    const cell = cellRect(5, grid); // row 1, column 1
    const y = cell.y + cell.height / 2;
    expect(gapAt({ x: cell.x + 5, y }, grid, 100)).toBe(5);
    expect(gapAt({ x: cell.x + cell.width - 5, y }, grid, 100)).toBe(6);
    // Above everything: the start; below the last row or right of a short last row: the end.
    expect(gapAt({ x: 0, y: 0 }, grid, 100)).toBe(0);
    expect(gapAt({ x: 5, y: 1e7 }, grid, 100)).toBe(100);
    const last = cellRect(9, grid); // row 2, column 1 of a 10-canvas grid
    expect(gapAt({ x: 2000, y: last.y + 10 }, grid, 10)).toBe(10);
    const row = cellRect(3, list);
    expect(gapAt({ x: 10, y: row.y + 2 }, list, 10)).toBe(3);
    expect(gapAt({ x: 10, y: row.y + row.height - 2 }, list, 10)).toBe(4);
  });

  it('draws the indicator where the gap is', () => {
    expect(indicatorRect(5, grid, 100).x).toBe(cellRect(5, grid).x - 1);
    const end = cellRect(9, grid);
    expect(indicatorRect(10, grid, 10).x).toBe(end.x + end.width - 1);
    expect(indicatorRect(3, list, 10).y).toBe(cellRect(3, list).y - 1);
  });

  it('moves the cursor by cells, rows and pages within the list', () => {
    expect(stepIndex(5, 'next', grid, 100, 5)).toBe(6);
    expect(stepIndex(5, 'down', grid, 100, 5)).toBe(9);
    expect(stepIndex(1, 'up', grid, 100, 5)).toBe(1);
    expect(stepIndex(97, 'down', grid, 99, 5)).toBe(97);
    expect(stepIndex(93, 'down', grid, 98, 5)).toBe(97);
    expect(stepIndex(0, 'page-down', grid, 100, 5)).toBe(16);
    expect(stepIndex(50, 'last', list, 100, 5)).toBe(99);
    expect(stepIndex(0, 'previous', list, 100, 5)).toBe(0);
  });
});
