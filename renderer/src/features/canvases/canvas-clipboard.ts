/**
 * Cut and paste of canvases inside the grid (Ctrl+X, Ctrl+V): a keyboard way to move canvases far. Cutting
 * only marks them (nothing leaves the document, so there is nothing to lose); pasting moves them, as one undo
 * step. The marks hold the canvas objects themselves, so they survive other reorders made in between.
 */
import { create } from 'zustand';
import type { JsonValue } from '../../../../shared/iiif/json';

interface CanvasClipboard {
  cut: ReadonlySet<JsonValue>;
}

export const useCanvasClipboard = create<CanvasClipboard>()(() => ({ cut: new Set() }));

export function markCut(canvases: readonly JsonValue[]): void {
  useCanvasClipboard.setState({ cut: new Set(canvases) });
}

export function clearCut(): void {
  if (useCanvasClipboard.getState().cut.size > 0) useCanvasClipboard.setState({ cut: new Set() });
}
