/**
 * A part's share of the table of contents: every Range keeps the items that point at the part's Canvases, a
 * Range left with nothing is dropped (with the Ranges inside it), and the rest of each Range stays as it was.
 */
import type { JsonArray, JsonObject, JsonValue } from '../json';
import { referencedCanvasId } from '../document/canvas-references';
import { isFullRange, itemCanvasId } from '../structure/range-items';

export interface ClippedRanges {
  /** The clipped list; the same array when nothing in it changed. */
  readonly list: JsonArray;
  /** The original Range objects (at any depth) that have a copy, clipped or not, in the list. */
  readonly kept: ReadonlySet<JsonObject>;
}

/**
 * `inPart` says whether a Canvas id belongs to the part. Items that name no Canvas (Ranges by reference, unknown
 * items) are kept: nothing says which part they belong to. A Range that was empty before the split is kept only
 * when `keepEmpty` (the first part), so it is neither lost nor copied into every part. Recursion is safe:
 * documents are refused past MAX_NESTING when read (document/nesting.ts).
 */
export function clipRanges(
  list: JsonArray,
  inPart: (canvasId: string) => boolean,
  keepEmpty: boolean,
  /** A new id for a kept Range (one another part already holds), or undefined to keep its own. */
  renameRange: (original: JsonObject) => string | undefined = () => undefined,
  /** Whether an id is a canvas of the whole manifest: a Range's `start` on one outside the part is dropped. */
  isCanvas: (id: string) => boolean = () => true,
): ClippedRanges {
  const kept = new Set<JsonObject>();
  return { list: clipList(list, { inPart, keepEmpty, kept, renameRange, isCanvas }), kept };
}

interface Clip {
  readonly inPart: (canvasId: string) => boolean;
  readonly keepEmpty: boolean;
  readonly kept: Set<JsonObject>;
  readonly renameRange: (original: JsonObject) => string | undefined;
  readonly isCanvas: (id: string) => boolean;
}

function clipList(items: JsonArray, clip: Clip): JsonArray {
  let changed = false;
  const out: JsonValue[] = [];
  for (const item of items) {
    if (isFullRange(item)) {
      const range = clipRange(item, clip);
      if (range !== item) changed = true;
      if (range !== undefined) out.push(range);
      continue;
    }
    const canvasId = itemCanvasId(item);
    if (canvasId !== undefined && !clip.inPart(canvasId)) {
      changed = true;
      continue;
    }
    out.push(item);
  }
  return changed ? out : items;
}

function clipRange(range: JsonObject, clip: Clip): JsonObject | undefined {
  const items = range['items'] as JsonArray;
  let clipped: JsonArray = items;
  if (items.length === 0) {
    if (!clip.keepEmpty) return undefined;
  } else {
    clipped = clipList(items, clip);
    if (clipped.length === 0) return undefined;
  }
  clip.kept.add(range);
  const id = clip.renameRange(range);
  const startId = referencedCanvasId(range['start']);
  // A Range's own start (where a viewer opens it) on a canvas of another part would point nowhere.
  const dropStart = startId !== undefined && clip.isCanvas(startId) && !clip.inPart(startId);
  if (id === undefined && !dropStart) return clipped === items ? range : { ...range, items: clipped };
  const next: Record<string, JsonValue> = { ...range, items: clipped };
  if (id !== undefined) next['id'] = id;
  if (dropStart) delete next['start'];
  return next;
}

/** Every full Range object in `list`, at any depth. */
export function allRanges(list: JsonArray, into: JsonObject[] = []): JsonObject[] {
  for (const item of list) {
    if (!isFullRange(item)) continue;
    into.push(item);
    allRanges(item['items'] as JsonArray, into);
  }
  return into;
}
