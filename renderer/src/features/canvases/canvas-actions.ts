/**
 * Every canvas-order operation of the grid, its toolbar, its keys and drops: each builds the next document
 * with a pure edit from shared/iiif, commits it as ONE undo step, moves the selection and the keyboard focus
 * onto the canvases it moved (so the properties panel keeps showing the same canvas), and announces the
 * result in the live region. They act on the selection, or on the focused canvas when nothing is selected.
 *
 * They edit the list the grid shows (store/grid-list.ts): a manifest's canvases, a collection's members, or
 * the members of the embedded sub-collection opened in it, which is edited in place inside the document.
 */
import {
  insertCanvases,
  moveCanvases,
  removeCanvases,
  reverseCanvases,
} from '../../../../shared/iiif/document/canvas-edits';
import { canvasItems } from '../../../../shared/iiif/canvases';
import { withItems } from '../../../../shared/iiif/document/canvas-list';
import { duplicateCanvases } from '../../../../shared/iiif/document/duplicate-canvases';
import { insertCanvasCopies } from '../../../../shared/iiif/document/insert-canvas-copies';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import { isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { sortCanvasesByLabel } from '../../../../shared/iiif/relabel';
import { structureView } from '../../../../shared/iiif/structure';
import { documentByKey } from '../../store/documents-slice';
import { documentKind } from '../../store/document-slice';
import { documentWithList, listOwner } from '../../store/grid-list';
import { useAppStore } from '../../store/store';
import { carryCanvases } from '../documents/canvas-transfer';
import {
  copyCanvasFromSource,
  sourceInfoOf,
  type SourceInfo,
} from '../../../../shared/iiif/canvas-build/provenance';
import { announce, canvasCount } from './announcer';
import { clearCut, hasCut, holdCopy, markCut, useCanvasClipboard } from './canvas-clipboard';
import { canvasLabel } from '../../../../shared/iiif/canvases';
import { displayLanguagesOf } from '../../components/language/display-language';
import {
  duplicateIndices,
  gapForStart,
  indexAfterMove,
  indexAfterRemoval,
  indexInOrder,
  indicesOfObjects,
  landingIndices,
  shiftOrder,
  sortedIndices,
} from './order-math';

interface Context {
  /** The resource whose `items` the grid lists (the document itself, unless a sub-collection is open). */
  doc: JsonObject;
  items: JsonArray;
  /** The canvases acted on: the selection, else the focused canvas. Ascending. */
  targets: number[];
  focus: number | null;
}

function context(): Context | null {
  const state = useAppStore.getState();
  const { selected, focus } = state;
  const doc = listOwner(state);
  if (!doc) return null;
  const items = canvasItems(doc);
  const chosen = sortedIndices(selected, items.length);
  const targets = chosen.length > 0 ? chosen : focus !== null && focus < items.length ? [focus] : [];
  return { doc, items, targets, focus };
}

/** The label a person sees for the canvas at `index`, for announcements. */
export function canvasName(items: JsonArray, index: number): string {
  const label = canvasLabel(items[index], displayLanguagesOf(useAppStore.getState()));
  const noun = documentKind(useAppStore.getState()) === 'Collection' ? 'member' : 'canvas';
  return label ? `“${label}”` : `${noun} ${index + 1}`;
}

/** How many canvas entries of Ranges an edit took out (the total before minus the total after). */
function rangeReferencesRemoved(before: JsonObject, after: JsonObject): number {
  const total = (doc: JsonObject) =>
    structureView(doc).nodes.reduce((sum, node) => sum + node.ownCanvasRefs, 0);
  return total(before) - total(after);
}

function describeTargets(items: JsonArray, targets: readonly number[]): string {
  return targets.length === 1 ? canvasName(items, targets[0] as number) : canvasCount(targets.length);
}

/**
 * Commits `next` (the listed resource, edited) and puts the selection on `selected`, with the focus on
 * `focus`.
 */
function apply(label: string, next: JsonObject, selected: readonly number[], focus: number | null) {
  const store = useAppStore.getState();
  const whole = documentWithList(store, next);
  if (!whole) return;
  store.commit(label, whole);
  store.setSelection(selected, focus);
}

/**
 * Moves the canvases at `indices` into the gap `gap` (see moveCanvases): the drop of a drag, and the core of
 * the keyboard moves. Returns false when the order does not change.
 */
export function reorderCanvases(indices: readonly number[], gap: number): boolean {
  const ctx = context();
  if (!ctx) return false;
  const selected = sortedIndices(indices, ctx.items.length);
  if (selected.length === 0 || gap < 0 || gap > ctx.items.length) return false;
  const next = moveCanvases(ctx.doc, selected, gap);
  if (next === ctx.doc) return false;
  const landed = landingIndices(selected, gap);
  const focus = ctx.focus !== null ? indexAfterMove(ctx.focus, selected, gap) : (landed[0] ?? null);
  const what = describeTargets(ctx.items, selected);
  apply(`Move ${canvasCount(selected.length)}`, next, landed, focus);
  announce(`Moved ${what} to position ${(landed[0] ?? 0) + 1}.`);
  return true;
}

/** Moves each target canvas one place towards the start (-1) or the end (+1). */
export function moveSelectionBy(delta: -1 | 1): void {
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  const { order, selected } = shiftOrder(ctx.targets, delta, ctx.items.length);
  if (!order) {
    announce(delta < 0 ? 'Already at the start.' : 'Already at the end.');
    return;
  }
  const next = withItems(
    ctx.doc,
    order.map((old) => ctx.items[old] as JsonValue),
  );
  const focus = ctx.focus !== null ? indexInOrder(order, ctx.focus) : (selected[0] ?? null);
  apply(`Move ${canvasCount(selected.length)} ${delta < 0 ? 'up' : 'down'}`, next, selected, focus);
  announce(`Moved ${describeTargets(ctx.items, ctx.targets)} to position ${(selected[0] ?? 0) + 1}.`);
}

/** Moves the targets together so that the first of them is at `position` (1-based). */
export function moveSelectionTo(position: number): void {
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  const gap = gapForStart(ctx.targets, Math.round(position) - 1, ctx.items.length);
  if (!reorderCanvases(ctx.targets, gap)) announce(`Already at position ${position}.`);
}

export function sendSelectionToStart(): void {
  const ctx = context();
  if (ctx && ctx.targets.length > 0 && !reorderCanvases(ctx.targets, 0)) announce('Already at the start.');
}

export function sendSelectionToEnd(): void {
  const ctx = context();
  if (ctx && ctx.targets.length > 0 && !reorderCanvases(ctx.targets, ctx.items.length))
    announce('Already at the end.');
}

/**
 * Copies get new canvas ids; a collection's members are references to resources that have their own ids, so
 * they are moved (drag, cut and paste), never copied. True (and said) when the document is a collection.
 */
export function refuseCopiesInCollection(): boolean {
  if (documentKind(useAppStore.getState()) !== 'Collection') return false;
  announce(
    'Members of a collection are references: move them (drag, or cut and paste) instead of copying them.',
  );
  return true;
}

/** Marks the targets to be moved by the next paste. */
export function cutSelection(): void {
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  markCut(
    ctx.targets.map((i) => ctx.items[i] as JsonValue),
    useAppStore.getState().documentKey,
  );
  announce(`Cut ${describeTargets(ctx.items, ctx.targets)}. Paste moves them after the focused canvas.`);
}

/** Puts the targets, in document order, on the clipboard as they are now; each paste inserts new copies. */
export function copySelection(): void {
  if (refuseCopiesInCollection()) return;
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  holdCopy(
    ctx.targets.map((i) => ctx.items[i]).filter(isJsonObject),
    useAppStore.getState().documentKey,
    sourceInfoOf(ctx.doc),
  );
  announce(
    `Copied ${describeTargets(ctx.items, ctx.targets)}. Paste inserts copies after the focused canvas.`,
  );
}

/**
 * Pastes just after the focused canvas (at the start when nothing is focused). After a cut this MOVES the cut
 * canvases; after a copy it INSERTS new copies of the copied ones. Either way it is one undo step.
 */
export function pasteAfterFocus(): void {
  const ctx = context();
  const content = useCanvasClipboard.getState().content;
  if (!ctx || content.kind === 'empty') {
    announce('Nothing to paste: cut or copy canvases first.');
    return;
  }
  const gap = ctx.focus !== null && ctx.focus < ctx.items.length ? ctx.focus + 1 : 0;
  const here = useAppStore.getState().documentKey;
  if (content.kind === 'cut' && content.documentKey !== here)
    moveCutFromElsewhere(content.documentKey, content.canvases, here, gap);
  else if (content.kind === 'cut') moveCutCanvases(ctx, content.canvases, gap);
  else insertCopiedCanvases(ctx, content.canvases, gap, content.documentKey === here ? null : content.source);
}

/** Paste of a cut made in another open document: the canvases move out of it into this one. */
function moveCutFromElsewhere(from: string, cut: ReadonlySet<JsonValue>, here: string, gap: number): void {
  const source = documentByKey(useAppStore.getState(), from);
  const indices = source?.doc ? indicesOfObjects(canvasItems(source.doc), [...cut]) : [];
  clearCut();
  if (indices.length === 0) {
    announce('The cut canvases are no longer in their document.');
    return;
  }
  carryCanvases(from, indices, here, 'move', gap);
}

/** Paste after a cut: the marked canvases move; the marks are used up. */
function moveCutCanvases(ctx: Context, cut: ReadonlySet<JsonValue>, gap: number): void {
  const indices = indicesOfObjects(ctx.items, [...cut]);
  clearCut();
  if (indices.length === 0) {
    // Cut in another collection of this document (an embedded one, or the one around it).
    announce('The cut items are not in this list: paste them where they were cut.');
    return;
  }
  if (!reorderCanvases(indices, gap)) announce('The cut canvases are already there.');
}

/**
 * Paste after a copy: new copies with ids minted against this document (see insertCanvasCopies), selected,
 * with the cursor on the last of them so that pasting again continues after it. The copy stays on the
 * clipboard for further pastes.
 */
function insertCopiedCanvases(
  ctx: Context,
  canvases: readonly JsonObject[],
  gap: number,
  /** The document they were copied from, when it is another one: the copies record it. */
  elsewhere: SourceInfo | null,
): void {
  if (canvases.length === 0 || refuseCopiesInCollection()) return;
  const mint = idMinterFor(ctx.doc);
  const next = elsewhere
    ? insertCanvases(
        ctx.doc,
        gap,
        canvases.map((canvas) => copyCanvasFromSource(canvas, elsewhere, mint)),
      )
    : insertCanvasCopies(ctx.doc, gap, canvases, mint);
  const pasted = canvases.map((_, k) => gap + k);
  apply(`Paste ${canvasCount(pasted.length)}`, next, pasted, gap + pasted.length - 1);
  announce(`Pasted copies of ${canvasCount(pasted.length)} at position ${gap + 1}.`);
}

/** Copies each target canvas right after itself, with fresh ids (see duplicateCanvases); selects the copies. */
export function duplicateSelection(): void {
  if (refuseCopiesInCollection()) return;
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  const next = duplicateCanvases(ctx.doc, ctx.targets, idMinterFor(ctx.doc));
  const copies = duplicateIndices(ctx.targets);
  apply(`Duplicate ${canvasCount(copies.length)}`, next, copies, copies[0] ?? null);
  announce(`Duplicated ${describeTargets(ctx.items, ctx.targets)}.`);
}

export function deleteSelection(): void {
  const ctx = context();
  if (!ctx || ctx.targets.length === 0) return;
  const next = removeCanvases(ctx.doc, ctx.targets);
  const focus = indexAfterRemoval(ctx.targets, ctx.items.length);
  apply(`Delete ${canvasCount(ctx.targets.length)}`, next, focus === null ? [] : [focus], focus);
  // The same step took their entries out of the table of contents; say so, since that panel may be closed.
  const refs = rangeReferencesRemoved(ctx.doc, next);
  const fromRanges =
    refs === 0 ? '' : ` and ${refs} ${refs === 1 ? 'entry' : 'entries'} in the table of contents`;
  announce(`Deleted ${describeTargets(ctx.items, ctx.targets)}${fromRanges}. Undo brings them back.`);
}

/** Reverses the selected canvases within their places, or the whole list when fewer than two are selected. */
export function reverseOrder(): void {
  const ctx = context();
  if (!ctx) return;
  const { selected } = useAppStore.getState();
  const whole = selected.size < 2;
  const next = reverseCanvases(ctx.doc, whole ? undefined : ctx.targets);
  if (next === ctx.doc) return;
  followByIdentity(ctx, next, whole ? 'Reverse all canvases' : `Reverse ${canvasCount(ctx.targets.length)}`);
  announce(whole ? 'Reversed the order of all canvases.' : `Reversed ${canvasCount(ctx.targets.length)}.`);
}

/** Sorts all canvases by label in natural order (f. 2 before f. 10). */
export function sortByLabel(): void {
  const ctx = context();
  if (!ctx) return;
  const next = sortCanvasesByLabel(ctx.doc);
  if (next === ctx.doc) {
    announce('The canvases are already in label order.');
    return;
  }
  followByIdentity(ctx, next, 'Sort canvases by label');
  announce('Sorted all canvases by label.');
}

/** Commits an edit that reorders without copying canvases; the selection follows its canvas objects. */
function followByIdentity(ctx: Context, next: JsonObject, label: string) {
  const { selected, focus } = useAppStore.getState();
  const nextItems = canvasItems(next);
  const selectedObjects = sortedIndices(selected, ctx.items.length).map((i) => ctx.items[i]);
  const newSelected = indicesOfObjects(nextItems, selectedObjects);
  const focusObject = focus !== null ? ctx.items[focus] : undefined;
  const newFocus = focusObject !== undefined ? nextItems.indexOf(focusObject) : -1;
  apply(label, next, newSelected, newFocus >= 0 ? newFocus : null);
}

/**
 * Inserts canvases (made elsewhere, e.g. by the sources panel from a drop) before the canvas at `position`,
 * as one undo step, and selects them.
 */
export function insertCanvasesAt(
  position: number,
  canvases: readonly JsonObject[],
  label?: string,
): number[] {
  const doc = listOwner(useAppStore.getState());
  if (!doc || canvases.length === 0) return [];
  const at = Math.min(Math.max(0, Math.round(position)), canvasItems(doc).length);
  const next = insertCanvases(doc, at, canvases);
  const inserted = canvases.map((_, k) => at + k);
  apply(label ?? `Add ${canvasCount(canvases.length)}`, next, inserted, at);
  announce(`Added ${canvasCount(canvases.length)} at position ${at + 1}.`);
  return inserted;
}

export function selectAllCanvases(): void {
  const { focus } = useAppStore.getState();
  const count = canvasItems(listOwner(useAppStore.getState())).length;
  useAppStore.getState().setSelection(
    Array.from({ length: count }, (_, i) => i),
    focus ?? (count > 0 ? 0 : null),
  );
  announce(`Selected all ${canvasCount(count)}.`);
}

export function selectNoCanvases(): void {
  const { focus } = useAppStore.getState();
  // Keep the cursor where it is, so the keyboard user does not lose their place.
  useAppStore.getState().setSelection([], focus);
  announce('Selection cleared.');
}

/** Escape (from the keys, the toolbar or the menu): first cancels a pending cut, then clears the selection. */
export function cancelCutOrSelectNone(): void {
  // A copy stays: it marks nothing on screen.
  if (hasCut(useCanvasClipboard.getState())) {
    clearCut();
    announce('Cut cancelled.');
    return;
  }
  selectNoCanvases();
}
