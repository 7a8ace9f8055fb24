/**
 * Runs a keyboard command of the canvas grid (see canvas-keys.ts): cursor movement and selection here, edits
 * through canvas-actions, dialogs through canvas-dialogs. Separate from the key map so that the map stays a
 * pure table and this stays the one place where a command means something.
 */
import { documentKind } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { announce } from './announcer';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  moveSelectionBy,
  pasteAfterFocus,
  reverseOrder,
  selectAllCanvases,
  selectNoCanvases,
  sendSelectionToEnd,
  sendSelectionToStart,
  sortByLabel,
} from './canvas-actions';
import { clearCut, hasCut, useCanvasClipboard } from './canvas-clipboard';
import { openCanvasDialog } from './canvas-dialogs';
import type { CanvasCommand } from './canvas-keys';
import { stepIndex, type GridMetrics } from './grid-geometry';

export interface GridContext {
  readonly metrics: GridMetrics;
  readonly count: number;
  readonly visibleRows: number;
}

export function runCanvasCommand(command: CanvasCommand, grid: GridContext): void {
  const state = useAppStore.getState();
  switch (command.kind) {
    case 'focus': {
      if (grid.count === 0) return;
      const from = state.focus !== null && state.focus < grid.count ? state.focus : null;
      const to =
        from === null ? 0 : stepIndex(from, command.step, grid.metrics, grid.count, grid.visibleRows);
      if (command.extend) state.selectRange(to);
      else if (command.keepSelection) state.setFocus(to);
      else state.selectOnly(to);
      return;
    }
    case 'toggle-focused':
      if (state.focus !== null && state.focus < grid.count) state.toggle(state.focus);
      return;
    case 'select-all':
      return selectAllCanvases();
    case 'select-none':
      // Escape first cancels a pending cut, then clears the selection. A copy stays: it marks nothing.
      if (hasCut(useCanvasClipboard.getState())) {
        clearCut();
        announce('Cut cancelled.');
        return;
      }
      return selectNoCanvases();
    case 'move-by':
      return moveSelectionBy(command.delta);
    case 'send-to-start':
      return sendSelectionToStart();
    case 'send-to-end':
      return sendSelectionToEnd();
    case 'move-to':
      return openCanvasDialog('move-to');
    case 'cut':
      return cutSelection();
    case 'copy':
      return copySelection();
    case 'paste':
      return pasteAfterFocus();
    case 'duplicate':
      return duplicateSelection();
    case 'delete':
      return deleteSelection();
    case 'reverse':
      return reverseOrder();
    case 'sort':
      return sortByLabel();
    case 'relabel':
      // Relabelling numbers pages and folios; a collection's members are named in the properties panel.
      if (documentKind(state) === 'Collection')
        return announce('Members are labelled in the properties panel.');
      return openCanvasDialog('relabel');
  }
}
