/**
 * id -> path, derived from a document and cached per document root: derived, never stored as a second truth
 * that could disagree with the tree. Every edit makes a new root, so a cached index can never be stale: the
 * WeakMap entry belongs to one immutable tree and is collected with it. Building it is one walk; callers that
 * never ask never pay.
 */
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

export interface DocumentIndex {
  /** Number of distinct ids defined. */
  readonly size: number;
  has(id: string): boolean;
  /** Path from the root to the resource that defines `id` (a fresh array), or undefined. */
  pathOf(id: string): JsonPath | undefined;
  /** The defined ids, in document order. */
  ids(): IterableIterator<string>;
  /** Ids defined more than once (each repeat listed); the first definition in document order is indexed. */
  readonly duplicates: readonly string[];
}

/**
 * Which resources are indexed: everything the document defines, i.e. reached through `items`, `annotations`,
 * `structures`, `placeholderCanvas` and `accompanyingCanvas` from the root: canvases, annotation pages,
 * annotations, ranges, the members of collections, at any depth. A Range's canvas references are not
 * definitions and are skipped; content resources and services are not indexed (documentIds lists those).
 */
const LIST_KEYS = ['items', 'annotations', 'structures'] as const;
const SINGLE_KEYS = ['placeholderCanvas', 'accompanyingCanvas'] as const;

const indexCache = new WeakMap<JsonObject, DocumentIndex>();
const idsCache = new WeakMap<JsonObject, ReadonlySet<string>>();

/**
 * Paths are stored as parent links (node -> parent node, key, position) and built on request: allocating one
 * path array per node made indexing cost as much as JSON.parse itself at 10k canvases.
 */
class ParentLinkIndex implements DocumentIndex {
  readonly byId = new Map<string, number>();
  readonly duplicates: string[] = [];
  readonly parents: number[] = [-1];
  readonly keys: string[] = [''];
  /** Array position for list members, -1 for single-valued properties. */
  readonly positions: number[] = [-1];

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  pathOf(id: string): JsonPath | undefined {
    let node = this.byId.get(id);
    if (node === undefined) return undefined;
    const reversed: (string | number)[] = [];
    while (node > 0) {
      const position = this.positions[node] as number;
      if (position >= 0) reversed.push(position);
      reversed.push(this.keys[node] as string);
      node = this.parents[node] as number;
    }
    return reversed.reverse();
  }

  link(parent: number, key: string, position: number): number {
    this.parents.push(parent);
    this.keys.push(key);
    this.positions.push(position);
    return this.parents.length - 1;
  }
}

export function documentIndex(doc: JsonObject): DocumentIndex {
  const cached = indexCache.get(doc);
  if (cached) return cached;
  const index = new ParentLinkIndex();
  // Depth-first in document order with explicit stacks (nested ranges can be deep); children are pushed in
  // reverse so they pop in order. No closures or per-node arrays: this visits every canvas, page and annotation.
  const nodes: JsonObject[] = [doc];
  const links: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as JsonObject;
    const link = links.pop() as number;
    const id = node['id'];
    if (typeof id === 'string') {
      if (index.byId.has(id)) index.duplicates.push(id);
      else index.byId.set(id, link);
    }
    const isRange = node['type'] === 'Range';
    for (let k = SINGLE_KEYS.length - 1; k >= 0; k -= 1) {
      const key = SINGLE_KEYS[k] as string;
      const child = node[key];
      if (isJsonObject(child)) {
        nodes.push(child);
        links.push(index.link(link, key, -1));
      }
    }
    for (let k = LIST_KEYS.length - 1; k >= 0; k -= 1) {
      const key = LIST_KEYS[k] as string;
      const list = node[key];
      if (!isJsonArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i -= 1) {
        const child = list[i];
        if (!isJsonObject(child)) continue;
        // In a range, only nested ranges are defined here; canvases and parts of canvases are references.
        if (isRange && key === 'items' && child['type'] !== 'Range') continue;
        nodes.push(child);
        links.push(index.link(link, key, i));
      }
    }
  }
  indexCache.set(doc, index);
  return index;
}

/** The path of the resource with this id, or undefined. */
export function pathOfId(doc: JsonObject, id: string): JsonPath | undefined {
  return documentIndex(doc).pathOf(id);
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
