/**
 * Splitting a manifest into several at chosen canvases: each part is a new manifest with the original's
 * properties (descriptive, rights, extensions: everything it does not have to change stays as it was), its own
 * id and a label with a part suffix, its slice of `items`, its share of the Ranges and of the manifest's
 * annotation pages, and `start` when that canvas is in it. Pure: the original is not changed.
 */
import { documentIds } from '../document/id-index';
import { referencedCanvasId } from '../document/canvas-references';
import { canvasIdOf, canvasItems } from '../canvases';
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../json';
import { allRanges, clipRanges } from './clip-ranges';
import { DEFAULT_PART_SUFFIX, partId, partLabel, partSuffix } from './part-labels';

export interface SplitOptions {
  /** Where parts begin: indices into `items` (0-based), each between 1 and items.length - 1. */
  readonly at: readonly number[];
  /** The label suffix; `{n}` is the part's number, `{total}` the number of parts. */
  readonly labelSuffix?: string;
}

export interface SplitPart {
  readonly doc: JsonObject;
  readonly id: string;
  /** Its first place in the original's `items` (0-based) and how many places it takes. */
  readonly start: number;
  readonly count: number;
  /** Full Ranges (at any depth) it has. */
  readonly ranges: number;
  /** Manifest-level annotation pages it has. */
  readonly annotationPages: number;
}

export interface SplitResult {
  readonly parts: readonly SplitPart[];
  /** Full Ranges of the original, at any depth. */
  readonly ranges: number;
  /** Ranges that point at canvases of several parts: each part has its share, the later ones under new ids. */
  readonly rangesShared: number;
  /** Ranges no part has: every canvas they pointed at is outside `items`, so each part's copy was empty. */
  readonly rangesDropped: number;
  /** Embedded annotation pages of the manifest whose annotations target no canvas of any part. */
  readonly annotationPagesDropped: number;
}

export type SplitOutcome =
  { readonly ok: true; readonly value: SplitResult } | { readonly ok: false; readonly message: string };

/** Checks the split points against the manifest; the points are sorted, and repeats count once. */
export function checkSplitPoints(at: readonly number[], slots: number): number[] | string {
  const points = [...new Set(at)].sort((a, b) => a - b);
  if (slots < 2) return 'A manifest needs at least two canvases to be split.';
  if (points.length === 0) return 'Choose where a new part begins.';
  for (const p of points) {
    if (!Number.isInteger(p) || p < 1 || p >= slots)
      return `A part can begin at canvas 2 to ${slots}; ${Number.isInteger(p) ? p + 1 : p} is outside that.`;
  }
  return points;
}

/**
 * "12, 40" → [11, 39]: the canvases (numbered from 1, as the grid shows them) where new parts begin, as
 * indices into `items`; or a sentence saying what is wrong.
 */
export function parseSplitPoints(text: string, slots: number): number[] | string {
  const words = text
    .split(/[\s,;]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.length === 0) return 'Type the numbers of the canvases where new parts begin, e.g. "12, 40".';
  const points: number[] = [];
  for (const word of words) {
    if (!/^\d+$/.test(word)) return `"${word}" is not a canvas number.`;
    points.push(Number(word) - 1);
  }
  return checkSplitPoints(points, slots);
}

export function splitManifest(doc: JsonObject, options: SplitOptions): SplitOutcome {
  if (doc['type'] !== 'Manifest') return { ok: false, message: 'Only a Manifest can be split.' };
  const items = canvasItems(doc);
  const points = checkSplitPoints(options.at, items.length);
  if (typeof points === 'string') return { ok: false, message: points };

  const bounds = [0, ...points, items.length];
  const allCanvasIds = new Set(items.map(canvasIdOf).filter((id) => id !== ''));
  const isCanvas = (id: string) => allCanvasIds.has(id);
  const total = bounds.length - 1;
  // The document's ids (cached per document) and the ones this split gives out, without copying the former.
  const own = documentIds(doc);
  const issued = new Set<string>();
  const taken = {
    has: (id: string) => own.has(id) || issued.has(id),
    add: (id: string) => void issued.add(id),
  };
  const structures = isJsonArray(doc['structures']) ? doc['structures'] : undefined;
  const pages = isJsonArray(doc['annotations']) ? doc['annotations'] : undefined;
  // A Range or page found in more than one part keeps its id in the first and gets a new one in the others: two
  // documents giving one id to different content would make it name two things.
  const placed = new Map<JsonObject, number>();
  const shared = new Set<JsonObject>();
  const keptPages = new Set<JsonObject>();
  const renamed = (original: JsonObject, n: number): string | undefined => {
    const first = placed.get(original);
    if (first === undefined) placed.set(original, n);
    if (first === undefined || first === n) return undefined;
    shared.add(original);
    return typeof original['id'] === 'string' ? freshId(`${original['id']}-part-${n}`, taken) : undefined;
  };

  const parts: SplitPart[] = [];
  for (let p = 0; p < total; p++) {
    const n = p + 1;
    const start = bounds[p] as number;
    const end = bounds[p + 1] as number;
    const slice = items.slice(start, end);
    const canvasIds = new Set(slice.map(canvasIdOf).filter((id) => id !== ''));
    const inPart = (id: string) => canvasIds.has(id);
    const id = partId(doc, n, taken);
    taken.add(id);

    const clipped = structures
      ? clipRanges(structures, inPart, n === 1, (r) => renamed(r, n), isCanvas)
      : undefined;
    const partPages = pages
      ? pagesOfPart(pages, inPart, isCanvas, (page) => renamed(page, n), n === 1)
      : undefined;
    partPages?.kept.forEach((page) => keptPages.add(page));
    const startId = referencedCanvasId(doc['start']);

    const replaced: Record<string, JsonValue | undefined> = {
      id,
      label: partLabel(doc['label'], partSuffix(options.labelSuffix ?? DEFAULT_PART_SUFFIX, n, total)),
      items: slice,
      // A list left empty by the split goes; one that was empty already stays as it was.
      structures: clipped && (clipped.list.length > 0 || structures?.length === 0) ? clipped.list : undefined,
      annotations:
        partPages && (partPages.list.length > 0 || pages?.length === 0) ? partPages.list : undefined,
      start: startId !== undefined && !inPart(startId) ? undefined : doc['start'],
    };
    parts.push({
      doc: withReplaced(doc, replaced),
      id,
      start,
      count: slice.length,
      ranges: clipped ? clipped.kept.size : 0,
      annotationPages: partPages ? partPages.list.length : 0,
    });
  }

  const originalRanges = structures ? allRanges(structures) : [];
  return {
    ok: true,
    value: {
      parts,
      ranges: originalRanges.length,
      rangesShared: originalRanges.filter((r) => shared.has(r)).length,
      rangesDropped: originalRanges.filter((r) => !placed.has(r)).length,
      annotationPagesDropped: (pages ?? []).filter(
        (page) => isJsonObject(page) && isJsonArray(page['items']) && !keptPages.has(page),
      ).length,
    },
  };
}

interface IdSet {
  has(id: string): boolean;
  add(id: string): void;
}

/** `wanted`, or `wanted-2`, `wanted-3`... when the document already uses it; the id is then taken. */
function freshId(wanted: string, taken: IdSet): string {
  let id = wanted;
  for (let k = 2; taken.has(id); k++) id = `${wanted}-${k}`;
  taken.add(id);
  return id;
}

/**
 * The original's keys in their order with some values replaced; a replacement of undefined removes the key, and
 * a key the original lacks is added only when it has a value. What is not replaced is the original's own value.
 */
function withReplaced(doc: JsonObject, replaced: Record<string, JsonValue | undefined>): JsonObject {
  const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
  // fromEntries defines own properties, so a key named "__proto__" stays a key (see json.ts updateIn).
  return Object.fromEntries(
    [
      ...Object.entries(doc).map(
        ([key, value]) => [key, has(replaced, key) ? replaced[key] : value] as const,
      ),
      ...Object.entries(replaced).filter(([key]) => !has(doc, key)),
    ].filter((entry): entry is readonly [string, JsonValue] => entry[1] !== undefined),
  );
}

interface PartPages {
  readonly list: JsonArray;
  /** The original pages that have a copy in the list. */
  readonly kept: ReadonlySet<JsonObject>;
}

/**
 * The manifest's own annotation pages, as far as they concern the part: an embedded page keeps the annotations
 * that target one of its canvases (or no canvas at all, in the first part only) and is left out when none is
 * left; a page by reference cannot be looked into, so every part keeps it.
 */
function pagesOfPart(
  pages: JsonArray,
  inPart: (canvasId: string) => boolean,
  isCanvas: (id: string) => boolean,
  renamePage: (original: JsonObject) => string | undefined,
  first: boolean,
): PartPages {
  const kept = new Set<JsonObject>();
  const list: JsonValue[] = [];
  for (const page of pages) {
    if (!isJsonObject(page) || !isJsonArray(page['items'])) {
      list.push(page);
      continue;
    }
    const annotations = page['items'].filter((annotation) => {
      const targets = isJsonObject(annotation) ? annotation['target'] : undefined;
      const ids = (isJsonArray(targets) ? targets : [targets]).map(referencedCanvasId);
      const canvasIds = ids.filter((id): id is string => id !== undefined && isCanvas(id));
      return canvasIds.length === 0 ? first : canvasIds.some(inPart);
    });
    if (annotations.length === 0 && page['items'].length > 0) continue;
    if (annotations.length === 0 && !first) continue;
    kept.add(page);
    const id = renamePage(page);
    const same = annotations.length === page['items'].length;
    list.push(
      id === undefined
        ? same
          ? page
          : { ...page, items: annotations }
        : { ...page, id, items: annotations },
    );
  }
  return { list, kept };
}
