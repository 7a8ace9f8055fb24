/**
 * Merging manifests into one: their canvases one after another, their Ranges and manifest-level annotation pages
 * kept, and the first manifest's own properties (label, rights, everything else it has, in its key order). A
 * canvas, page, annotation or Range whose id an earlier manifest already used gets a new id, and every reference
 * to it inside its own manifest (Range items, annotation targets, start) follows, so nothing points at the wrong
 * canvas. Pure: the inputs are not changed.
 */
import { createIdMinter, documentBaseUri } from '../document/mint-ids';
import { documentIds } from '../document/id-index';
import { isJsonArray, isJsonObject, sameJson, type JsonObject, type JsonValue } from '../json';

export interface MergeOptions {
  /** The merged manifest's id; by default `<base of the first>/merged/manifest.json` (a new document). */
  readonly id?: string;
}

export interface DroppedProperties {
  /** The manifest's place in the input (0-based; never 0: the first one's properties are the merged ones). */
  readonly index: number;
  /** Its top-level properties that differ from the first manifest's and so are not in the merged one. */
  readonly keys: readonly string[];
}

export interface MergeResult {
  readonly doc: JsonObject;
  readonly id: string;
  /** Canvases per input, in order. */
  readonly canvases: readonly number[];
  /** Canvases given a new id because an earlier manifest used theirs. */
  readonly renamedCanvases: number;
  /** Pages, annotations and Ranges given a new id for the same reason. */
  readonly renamedOthers: number;
  readonly dropped: readonly DroppedProperties[];
}

export type MergeOutcome =
  { readonly ok: true; readonly value: MergeResult } | { readonly ok: false; readonly message: string };

/** The resources whose ids must be unique within a manifest, and the word new ids of each kind go under. */
const KINDS: Readonly<Record<string, string>> = {
  Canvas: 'canvas',
  AnnotationPage: 'page',
  Annotation: 'annotation',
  Range: 'range',
};

/** What the merged manifest takes from the inputs themselves rather than from the first one. */
const CONCATENATED = ['items', 'structures', 'annotations'] as const;
const NOT_DESCRIPTIVE = new Set(['id', 'type', '@context', ...CONCATENATED]);

export function mergeManifests(docs: readonly JsonObject[], options: MergeOptions = {}): MergeOutcome {
  if (docs.length < 2) return { ok: false, message: 'Choose at least two manifests to merge.' };
  const notManifest = docs.findIndex((d) => d['type'] !== 'Manifest');
  if (notManifest >= 0)
    return {
      ok: false,
      message: `Document ${notManifest + 1} is a ${String(docs[notManifest]?.['type'] ?? 'document without a type')}; only Manifests can be merged.`,
    };
  const first = docs[0] as JsonObject;
  const everyId = new Set<string>();
  for (const doc of docs) documentIds(doc).forEach((id) => everyId.add(id));
  const id = options.id ?? freshMergedId(first, everyId);
  everyId.add(id);
  const mint = createIdMinter(documentBaseUri({ id }), everyId);

  const used = new Set<string>();
  const lists: Record<(typeof CONCATENATED)[number], JsonValue[]> = {
    items: [],
    structures: [],
    annotations: [],
  };
  let renamedCanvases = 0;
  let renamedOthers = 0;
  const dropped: DroppedProperties[] = [];
  docs.forEach((doc, index) => {
    const own = structuralIds(doc);
    const renames = new Map<string, string>();
    for (const [resourceId, type] of own) {
      if (!used.has(resourceId)) continue;
      renames.set(resourceId, mint(KINDS[type] as string));
      if (type === 'Canvas') renamedCanvases += 1;
      else renamedOthers += 1;
    }
    own.forEach((_type, resourceId) => used.add(renames.get(resourceId) ?? resourceId));
    for (const key of CONCATENATED) {
      const list = doc[key];
      if (isJsonArray(list)) lists[key].push(...list.map((v) => renameIn(v, renames)));
    }
    if (index > 0) {
      const keys = Object.keys(doc).filter((k) => !NOT_DESCRIPTIVE.has(k) && !sameJson(doc[k], first[k]));
      if (keys.length > 0) dropped.push({ index, keys });
    }
  });

  const has = (key: string) => docs.some((d) => isJsonArray(d[key]));
  const replaced: Record<string, JsonValue> = { id, items: lists.items };
  if (has('structures')) replaced.structures = lists.structures;
  if (has('annotations')) replaced.annotations = lists.annotations;
  const own = (key: string) => Object.prototype.hasOwnProperty.call(first, key);
  const doc = Object.fromEntries([
    ...Object.entries(first).map(([key, value]) => [
      key,
      own(key) && key in replaced ? replaced[key] : value,
    ]),
    ...Object.entries(replaced).filter(([key]) => !own(key)),
  ]) as JsonObject;
  return {
    ok: true,
    value: {
      doc,
      id,
      canvases: docs.map((d) => (isJsonArray(d['items']) ? d['items'].length : 0)),
      renamedCanvases,
      renamedOthers,
      dropped,
    },
  };
}

function freshMergedId(first: JsonObject, taken: ReadonlySet<string>): string {
  const base = `${documentBaseUri(first)}/merged`;
  let id = `${base}/manifest.json`;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}/manifest.json`;
  return id;
}

/** The ids of a manifest's canvases, pages, annotations and Ranges (at any depth), with their types. */
function structuralIds(doc: JsonObject): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: JsonValue | undefined): void => {
    if (isJsonArray(value)) value.forEach(visit);
    else if (isJsonObject(value)) {
      const type = value['type'];
      // A Canvas, Range or page given by reference only ({ id, type } inside a Range, a target, or an external
      // annotation page) names a resource elsewhere: renaming it would point at nothing.
      const defines = type === 'Annotation' || isJsonArray(value['items']);
      if (typeof type === 'string' && KINDS[type] && typeof value['id'] === 'string' && defines)
        if (!found.has(value['id'])) found.set(value['id'], type);
      for (const key of Object.keys(value)) if (key !== 'id') visit(value[key]);
    }
  };
  // Every object of the manifest's own `items` defines a canvas, with or without items of its own.
  const items = doc['items'];
  if (isJsonArray(items))
    for (const canvas of items)
      if (isJsonObject(canvas) && canvas['type'] === 'Canvas' && typeof canvas['id'] === 'string')
        found.set(canvas['id'], 'Canvas');
  for (const key of CONCATENATED) visit(doc[key]);
  return found;
}

/** Keys whose string values refer to a canvas (or a part of one: `…#xywh=`). */
const REFERENCE_KEYS = new Set(['target', 'source', 'start']);

/** `value` with every id in `renames`, and every reference to one, replaced; unchanged subtrees kept as they were. */
function renameIn(value: JsonValue, renames: ReadonlyMap<string, string>): JsonValue {
  if (renames.size === 0) return value;
  const renameRef = (ref: string): string => {
    const hash = ref.indexOf('#');
    const bare = hash < 0 ? ref : ref.slice(0, hash);
    const to = renames.get(bare);
    return to === undefined ? ref : `${to}${hash < 0 ? '' : ref.slice(hash)}`;
  };
  const visit = (node: JsonValue, referenceList: boolean): JsonValue => {
    if (typeof node === 'string') return referenceList ? renameRef(node) : node;
    if (isJsonArray(node)) {
      const next = node.map((item) => visit(item, referenceList));
      return next.every((item, i) => item === node[i]) ? node : next;
    }
    if (!isJsonObject(node)) return node;
    const type = node['type'];
    const isRange = type === 'Range';
    let changed = false;
    const entries = Object.entries(node).map(([key, child]) => {
      let next: JsonValue;
      if (key === 'id' && typeof child === 'string' && typeof type === 'string' && KINDS[type])
        next = renameRef(child);
      else if (REFERENCE_KEYS.has(key)) next = visit(child, true);
      // A Range's items may name canvases by a bare id string.
      else if (key === 'items' && isRange) next = visit(child, true);
      else next = visit(child, false);
      if (next !== child) changed = true;
      return [key, next] as const;
    });
    return changed ? (Object.fromEntries(entries) as JsonObject) : node;
  };
  return visit(value, false);
}
