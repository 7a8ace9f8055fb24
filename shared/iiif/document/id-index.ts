/**
 * id -> path, derived from a document and cached per document root (architecture §4: derived, never stored as a
 * second truth). Every edit makes a new root, so a cached index can never be stale: the WeakMap entry belongs
 * to one immutable tree and is collected with it. Building it is one walk; callers that never ask never pay.
 */
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

export interface DocumentIndex {
  /**
   * Every resource the document defines, by id: canvases, annotation pages, annotations, ranges, and the items
   * of collections, at any depth. A Range's canvas references are not definitions and are not listed; when an
   * id is defined twice, the first in document order wins and the id is listed in `duplicates`.
   */
  readonly byId: ReadonlyMap<string, JsonPath>;
  readonly duplicates: readonly string[];
}

const indexCache = new WeakMap<JsonObject, DocumentIndex>();
const idsCache = new WeakMap<JsonObject, ReadonlySet<string>>();

/** Properties whose values are resources the document defines (arrays of them, or one for the canvases). */
const LIST_KEYS = ['items', 'annotations', 'structures'] as const;
const SINGLE_KEYS = ['placeholderCanvas', 'accompanyingCanvas'] as const;

export function documentIndex(doc: JsonObject): DocumentIndex {
  const cached = indexCache.get(doc);
  if (cached) return cached;
  const byId = new Map<string, JsonPath>();
  const duplicates: string[] = [];
  // Depth-first in document order, with an explicit stack: nested ranges can be deep.
  const stack: { node: JsonObject; path: JsonPath }[] = [{ node: doc, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: JsonObject; path: JsonPath };
    const id = node['id'];
    if (typeof id === 'string') {
      if (byId.has(id)) duplicates.push(id);
      else byId.set(id, path);
    }
    const isRange = node['type'] === 'Range';
    const children: { node: JsonObject; path: JsonPath }[] = [];
    for (const key of LIST_KEYS) {
      const list = node[key];
      if (!isJsonArray(list)) continue;
      list.forEach((child, i) => {
        if (!isJsonObject(child)) return;
        // In a range, only nested ranges are defined here; canvases and parts of canvases are references.
        if (isRange && key === 'items' && child['type'] !== 'Range') return;
        children.push({ node: child, path: [...path, key, i] });
      });
    }
    for (const key of SINGLE_KEYS) {
      const child = node[key];
      if (isJsonObject(child)) children.push({ node: child, path: [...path, key] });
    }
    for (let i = children.length - 1; i >= 0; i -= 1)
      stack.push(children[i] as { node: JsonObject; path: JsonPath });
  }
  const index: DocumentIndex = { byId, duplicates };
  indexCache.set(doc, index);
  return index;
}

/** The path of the resource with this id, or undefined. */
export function pathOfId(doc: JsonObject, id: string): JsonPath | undefined {
  return documentIndex(doc).byId.get(id);
}

/**
 * Every string under an `id` or `@id` key anywhere in the document, including references, services and
 * content resources. This is what a new id must avoid, so the id minter takes it.
 */
export function documentIds(doc: JsonObject): ReadonlySet<string> {
  const cached = idsCache.get(doc);
  if (cached) return cached;
  const ids = new Set<string>();
  const stack: JsonValue[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (isJsonArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (isJsonObject(node)) {
      for (const key of Object.keys(node)) {
        const value = node[key] as JsonValue;
        if ((key === 'id' || key === '@id') && typeof value === 'string') ids.add(value);
        else if (typeof value === 'object' && value !== null) stack.push(value);
      }
    }
  }
  idsCache.set(doc, ids);
  return ids;
}
