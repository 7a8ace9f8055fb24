/**
 * Gives a Manifest the ids it will have once published under a base URL. Ids are derived from positions
 * (canvas n, its page m, that page's annotation k, range n), so the same document always gets the same ids
 * and no two resources share one. Every reference to an old id (start, Range items, annotation targets with
 * #xywh= or #t= fragments, SpecificResource sources, partOf) follows. Images the project serves locally move
 * under the publication too; images and services of institutions are never touched.
 */
import { isJsonArray, isJsonObject, putOwn, type JsonObject, type JsonValue } from '../json';

export interface RewriteOptions {
  /** The public URL of the publication folder, e.g. https://example.org/iiif/book1 */
  readonly toBase: string;
  /**
   * The URL the project's local images are served from now (their Image API services and image URLs start
   * with it). Those move to `${toBase}/${imagesPath}`. Without it no image URL is rewritten.
   */
  readonly fromBase?: string;
  /** Folder of the publication that holds the local image tiles; "images" by default. */
  readonly imagesPath?: string;
}

export interface RewriteResult {
  readonly doc: JsonValue;
  /** Old id -> new id, for every resource given a new id (in document order). */
  readonly mapping: Readonly<Record<string, string>>;
}

/** Descriptive text is never a reference, even when it happens to quote an id. */
const TEXT_PROPERTIES = new Set(['label', 'summary', 'metadata', 'requiredStatement', 'value']);

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function rewriteIds(doc: JsonValue, options: RewriteOptions): RewriteResult {
  const base = trimSlash(options.toBase);
  const mapping = new Map<string, string>();
  const planned = isJsonObject(doc) && doc.type === 'Manifest' ? planManifest(doc, base, mapping) : undefined;
  const local =
    options.fromBase !== undefined && options.fromBase !== '' ? trimSlash(options.fromBase) : undefined;
  const imagesBase = `${base}/${(options.imagesPath ?? 'images').replace(/^\/+|\/+$/g, '')}`;

  const rewriteString = (value: string): string => {
    const hash = value.indexOf('#');
    const head = hash === -1 ? value : value.slice(0, hash);
    const mapped = mapping.get(head);
    if (mapped !== undefined) return hash === -1 ? mapped : mapped + value.slice(hash);
    if (local !== undefined && (value === local || value.startsWith(`${local}/`))) {
      const moved = imagesBase + value.slice(local.length);
      if (!mapping.has(value)) mapping.set(value, moved);
      return moved;
    }
    return value;
  };

  const rewritten = rewriteValue(doc, planned, rewriteString);
  return { doc: rewritten, mapping: Object.fromEntries(mapping) };
}

/**
 * The new ids by position: a tree mirroring the parts of the Manifest that get new ids. A node's `id` is its
 * new id; its `children` map property names and indexes to the plans of the resources inside.
 */
interface Plan {
  readonly id?: string;
  readonly children: Map<string, Map<number, Plan> | Plan>;
}

function plan(id?: string): Plan {
  return { ...(id !== undefined ? { id } : {}), children: new Map() };
}

function assign(mapping: Map<string, string>, node: JsonObject, newId: string): void {
  // The first resource to claim an old id wins; references to it follow the first one.
  if (typeof node.id === 'string' && !mapping.has(node.id)) mapping.set(node.id, newId);
}

function listOf(value: JsonValue | undefined): readonly JsonValue[] {
  return isJsonArray(value) ? value : [];
}

function planManifest(manifest: JsonObject, base: string, mapping: Map<string, string>): Plan {
  const root = plan(`${base}/manifest.json`);
  assign(mapping, manifest, root.id as string);
  const canvases = new Map<number, Plan>();
  listOf(manifest.items).forEach((canvas, index) => {
    if (isJsonObject(canvas)) canvases.set(index, planCanvas(canvas, `${base}/canvas/${index + 1}`, mapping));
  });
  root.children.set('items', canvases);
  planCompanions(manifest, base, root, mapping);
  planPages(manifest, 'annotations', `${base}/annotations`, root, mapping);
  let rangeCount = 0;
  const rangeIds = new Map<string, string>();
  const planRange = (range: JsonObject): Plan => {
    // Only Ranges given in full are ours to name; a Range without items refers to one published elsewhere.
    if (!isJsonArray(range.items)) return plan();
    // The same Range may be spelled out in two hierarchies: it keeps one new id.
    const existing = typeof range.id === 'string' ? rangeIds.get(range.id) : undefined;
    const node = plan(existing ?? `${base}/range/${(rangeCount += 1)}`);
    if (typeof range.id === 'string') rangeIds.set(range.id, node.id as string);
    assign(mapping, range, node.id as string);
    const children = new Map<number, Plan>();
    range.items.forEach((item, index) => {
      if (isJsonObject(item) && item.type === 'Range') children.set(index, planRange(item));
    });
    node.children.set('items', children);
    return node;
  };
  const structures = new Map<number, Plan>();
  listOf(manifest.structures).forEach((range, index) => {
    if (isJsonObject(range)) structures.set(index, planRange(range));
  });
  root.children.set('structures', structures);
  return root;
}

function planCanvas(canvas: JsonObject, id: string, mapping: Map<string, string>): Plan {
  const node = plan(id);
  assign(mapping, canvas, id);
  planPages(canvas, 'items', `${id}/page`, node, mapping);
  planPages(canvas, 'annotations', `${id}/annotations`, node, mapping);
  planCompanions(canvas, id, node, mapping);
  return node;
}

function planCompanions(owner: JsonObject, ownerId: string, node: Plan, mapping: Map<string, string>): void {
  for (const key of ['placeholderCanvas', 'accompanyingCanvas'] as const) {
    const canvas = owner[key];
    if (isJsonObject(canvas)) node.children.set(key, planCanvas(canvas, `${ownerId}/${key}`, mapping));
  }
}

/** Annotation Pages given in full (with items) and their Annotations; referenced pages keep their ids. */
function planPages(
  owner: JsonObject,
  key: string,
  prefix: string,
  node: Plan,
  mapping: Map<string, string>,
): void {
  const pages = new Map<number, Plan>();
  listOf(owner[key]).forEach((page, pageIndex) => {
    if (!isJsonObject(page) || !isJsonArray(page.items)) return;
    const pageId = `${prefix}/${pageIndex + 1}`;
    const pagePlan = plan(pageId);
    assign(mapping, page, pageId);
    const annotations = new Map<number, Plan>();
    page.items.forEach((annotation, index) => {
      if (!isJsonObject(annotation)) return;
      const annotationId = `${pageId}/annotation/${index + 1}`;
      assign(mapping, annotation, annotationId);
      annotations.set(index, plan(annotationId));
    });
    pagePlan.children.set('items', annotations);
    pages.set(pageIndex, pagePlan);
  });
  node.children.set(key, pages);
}

/**
 * Rebuilds the value, replacing planned ids and references. Unchanged subtrees are returned as they are, so
 * the result shares every part the rewrite did not touch.
 */
function rewriteValue(
  value: JsonValue,
  planned: Plan | undefined,
  rewriteString: (s: string) => string,
): JsonValue {
  if (typeof value === 'string') return rewriteString(value);
  if (isJsonArray(value)) {
    return rewriteChild(value, new Map(), rewriteString);
  }
  if (!isJsonObject(value)) return value;
  let changed = false;
  const copy: Record<string, JsonValue> = {};
  // A resource that had no id gets one, first, where readers expect it.
  if (planned?.id !== undefined && value.id === undefined) {
    copy.id = planned.id;
    changed = true;
  }
  for (const [key, child] of Object.entries(value)) {
    let next: JsonValue;
    if (key === 'id' && planned?.id !== undefined) next = planned.id;
    else if (TEXT_PROPERTIES.has(key)) next = child;
    else next = rewriteChild(child, planned?.children.get(key), rewriteString);
    if (next !== child) changed = true;
    putOwn(copy, key, next);
  }
  return changed ? copy : value;
}

function rewriteChild(
  child: JsonValue,
  childPlan: Map<number, Plan> | Plan | undefined,
  rewriteString: (s: string) => string,
): JsonValue {
  if (childPlan === undefined || !(childPlan instanceof Map))
    return rewriteValue(child, childPlan, rewriteString);
  if (!isJsonArray(child)) return rewriteValue(child, undefined, rewriteString);
  let changed = false;
  const copy = child.map((item, index) => {
    const next = rewriteValue(item, childPlan.get(index), rewriteString);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? copy : child;
}
