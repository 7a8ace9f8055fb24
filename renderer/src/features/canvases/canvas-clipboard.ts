/**
 * Tessera's own clipboard for canvases (Ctrl+X, Ctrl+C, Ctrl+V in the grid). It holds one of two things, and
 * what a paste does depends on which:
 *
 * - a cut: marks on canvas objects of the open document. Cutting removes nothing (so there is nothing to lose);
 *   pasting MOVES the marked canvases, as one undo step. The marks hold the canvas objects themselves, so they
 *   survive other reorders made in between, and they belong to the document they were made in.
 * - a copy: a snapshot of the canvases' JSON as it was when copied (documents are immutable trees, so holding
 *   the objects is the snapshot). Pasting INSERTS fresh copies with new ids, as one undo step, any number of
 *   times and into any document: that is how a curator carries leaves from one manifest to another.
 *
 * Between open documents (issue 17): a cut made in one document and pasted in another moves the canvases
 * out of the first into the second (one undo step in each); a copy pasted into another document than its own
 * records where the canvases came from (`partOf` and credits, as a copy out of the sources panel does).
 *
 * The system clipboard is left alone: it keeps whatever text the user copied in a field.
 */
import { create } from 'zustand';
import type { SourceInfo } from '../../../../shared/iiif/canvas-build/provenance';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';

export type CanvasClipboardContent =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'cut';
      readonly canvases: ReadonlySet<JsonValue>;
      /** The open document (store documentKey) the marks were made in. */
      readonly documentKey: string;
    }
  | {
      readonly kind: 'copy';
      readonly canvases: readonly JsonObject[];
      /** The document copied from, and what a copy pasted elsewhere records of it. */
      readonly documentKey: string;
      readonly source: SourceInfo;
    };

interface CanvasClipboard {
  content: CanvasClipboardContent;
}

const EMPTY: CanvasClipboardContent = { kind: 'empty' };
/** One shared empty set, so that selectors of the cut marks return the same value while nothing is cut. */
const NO_MARKS: ReadonlySet<JsonValue> = new Set();

export const useCanvasClipboard = create<CanvasClipboard>()(() => ({ content: EMPTY }));

/** The canvases marked by a pending cut (empty when the clipboard holds a copy or nothing). */
export function cutMarks(state: CanvasClipboard): ReadonlySet<JsonValue> {
  return state.content.kind === 'cut' ? state.content.canvases : NO_MARKS;
}

export function hasCut(state: CanvasClipboard): boolean {
  return state.content.kind === 'cut' && state.content.canvases.size > 0;
}

/** Whether Paste has anything to do. */
export function canPaste(state: CanvasClipboard): boolean {
  return state.content.kind !== 'empty';
}

export function markCut(canvases: readonly JsonValue[], documentKey: string): void {
  useCanvasClipboard.setState({ content: { kind: 'cut', canvases: new Set(canvases), documentKey } });
}

export function holdCopy(canvases: readonly JsonObject[], documentKey: string, source: SourceInfo): void {
  useCanvasClipboard.setState({ content: { kind: 'copy', canvases: [...canvases], documentKey, source } });
}

/** Drops a pending cut; a copy stays (it does not depend on the document it came from). */
export function clearCut(): void {
  if (useCanvasClipboard.getState().content.kind === 'cut') useCanvasClipboard.setState({ content: EMPTY });
}
