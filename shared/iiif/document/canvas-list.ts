/**
 * Shared plumbing of the canvas list edits: replacing the list and checking the indices callers pass (reading
 * it is shared/iiif/canvases.ts's `canvasItems`).
 */
import type { JsonObject, JsonValue } from '../json';
import { setIn } from '../json';

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

export function sameItems(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
