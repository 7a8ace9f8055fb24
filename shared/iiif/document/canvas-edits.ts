/**
 * Pure edits of a manifest's canvas list (`items`): `(doc, args) -> doc`. The canvases themselves are shared
 * with the previous document; only the list and the root are new, so a move at 10k canvases copies one array
 * of pointers. An edit that changes nothing returns `doc` itself. They work the same on a collection's members.
 */
import type { JsonObject, JsonValue } from '../json';
import { normaliseIndices, sameItems, withItems } from './canvas-list';
import { pruneCanvasReferences } from './canvas-references';
import { canvasIdOf, canvasItems } from '../canvases';

/**
 * Moves the canvases at `indices` (any order, duplicates ignored) so that they sit together, in their current
 * relative order, at `toIndex`.
 *
 * `toIndex` is a gap in the list as it is BEFORE the move: 0 is before the first canvas, `length` after the last,
 * and k is just before the canvas now at k. That is what a drop indicator between two thumbnails shows, so a
 * drag can pass it through unchanged. Dropping a selection into a gap inside or next to itself leaves the order
 * as it was and returns `doc`.
 */
export function moveCanvases(doc: JsonObject, indices: readonly number[], toIndex: number): JsonObject {
  const items = canvasItems(doc);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex > items.length) {
    throw new RangeError(`move target ${toIndex} is out of range (0 to ${items.length})`);
  }
  const selected = normaliseIndices(indices, items.length);
  if (selected.length === 0) return doc;
  const moving = new Set(selected);
  const rest: JsonValue[] = [];
  let insertAt = 0;
  for (let i = 0; i < items.length; i += 1) {
    if (i === toIndex) insertAt = rest.length;
    if (!moving.has(i)) rest.push(items[i] as JsonValue);
  }
  if (toIndex === items.length) insertAt = rest.length;
  const next = [
    ...rest.slice(0, insertAt),
    ...selected.map((i) => items[i] as JsonValue),
    ...rest.slice(insertAt),
  ];
  return sameItems(items, next) ? doc : withItems(doc, next);
}

/** Inserts `canvases` before the canvas at `index` (0..length; length appends). */
export function insertCanvases(doc: JsonObject, index: number, canvases: readonly JsonValue[]): JsonObject {
  const items = canvasItems(doc);
  if (!Number.isInteger(index) || index < 0 || index > items.length) {
    throw new RangeError(`insert position ${index} is out of range (0 to ${items.length})`);
  }
  if (canvases.length === 0) return doc;
  return withItems(doc, [...items.slice(0, index), ...canvases, ...items.slice(index)]);
}

/**
 * Removes the canvases at `indices`. References to them elsewhere in the manifest go too, so that removing a
 * page never leaves the document invalid: their entries in ranges (`structures`) and a `start` that points at
 * one. Ranges emptied this way are kept (the table of contents is the user's to restructure); undo restores
 * everything, because it is one new document.
 */
export function removeCanvases(doc: JsonObject, indices: readonly number[]): JsonObject {
  const items = canvasItems(doc);
  const selected = normaliseIndices(indices, items.length);
  if (selected.length === 0) return doc;
  const removing = new Set(selected);
  const kept = items.filter((_, i) => !removing.has(i));
  const keptIds = new Set(kept.map(canvasIdOf));
  const goneIds = new Set<string>();
  for (const i of selected) {
    const id = canvasIdOf(items[i]);
    // A duplicated id still names a canvas that stays: its references stay too.
    if (id !== '' && !keptIds.has(id)) goneIds.add(id);
  }
  return pruneCanvasReferences(withItems(doc, kept), goneIds);
}

/**
 * Reverses the order of the canvases at `indices` within the places they occupy (for pages scanned back to
 * front), or of the whole list when `indices` is omitted.
 */
export function reverseCanvases(doc: JsonObject, indices?: readonly number[]): JsonObject {
  const items = canvasItems(doc);
  const slots = indices === undefined ? items.map((_, i) => i) : normaliseIndices(indices, items.length);
  if (slots.length < 2) return doc;
  const next = items.slice();
  slots.forEach((slot, k) => {
    next[slot] = items[slots[slots.length - 1 - k] as number] as JsonValue;
  });
  return sameItems(items, next) ? doc : withItems(doc, next);
}
