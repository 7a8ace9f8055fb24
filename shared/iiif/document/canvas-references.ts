/**
 * Places a manifest points at its canvases by id rather than by containment: range items (`structures`) and
 * `start`. Removing canvases prunes these, so that no reference dangles. Only the changed ranges are copied.
 */
import type { JsonArray, JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

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
    const pruned = pruneRangeList(structures, goneIds);
    if (pruned !== structures) next = { ...next, structures: pruned };
  }
  const startId = referencedCanvasId(doc['start']);
  if (startId !== undefined && goneIds.has(startId)) {
    const { start: _dropped, ...rest } = next;
    next = rest;
  }
  return next;
}

/** Returns `list` itself when nothing in it changed, so unchanged ranges stay shared. */
function pruneRangeList(list: JsonArray, goneIds: ReadonlySet<string>): JsonArray {
  let changed = false;
  const out: JsonValue[] = [];
  for (const entry of list) {
    if (isJsonObject(entry) && entry['type'] === 'Range') {
      const pruned = pruneRange(entry, goneIds);
      if (pruned !== entry) changed = true;
      out.push(pruned);
      continue;
    }
    const id = referencedCanvasId(entry);
    if (id !== undefined && goneIds.has(id)) {
      changed = true;
      continue;
    }
    out.push(entry);
  }
  return changed ? out : list;
}

function pruneRange(range: JsonObject, goneIds: ReadonlySet<string>): JsonObject {
  const items = range['items'];
  if (!isJsonArray(items)) return range;
  const pruned = pruneRangeList(items, goneIds);
  return pruned === items ? range : { ...range, items: pruned };
}
