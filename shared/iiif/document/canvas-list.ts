/** Shared plumbing of the canvas list edits: reading the list and checking the indices callers pass. */
import type { JsonArray, JsonObject, JsonValue } from '../json';
import { isJsonArray, setIn } from '../json';

/** The document's `items` (a manifest's canvases, a collection's members), or an empty list. */
export function itemsOf(doc: JsonObject): JsonArray {
  const items = doc['items'];
  return isJsonArray(items) ? items : [];
}

/** `doc` with `items` replaced; keeps `items` where it was in key order, or appends it. */
export function withItems(doc: JsonObject, items: readonly JsonValue[]): JsonObject {
  return setIn(doc, ['items'], items) as JsonObject;
}

/** Sorted, de-duplicated indices; throws a RangeError for a non-integer or out-of-range index (a caller bug). */
export function normaliseIndices(indices: readonly number[], length: number): number[] {
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= length) {
      throw new RangeError(`canvas index ${i} is out of range (the list has ${length})`);
    }
  }
  return [...new Set(indices)].sort((a, b) => a - b);
}

export function sameItems(a: JsonArray, b: readonly JsonValue[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
