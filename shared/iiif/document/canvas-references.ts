/**
 * Places a manifest points at its canvases by id rather than by containment: range items (`structures`) and
 * `start`. Removing canvases prunes these, so that no reference dangles. Only the changed ranges are copied.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { pruneRangeReferences } from '../structure/prune-references';

/**
 * The canvas a reference names: a plain id string ("https://x/canvas/1#xywh=0,0,10,10" counts, fragment
 * ignored), an object with that id, or a SpecificResource whose source is either.
 */
export function referencedCanvasId(ref: JsonValue | undefined): string | undefined {
  if (typeof ref === 'string') return ref.replace(/#.*$/, '');
  if (!isJsonObject(ref)) return undefined;
  if (ref['type'] === 'SpecificResource') return referencedCanvasId(ref['source']);
  const id = ref['id'];
  return typeof id === 'string' ? id.replace(/#.*$/, '') : undefined;
}

export function pruneCanvasReferences(doc: JsonObject, goneIds: ReadonlySet<string>): JsonObject {
  if (goneIds.size === 0) return doc;
  let next: JsonObject = doc;
  const structures = doc['structures'];
  if (isJsonArray(structures)) {
    // Iterative (structure/prune-references.ts): a table of contents may nest deeper than the call stack.
    const pruned = pruneRangeReferences(structures, goneIds).list;
    if (pruned !== structures) next = { ...next, structures: pruned };
  }
  const startId = referencedCanvasId(doc['start']);
  if (startId !== undefined && goneIds.has(startId)) {
    const { start: _dropped, ...rest } = next;
    next = rest;
  }
  return next;
}
