import type { JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

/**
 * Deep equality of JSON values that also requires the same key order, because key order is part of what the
 * user sees in a saved file: an "edit" that only reorders keys is still a change.
 */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (isJsonArray(a)) {
    if (!isJsonArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i] as JsonValue));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k, i) => k === kb[i] && jsonEqual(a[k] as JsonValue, b[k] as JsonValue));
  }
  return false;
}
