/**
 * The table of contents as a flat list: every Range of `structures` in document (pre-)order, with its depth,
 * its parent and where it sits in the JSON. It is derived from the tree and cached per document object, never
 * stored beside it, so it can never disagree with the document. The walk is iterative, so nesting of any
 * depth cannot overflow the stack.
 */
import type { Range } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject, type JsonPath } from '../json';
import { asRange, classifyRangeItem, isFullRange } from './range-items';

/** Where a Range sits: index in `structures`, then its index in each enclosing Range's `items`. */
export type RangeAddress = readonly number[];

export interface RangeNode {
  /** Position in `StructureView.nodes` (pre-order). */
  readonly index: number;
  readonly address: RangeAddress;
  /** 1 for a Range directly in `structures`. */
  readonly depth: number;
  /** Index of the enclosing Range in `nodes`, or -1 at the top. */
  readonly parent: number;
  readonly range: Range;
  readonly json: JsonObject;
  /** false for a Range given only by reference (`{ id, type }` without items). */
  readonly full: boolean;
  /** Indexes in `nodes` of the Ranges directly inside this one, in order. */
  readonly children: readonly number[];
  /** Canvas references (whole or part) directly in this Range. */
  readonly ownCanvasRefs: number;
  /** Canvas references in this Range and every Range inside it. */
  readonly totalCanvasRefs: number;
}

export interface StructureView {
  readonly nodes: readonly RangeNode[];
  /** Indexes in `nodes` of the top-level Ranges. */
  readonly roots: readonly number[];
  /** Number of Ranges at depth 1, 2, ... (index 0 is depth 1). */
  readonly countsByDepth: readonly number[];
}

const cache = new WeakMap<JsonObject, StructureView>();

export function structuresOf(doc: JsonObject): JsonArray {
  const structures = doc['structures'];
  return isJsonArray(structures) ? structures : [];
}

export function rangePath(address: RangeAddress): JsonPath {
  const path: (string | number)[] = [];
  address.forEach((step, i) => {
    path.push(i === 0 ? 'structures' : 'items', step);
  });
  return path;
}

interface MutableNode {
  index: number;
  address: RangeAddress;
  depth: number;
  parent: number;
  range: Range;
  json: JsonObject;
  full: boolean;
  children: number[];
  ownCanvasRefs: number;
  totalCanvasRefs: number;
}

export function structureView(doc: JsonObject): StructureView {
  const cached = cache.get(doc);
  if (cached) return cached;
  const nodes: MutableNode[] = [];
  const roots: number[] = [];
  const countsByDepth: number[] = [];
  // Stack of [json, address, depth, parent], pushed in reverse so that pop() yields document order.
  const stack: { json: JsonObject; address: RangeAddress; depth: number; parent: number }[] = [];
  const top = structuresOf(doc);
  for (let i = top.length - 1; i >= 0; i -= 1) {
    const entry = top[i];
    if (isJsonObject(entry) && entry['type'] === 'Range')
      stack.push({ json: entry, address: [i], depth: 1, parent: -1 });
  }
  while (stack.length > 0) {
    const { json, address, depth, parent } = stack.pop() as (typeof stack)[number];
    const index = nodes.length;
    const full = isFullRange(json);
    const node: MutableNode = {
      index,
      address,
      depth,
      parent,
      range: asRange(json),
      json,
      full,
      children: [],
      ownCanvasRefs: 0,
      totalCanvasRefs: 0,
    };
    nodes.push(node);
    countsByDepth[depth - 1] = (countsByDepth[depth - 1] ?? 0) + 1;
    if (parent === -1) roots.push(index);
    else (nodes[parent] as MutableNode).children.push(index);
    if (!full) continue;
    const items = json['items'] as JsonArray;
    for (let k = items.length - 1; k >= 0; k -= 1) {
      const item = items[k];
      const kind = classifyRangeItem(item ?? null).kind;
      if (kind === 'range' || kind === 'range-ref') {
        stack.push({ json: item as JsonObject, address: [...address, k], depth: depth + 1, parent: index });
      } else if (kind === 'canvas' || kind === 'part') node.ownCanvasRefs += 1;
    }
  }
  // Pre-order puts every child after its parent, so one backward pass sums the subtrees.
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const node = nodes[i] as MutableNode;
    node.totalCanvasRefs += node.ownCanvasRefs;
    if (node.parent !== -1) (nodes[node.parent] as MutableNode).totalCanvasRefs += node.totalCanvasRefs;
  }
  const view: StructureView = { nodes, roots, countsByDepth };
  cache.set(doc, view);
  return view;
}

/** The node at `address`, or undefined. */
export function nodeAt(view: StructureView, address: RangeAddress): RangeNode | undefined {
  let list = view.roots;
  let found: RangeNode | undefined;
  for (const step of address) {
    found = undefined;
    for (const i of list) {
      const node = view.nodes[i] as RangeNode;
      if (node.address[node.address.length - 1] === step) {
        found = node;
        break;
      }
    }
    if (found === undefined) return undefined;
    list = found.children;
  }
  return found;
}

/**
 * The ids of the Canvases a Range covers, itself and every Range inside it, in the order the table of contents
 * reads, each once. References to Ranges given elsewhere are not followed.
 */
export function canvasIdsInRange(node: RangeNode): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // Frames of [items, next index]: a nested Range's canvases come where the Range stands in its parent.
  const frames: { items: JsonArray; next: number }[] = [];
  const items = node.json['items'];
  if (isJsonArray(items)) frames.push({ items, next: 0 });
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as (typeof frames)[number];
    if (frame.next >= frame.items.length) {
      frames.pop();
      continue;
    }
    const item = frame.items[frame.next] ?? null;
    frame.next += 1;
    const view = classifyRangeItem(item);
    if (view.kind === 'canvas' || view.kind === 'part') {
      if (!seen.has(view.canvasId)) {
        seen.add(view.canvasId);
        out.push(view.canvasId);
      }
    } else if (view.kind === 'range')
      frames.push({ items: (item as JsonObject)['items'] as JsonArray, next: 0 });
  }
  return out;
}

/** Every Canvas id any Range refers to (whole or in part). */
export function canvasIdsInAnyRange(doc: JsonObject): Set<string> {
  const ids = new Set<string>();
  for (const node of structureView(doc).nodes) {
    const items = node.json['items'];
    if (!isJsonArray(items)) continue;
    for (const item of items) {
      const view = classifyRangeItem(item);
      if (view.kind === 'canvas' || view.kind === 'part') ids.add(view.canvasId);
    }
  }
  return ids;
}
