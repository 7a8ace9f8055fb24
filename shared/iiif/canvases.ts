/**
 * The one reading of a manifest's canvases. Index N always means `items[N]`, the raw place in the document:
 * edits write `['items', N]`, the grid numbers its cells that way, focus and selection hold it. Entries that are
 * not objects (a string, a null) keep their place and are skipped for display, never renumbering the canvases
 * after them: a renumbered list once made the editor show one canvas and edit another.
 */
import type { Canvas } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from './json';
import { displayStringOf } from './language';

/** A canvas and its place in `items`. */
export interface CanvasEntry {
  readonly index: number;
  readonly canvas: JsonObject;
}

const entryLists = new WeakMap<readonly JsonValue[], readonly CanvasEntry[]>();
const NO_ENTRIES: readonly CanvasEntry[] = [];

/** `doc.items` as it is, canvases or not (index N is `items[N]`), or an empty list when there are none. */
export function canvasItems(doc: JsonValue | null | undefined): readonly JsonValue[] {
  const items = isJsonObject(doc) ? doc['items'] : undefined;
  return isJsonArray(items) ? items : [];
}

/**
 * The manifest's canvases (object items) with their raw indices. Components call this on every render; at
 * 10k canvases building it each time adds up, so it is cached per `items` array (immutable: a new list is a
 * new array).
 */
export function canvasList(doc: JsonValue | null | undefined): readonly CanvasEntry[] {
  const items = canvasItems(doc);
  if (items.length === 0) return NO_ENTRIES;
  let entries = entryLists.get(items);
  if (entries === undefined) {
    const list: CanvasEntry[] = [];
    items.forEach((canvas, index) => {
      if (isJsonObject(canvas)) list.push({ index, canvas });
    });
    entries = list;
    entryLists.set(items, entries);
  }
  return entries;
}

const indexedLists = new WeakMap<readonly JsonValue[], readonly (JsonObject | undefined)[]>();

/**
 * The canvases by raw index: `items[N]` when it is a canvas (an object), else undefined, a place that shows
 * nothing. For views that look canvases up by index (the preview's reading order), so that N is `items[N]` there
 * too. Cached per `items` array, as canvasList is.
 */
export function canvasesByIndex(doc: JsonValue | null | undefined): readonly (JsonObject | undefined)[] {
  const items = canvasItems(doc);
  let list = indexedLists.get(items);
  if (list === undefined) {
    list = items.map((item) => (isJsonObject(item) ? item : undefined));
    indexedLists.set(items, list);
  }
  return list;
}

/** How many places `items` has, canvases or not: what the grid shows and what insert positions count. */
export function canvasSlots(doc: JsonValue | null | undefined): number {
  return canvasItems(doc).length;
}

/** The canvas at raw index `index` of `items`, or null when there is none there or it is not an object. */
export function canvasAt(doc: JsonValue | null | undefined, index: number | null): JsonObject | null {
  if (index === null) return null;
  const item = canvasItems(doc)[index];
  return isJsonObject(item) ? item : null;
}

/** The canvas's `id`, or '' when it has none (or the value is not a canvas). */
export function canvasIdOf(canvas: JsonValue | undefined): Canvas['id'] | '' {
  return isJsonObject(canvas) && typeof canvas['id'] === 'string' ? canvas['id'] : '';
}

/** The canvas label in the user's display languages (then the usual fallbacks); '' when it has none. */
export function canvasLabel(canvas: JsonValue | undefined, languages: readonly string[]): string {
  return isJsonObject(canvas) ? displayStringOf(canvas['label'], languages) : '';
}
