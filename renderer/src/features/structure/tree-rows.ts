/**
 * The rows the structure tree shows: Ranges and their items in reading order, skipping what is inside a
 * collapsed Range. Derived from the document on each change (a loop over the Ranges, no recursion), so the
 * tree never holds a copy of the table of contents.
 */
import { displayStringOf } from '../../../../shared/iiif/language';
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject } from '../../../../shared/iiif/json';
import {
  classifyRangeItem,
  rangeItemTimeSpan,
  structureView,
  structuresOf,
  type RangeAddress,
} from '../../../../shared/iiif/structure';
import { formatClock, type TimeSpan } from '../../../../shared/iiif/time';

export type RowKind = 'range' | 'range-ref' | 'canvas' | 'part' | 'unknown';

export interface TreeRow {
  /** The item address joined with "." (stable while the tree does not change shape). */
  readonly key: string;
  readonly address: RangeAddress;
  /** aria-level: 1 for a top-level Range. */
  readonly level: number;
  /** aria-setsize: how many items share this row's list (aria-posinset is its index + 1). */
  readonly setSize: number;
  readonly kind: RowKind;
  readonly label: string;
  /** For a Range: whether it has items, and whether they are shown. */
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** For a Range: canvas references in it and in its Ranges. For a canvas row: its index in the manifest. */
  readonly count: number;
  readonly canvasIndex: number | null;
  /** The key a collapsed Range is remembered by: its id when it has one, else its address. */
  readonly collapseKey: string;
  /** For a part of a Canvas in time (`#t=`): the span, which the time span form edits. */
  readonly timeSpan?: TimeSpan;
}

/** "00:01:10.0–00:02:00.0", or "… – end" for a span that runs to the end of the Canvas. */
export function timeSpanLabel(span: TimeSpan): string {
  return `${formatClock(span.start)}–${span.end === undefined ? 'end' : formatClock(span.end)}`;
}

export function addressKey(address: RangeAddress): string {
  return address.join('.');
}

/**
 * Each canvas id's first index. Cached per `items` list: a range edit leaves that list the same object, so the
 * tree of a 10,000-canvas manifest is not re-indexed on every edit.
 */
const indexCache = new WeakMap<JsonArray, Map<string, number>>();

export function canvasIndexById(doc: JsonObject): Map<string, number> {
  const items = doc['items'];
  if (!isJsonArray(items)) return new Map();
  const cached = indexCache.get(items);
  if (cached) return cached;
  const map = new Map<string, number>();
  items.forEach((canvas, i) => {
    if (isJsonObject(canvas) && typeof canvas['id'] === 'string' && !map.has(canvas['id']))
      map.set(canvas['id'], i);
  });
  indexCache.set(items, map);
  return map;
}

/**
 * A canvas's display label, cached per canvas object and language preference: reading a language map is the
 * costliest step of building the rows, and edits of the table of contents leave every canvas the same object.
 */
const labelCache = new WeakMap<JsonObject, { languages: string; label: string }>();

function canvasLabel(doc: JsonObject, index: number | undefined, languages: readonly string[]): string {
  if (index === undefined) return '';
  const canvas = (doc['items'] as JsonObject[])[index];
  if (!isJsonObject(canvas)) return '';
  const key = languages.join(',');
  const cached = labelCache.get(canvas);
  if (cached?.languages === key) return cached.label;
  const label = displayStringOf(canvas['label'], languages);
  labelCache.set(canvas, { languages: key, label });
  return label;
}

/**
 * The rows inside a Range, remembered per Range object. An edit copies only the Ranges on its path (structural
 * sharing), so at 2,000 Ranges nearly every Range is the same object after it, and its rows can be reused as
 * long as everything they depend on is the same: the Range's address (row keys), the collapsed set, the
 * canvases (row labels and indexes) and the display languages.
 */
interface SubtreeRows {
  readonly owner: string;
  readonly collapsed: ReadonlySet<string>;
  readonly canvases: unknown;
  readonly languages: string;
  readonly rows: readonly TreeRow[];
}
const subtreeCache = new WeakMap<JsonObject, SubtreeRows>();
const CACHED_LEVELS = 4;

export function treeRows(
  doc: JsonObject,
  collapsed: ReadonlySet<string>,
  languages: readonly string[],
): TreeRow[] {
  const rows: TreeRow[] = [];
  const canvases = canvasIndexById(doc);
  const languageKey = languages.join(',');
  // Counts come from the cached structure view (one backward pass), never from a walk per row.
  const counts = new Map<JsonObject, number>();
  for (const node of structureView(doc).nodes) counts.set(node.json, node.totalCanvasRefs);
  // Frames of [list, address of the list's owner, next index]; the top frame is `structures`. A Range's frame
  // also keeps where its rows begin, so that they can be remembered for the next build.
  const frames: {
    list: readonly unknown[];
    owner: RangeAddress;
    next: number;
    range?: JsonObject;
    start: number;
  }[] = [{ list: structuresOf(doc), owner: [], next: 0, start: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as (typeof frames)[number];
    if (frame.next >= frame.list.length) {
      frames.pop();
      if (frame.range !== undefined) {
        subtreeCache.set(frame.range, {
          owner: addressKey(frame.owner),
          collapsed,
          canvases: doc['items'],
          languages: languageKey,
          rows: rows.slice(frame.start),
        });
      }
      continue;
    }
    const index = frame.next;
    frame.next += 1;
    const item = frame.list[index] as JsonObject;
    const address = [...frame.owner, index];
    const level = address.length;
    const view = classifyRangeItem(item);
    const key = addressKey(address);
    if (view.kind === 'range' || view.kind === 'range-ref') {
      const id = typeof item['id'] === 'string' ? item['id'] : undefined;
      const collapseKey = id ?? `@${key}`;
      const items = view.kind === 'range' ? (item['items'] as readonly unknown[]) : [];
      const expanded = items.length > 0 && !collapsed.has(collapseKey);
      const count = counts.get(item) ?? 0;
      rows.push({
        key,
        address,
        level,
        setSize: frame.list.length,
        kind: view.kind,
        label:
          displayStringOf(item['label'], languages) ||
          (view.kind === 'range-ref' ? (id ?? 'Range') : 'Untitled range'),
        expandable: items.length > 0,
        expanded,
        count,
        canvasIndex: null,
        collapseKey,
      });
      if (!expanded) continue;
      const cached = subtreeCache.get(item);
      if (
        cached !== undefined &&
        cached.owner === key &&
        cached.collapsed === collapsed &&
        cached.canvases === doc['items'] &&
        cached.languages === languageKey
      ) {
        for (const row of cached.rows) rows.push(row);
        continue;
      }
      // Remembering a Range copies its rows, so only the top levels are remembered: a chain thousands of
      // levels deep would otherwise copy its rows once per level (quadratic); edits copy those few anyway.
      frames.push(
        level <= CACHED_LEVELS
          ? { list: items, owner: address, next: 0, range: item, start: rows.length }
          : { list: items, owner: address, next: 0, start: rows.length },
      );
      continue;
    }
    if (view.kind === 'canvas' || view.kind === 'part') {
      const canvasIndex = canvases.get(view.canvasId);
      const name =
        canvasLabel(doc, canvasIndex, languages) ||
        (canvasIndex === undefined ? 'missing canvas' : `canvas ${canvasIndex + 1}`);
      const timeSpan = view.kind === 'part' ? rangeItemTimeSpan(item) : undefined;
      const part =
        view.kind === 'part' ? ` (${timeSpan ? timeSpanLabel(timeSpan) : (view.fragment ?? 'part')})` : '';
      rows.push({
        key,
        address,
        level,
        setSize: frame.list.length,
        kind: view.kind,
        label: `${name}${part}`,
        expandable: false,
        expanded: false,
        count: 0,
        canvasIndex: canvasIndex ?? null,
        collapseKey: `@${key}`,
        ...(timeSpan ? { timeSpan } : {}),
      });
      continue;
    }
    rows.push({
      key,
      address,
      level,
      setSize: frame.list.length,
      kind: 'unknown',
      label: 'Unknown item (kept as it is)',
      expandable: false,
      expanded: false,
      count: 0,
      canvasIndex: null,
      collapseKey: `@${key}`,
    });
  }
  return rows;
}
