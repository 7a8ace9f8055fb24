/**
 * Every gesture of the structure panel: each builds the next document with a pure edit from
 * shared/iiif/structure, commits it as ONE undo step, puts the tree's cursor on what it made or moved, and
 * says what happened in the panel's live region. The canvases acted on are the grid's selection.
 */
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject } from '../../../../shared/iiif/json';
import { displayStringOf } from '../../../../shared/iiif/language';
import {
  addCanvasPart,
  appendRanges,
  canvasIdsInAnyRange,
  canvasIdsOf,
  canvasIdsInRange,
  createRange,
  createTimeRange,
  itemAt,
  itemCanvasId,
  mergeWithNext,
  moveItem,
  moveItemTo,
  nodeAt,
  rangesFromOutline,
  removeItem,
  renameRange,
  setItemTimeSpan,
  splitRange,
  structureView,
  structuresOf,
  wrapItems,
  type MoveDirection,
  type OutlineEntry,
  type MoveResult,
  type RangeAddress,
} from '../../../../shared/iiif/structure';
import { formatClock, type TimeSpan } from '../../../../shared/iiif/time';
import { useAppStore } from '../../store/store';
import { canvasCount } from '../canvases/announcer';
import { announceStructure, useStructureStore } from './structure-store';
import { addressKey, canvasIndexById } from './tree-rows';

function canvasIdAt(doc: JsonObject, index: number | null): string | undefined {
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  const canvas = index === null ? undefined : items[index];
  return isJsonObject(canvas) && typeof canvas['id'] === 'string' ? canvas['id'] : undefined;
}

function currentDoc(): JsonObject | null {
  return useAppStore.getState().doc;
}

export function focusedAddress(): RangeAddress | null {
  const key = useStructureStore.getState().focusKey;
  if (key === null || key === '') return null;
  return key.split('.').map(Number);
}

function isRangeAt(doc: JsonObject, address: RangeAddress): boolean {
  return nodeAt(structureView(doc), address)?.full === true;
}

/** The Range the cursor is on, or the Range holding the canvas the cursor is on. */
function focusedRange(doc: JsonObject): RangeAddress | null {
  const address = focusedAddress();
  if (address === null || itemAt(doc, address) === undefined) return null;
  if (isRangeAt(doc, address)) return address;
  return address.length > 1 ? address.slice(0, -1) : null;
}

function selectedCanvasIds(doc: JsonObject): string[] {
  const { selected, focus } = useAppStore.getState();
  const indices = [...selected].sort((a, b) => a - b);
  if (indices.length === 0 && focus !== null) indices.push(focus);
  return indices.map((i) => canvasIdAt(doc, i)).filter((id): id is string => id !== undefined);
}

function rangeLabel(doc: JsonObject, address: RangeAddress): string {
  const node = nodeAt(structureView(doc), address);
  return node ? displayStringOf(node.json['label']) : '';
}

function commit(label: string, result: MoveResult, doc: JsonObject, rename = false): boolean {
  if (result.doc === doc) return false;
  useAppStore.getState().commit(label, result.doc);
  const key = addressKey(result.address);
  useStructureStore.setState({ focusKey: key, editingKey: rename ? key : null });
  return true;
}

function newRangeName(doc: JsonObject): string {
  return `Range ${structureView(doc).nodes.length + 1}`;
}

/**
 * A new Range from the canvases selected in the grid (in manifest order, contiguous or not): at the top of
 * the table of contents, or inside the Range the cursor is in. Opens its label for typing.
 */
export function newRangeFromSelection(where: 'top' | 'child'): void {
  const doc = currentDoc();
  if (!doc) return;
  const canvasIds = selectedCanvasIds(doc);
  if (canvasIds.length === 0) {
    announceStructure('Select canvases in the grid first: a range needs at least one.');
    return;
  }
  const container = where === 'top' ? [] : focusedRange(doc);
  if (container === null) {
    announceStructure('Choose the range to add a child range to.');
    return;
  }
  const label = newRangeName(doc);
  const result = createRange(doc, {
    container,
    range: { id: idMinterFor(doc)('range'), label },
    canvasIds,
  });
  if (commit(`New range ${label}`, result, doc, true)) {
    announceStructure(`Made ${label} with ${canvasCount(canvasIds.length)}. Type its name and press Enter.`);
  }
}

/** Puts the item under the cursor into a new Range in its place. */
export function wrapFocused(): void {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null || itemAt(doc, address) === undefined) return;
  const label = newRangeName(doc);
  const result = wrapItems(doc, [address], { id: idMinterFor(doc)('range'), label });
  if (commit(`Wrap in ${label}`, result, doc, true)) announceStructure(`Wrapped in ${label}.`);
}

export function renameAt(key: string, text: string): void {
  const doc = currentDoc();
  useStructureStore.setState({ editingKey: null });
  if (!doc) return;
  const address = key.split('.').map(Number);
  if (!isRangeAt(doc, address)) return;
  const next = renameRange(doc, address, text);
  if (next === doc) return;
  useAppStore.getState().commit(`Rename range to ${text.trim()}`, next);
  announceStructure(`Renamed to ${text.trim()}.`);
}

/** Splits the Range holding the canvas under the cursor, so that this canvas starts a new Range. */
export function splitAtFocused(): void {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null || address.length < 2 || isRangeAt(doc, address)) {
    announceStructure('Put the cursor on the canvas the new range should start with.');
    return;
  }
  const parent = address.slice(0, -1);
  const at = address[address.length - 1] as number;
  const label = `${rangeLabel(doc, parent) || 'Range'} (2)`;
  const result = splitRange(doc, parent, at, { id: idMinterFor(doc)('range'), label });
  if (commit(`Split ${rangeLabel(doc, parent)}`, result, doc))
    announceStructure(`Split; the new range is ${label}.`);
  else announceStructure('A range splits before any canvas but its first.');
}

export function mergeFocused(): void {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null) return;
  const next = mergeWithNext(doc, address);
  if (next === doc) {
    announceStructure('Only a range followed by another range can be merged with it.');
    return;
  }
  commit(`Merge ${rangeLabel(doc, address)}`, { doc: next, address }, doc);
  announceStructure(`Merged the next range into ${rangeLabel(doc, address)}.`);
}

const MOVE_WORDS: Record<MoveDirection, string> = {
  up: 'up',
  down: 'down',
  in: 'into the range before it',
  out: 'out of its range',
};

export function moveFocused(direction: MoveDirection): void {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null) return;
  const result = moveItem(doc, address, direction);
  if (commit(`Move ${direction}`, result, doc)) announceStructure(`Moved ${MOVE_WORDS[direction]}.`);
  else announceStructure(`Cannot move ${MOVE_WORDS[direction]}.`);
}

/** The drop of a drag: the dragged row into the list `toContainer`, at gap `gap`. */
export function dropItem(from: RangeAddress, toContainer: RangeAddress, gap: number): void {
  const doc = currentDoc();
  if (!doc) return;
  const result = moveItemTo(doc, from, toContainer, gap);
  if (commit('Move in table of contents', result, doc)) announceStructure('Moved.');
}

export function removeFocused(): void {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null || itemAt(doc, address) === undefined) return;
  const range = isRangeAt(doc, address);
  const next = removeItem(doc, address);
  const container = address.slice(0, -1);
  const index = address[address.length - 1] as number;
  const focus = index > 0 ? [...container, index - 1] : container;
  commit(
    range ? `Remove range ${rangeLabel(doc, address)}` : 'Remove from range',
    { doc: next, address: focus },
    doc,
  );
  announceStructure(
    range
      ? `Removed the range ${rangeLabel(doc, address)}; its canvases stay in the manifest.`
      : 'Removed from the range.',
  );
}

/** Adds part of the canvas focused in the grid (a media fragment, e.g. xywh=0,0,100,100) to the Range. */
export function addRegionToFocusedRange(fragment: string): boolean {
  const doc = currentDoc();
  if (!doc) return false;
  const container = focusedRange(doc);
  const { focus } = useAppStore.getState();
  const canvasId = canvasIdAt(doc, focus);
  if (container === null || typeof canvasId !== 'string') {
    announceStructure('Choose a range in the tree and a canvas in the grid first.');
    return false;
  }
  const next = addCanvasPart(doc, container, canvasId, fragment);
  const list = nodeAt(structureView(next), container)?.json['items'];
  const at = isJsonArray(list) ? list.length - 1 : 0;
  commit('Add a region to a range', { doc: next, address: [...container, at] }, doc);
  announceStructure(`Added the region ${fragment} of canvas ${(focus ?? 0) + 1}.`);
  return true;
}

/** Selecting a row selects its canvases in the grid, which scrolls to the first. */
export function showRowCanvases(address: RangeAddress): void {
  const doc = currentDoc();
  if (!doc) return;
  const byId = canvasIndexById(doc);
  const node = nodeAt(structureView(doc), address);
  let ids: string[];
  if (node) ids = canvasIdsInRange(node);
  else {
    const canvasId = itemCanvasId(itemAt(doc, address) ?? null);
    ids = canvasId === undefined ? [] : [canvasId];
  }
  const indices = ids.map((id) => byId.get(id)).filter((i): i is number => i !== undefined);
  useAppStore.getState().setSelection(indices, indices[0] ?? null);
}

/** Selects, in the grid, the canvases that no Range refers to. */
export function selectCanvasesInNoRange(): void {
  const doc = currentDoc();
  if (!doc) return;
  const inRanges = canvasIdsInAnyRange(doc);
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  const indices: number[] = [];
  items.forEach((_, i) => {
    const id = canvasIdAt(doc, i);
    if (id === undefined || !inRanges.has(id)) indices.push(i);
  });
  useAppStore.getState().setSelection(indices, indices[0] ?? null);
  announceStructure(
    indices.length === 0
      ? 'Every canvas is in a range.'
      : `${canvasCount(indices.length)} in no range, selected in the grid.`,
  );
}

/** Adds the Ranges of a generated or imported outline after the existing ones, as one undo step. */
export function applyOutline(entries: readonly OutlineEntry[]): void {
  const doc = currentDoc();
  if (!doc || entries.length === 0) return;
  const ranges = rangesFromOutline(entries, canvasIdsOf(doc), idMinterFor(doc));
  const at = structuresOf(doc).length;
  const noun = entries.length === 1 ? 'range' : 'ranges';
  if (commit(`Generate table of contents`, { doc: appendRanges(doc, ranges), address: [at] }, doc))
    announceStructure(`Added ${entries.length.toLocaleString('en')} ${noun} to the table of contents.`);
}

function spanWords(span: TimeSpan): string {
  return `${formatClock(span.start)} to ${span.end === undefined ? 'the end' : formatClock(span.end)}`;
}

/**
 * A new Range over a span of the canvas focused in the grid (a movement, a track): at the top of the table of
 * contents, or inside the Range the cursor is in. Opens its label for typing.
 */
export function newTimeRange(where: 'top' | 'child', span: TimeSpan): boolean {
  const doc = currentDoc();
  if (!doc) return false;
  const { focus } = useAppStore.getState();
  const canvasId = canvasIdAt(doc, focus);
  if (canvasId === undefined) {
    announceStructure('Focus a time-based canvas in the grid first.');
    return false;
  }
  const container = where === 'top' ? [] : focusedRange(doc);
  if (container === null) {
    announceStructure('Choose the range to add a child range to.');
    return false;
  }
  const label = newRangeName(doc);
  const result = createTimeRange(doc, {
    container,
    range: { id: idMinterFor(doc)('range'), label },
    canvasId,
    span,
  });
  if (!commit(`New range ${label} over time`, result, doc, true)) return false;
  announceStructure(
    `Made ${label} over ${spanWords(span)} of canvas ${(focus ?? 0) + 1}. Type its name and press Enter.`,
  );
  return true;
}

/** Changes the time span of the item under the cursor (a part of a canvas in time). */
export function setFocusedTimeSpan(span: TimeSpan): boolean {
  const doc = currentDoc();
  const address = focusedAddress();
  if (!doc || address === null) return false;
  const next = setItemTimeSpan(doc, address, span);
  if (next === doc) {
    announceStructure('The span is unchanged, or the cursor is not on a part of a canvas in time.');
    return false;
  }
  commit('Change time span', { doc: next, address }, doc);
  announceStructure(`The span is now ${spanWords(span)}.`);
  return true;
}
