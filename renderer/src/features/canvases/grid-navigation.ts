/**
 * Moves the canvas grid's cursor and selection for its navigation keys (canvas-keys.ts). The grid's other keys
 * are commands of the table (commands/command-table.ts), run like their buttons and menu items.
 */
import { useAppStore } from '../../store/store';
import type { GridNavigation } from './canvas-keys';
import { stepIndex, type GridMetrics } from './grid-geometry';

export interface GridContext {
  readonly metrics: GridMetrics;
  readonly count: number;
  readonly visibleRows: number;
}

export function navigateGrid(navigation: GridNavigation, grid: GridContext): void {
  const state = useAppStore.getState();
  if (navigation.kind === 'toggle-focused') {
    if (state.focus !== null && state.focus < grid.count) state.toggle(state.focus);
    return;
  }
  if (grid.count === 0) return;
  const from = state.focus !== null && state.focus < grid.count ? state.focus : null;
  const to = from === null ? 0 : stepIndex(from, navigation.step, grid.metrics, grid.count, grid.visibleRows);
  if (navigation.extend) state.selectRange(to);
  else if (navigation.keepSelection) state.setFocus(to);
  else state.selectOnly(to);
}
