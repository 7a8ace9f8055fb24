/**
 * Pure edits of the table of contents, each `(doc, args) -> doc` and one undo step when committed. An edit
 * that changes nothing returns `doc` itself. Ranges the edit does not touch stay the same objects, so they are
 * saved byte for byte as they were read. Addresses come from structureView (see RangeAddress); an item address
 * is its container (a Range address, or [] for `structures`) followed by its index there.
 */
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../json';
import type { TimeSpan } from '../time';
import {
  canvasPartReference,
  canvasReference,
  canvasTimeReference,
  isRangeObject,
  rangeItemTimeSpan,
  withItemTimeSpan,
} from './range-items';
import { itemAt, listAt, withListAt, withRangeAt } from './range-tree';
import type { RangeAddress } from './structure-view';

export interface NewRange {
  readonly id: string;
  readonly label: string;
}

/** The result of an edit that moves an item: where it is now, for the selection to follow. */
export interface MoveResult {
  readonly doc: JsonObject;
  readonly address: RangeAddress;
}

export function rangeJson(range: NewRange, items: readonly JsonValue[]): JsonObject {
  return { id: range.id, type: 'Range', label: { none: [range.label] }, items: [...items] };
}

function containerOf(address: RangeAddress): RangeAddress {
  return address.slice(0, -1);
}

function lastOf(address: RangeAddress): number {
  const last = address[address.length - 1];
  if (last === undefined) throw new RangeError('an item address has at least one step');
  return last;
}

function requireList(doc: JsonObject, container: RangeAddress): JsonArray {
  const list = listAt(doc, container);
  if (list === undefined) throw new RangeError(`no Range list at [${container.join(', ')}]`);
  return list;
}

/** `structures` holds only Ranges: a Canvas reference may not be moved or added there. */
function allowedIn(container: RangeAddress, item: JsonValue | undefined): boolean {
  return container.length > 0 || isRangeObject(item);
}

/**
 * A new Range holding `canvasIds` (whole Canvases, in the order given: callers pass manifest order, so a
 * non-contiguous selection reads as it does in the book), inserted into `container` at `at` (default: end).
 */
export function createRange(
  doc: JsonObject,
  args: { container: RangeAddress; at?: number; range: NewRange; canvasIds: readonly string[] },
): MoveResult {
  const list = requireList(doc, args.container);
  const at = args.at ?? list.length;
  if (!Number.isInteger(at) || at < 0 || at > list.length)
    throw new RangeError(`position ${at} is out of range`);
  const range = rangeJson(args.range, args.canvasIds.map(canvasReference));
  const next = [...list.slice(0, at), range, ...list.slice(at)];
  return { doc: withListAt(doc, args.container, next), address: [...args.container, at] };
}

/**
 * A new Range over a span of a time-based Canvas (a movement of a recording, a track of a tape), inserted into
 * `container` at `at` (default: end). Its one item is `canvas#t=start,end`, as the cookbook writes it.
 */
export function createTimeRange(
  doc: JsonObject,
  args: { container: RangeAddress; at?: number; range: NewRange; canvasId: string; span: TimeSpan },
): MoveResult {
  const list = requireList(doc, args.container);
  const at = args.at ?? list.length;
  if (!Number.isInteger(at) || at < 0 || at > list.length)
    throw new RangeError(`position ${at} is out of range`);
  if (args.span.end !== undefined && args.span.end <= args.span.start)
    throw new RangeError('a time span ends after it starts');
  const range = rangeJson(args.range, [canvasTimeReference(args.canvasId, args.span)]);
  const next = [...list.slice(0, at), range, ...list.slice(at)];
  return { doc: withListAt(doc, args.container, next), address: [...args.container, at] };
}

/**
 * Changes the time span of the item at `address` (a part of a Canvas named by `t=`), keeping the way it is
 * written. Returns `doc` when the item names no time span or the span is the same.
 */
export function setItemTimeSpan(doc: JsonObject, address: RangeAddress, span: TimeSpan): JsonObject {
  const container = containerOf(address);
  const list = requireList(doc, container);
  const index = lastOf(address);
  const item = list[index];
  const before = item === undefined ? undefined : rangeItemTimeSpan(item);
  if (item === undefined || before === undefined) return doc;
  if (span.end !== undefined && span.end <= span.start)
    throw new RangeError('a time span ends after it starts');
  if (before.start === span.start && before.end === span.end) return doc;
  const next = [...list];
  next[index] = withItemTimeSpan(item, span);
  return withListAt(doc, container, next);
}

/**
 * Puts the items at `addresses` (all in one container, any order, contiguous or not) into a new Range that
 * takes the place of the first of them.
 */
export function wrapItems(doc: JsonObject, addresses: readonly RangeAddress[], range: NewRange): MoveResult {
  if (addresses.length === 0) return { doc, address: [] };
  const container = containerOf(addresses[0] as RangeAddress);
  const key = container.join(',');
  if (addresses.some((a) => containerOf(a).join(',') !== key)) {
    throw new RangeError('only items of one Range can be wrapped together');
  }
  const list = requireList(doc, container);
  const indices = [...new Set(addresses.map(lastOf))].sort((a, b) => a - b);
  if (indices.some((i) => i < 0 || i >= list.length)) throw new RangeError('an item to wrap does not exist');
  const chosen = new Set(indices);
  const first = indices[0] as number;
  const wrapper = rangeJson(
    range,
    indices.map((i) => list[i] as JsonValue),
  );
  const next: JsonValue[] = [];
  list.forEach((item, i) => {
    if (i === first) next.push(wrapper);
    if (!chosen.has(i)) next.push(item);
  });
  const at = next.indexOf(wrapper);
  return { doc: withListAt(doc, container, next), address: [...container, at] };
}

/**
 * Sets the Range's label to `text`. A label in one language keeps that language; otherwise the label becomes
 * `{ "none": [text] }`. An empty text removes nothing: a Range should have a label, so it is refused.
 */
export function renameRange(doc: JsonObject, address: RangeAddress, text: string): JsonObject {
  const trimmed = text.trim();
  if (trimmed === '') return doc;
  return withRangeAt(doc, address, (range) => {
    const label = range['label'];
    const keys = isJsonObject(label) ? Object.keys(label) : [];
    const language = keys.length === 1 ? (keys[0] as string) : 'none';
    const current = isJsonObject(label) ? label[language] : undefined;
    if (isJsonArray(current) && current.length === 1 && current[0] === trimmed) return range;
    return { ...range, label: { [language]: [trimmed] } };
  });
}

/**
 * Splits the Range at `address` before its item `at` (1..length-1): the items from `at` on move into a new
 * Range right after it, which gets `second` as id and label. The first Range keeps everything else it had.
 */
export function splitRange(doc: JsonObject, address: RangeAddress, at: number, second: NewRange): MoveResult {
  const container = containerOf(address);
  const list = requireList(doc, container);
  const index = lastOf(address);
  const range = list[index];
  if (!isRangeObject(range) || !isJsonArray(range['items'])) throw new RangeError('no Range to split');
  const items = range['items'];
  if (!Number.isInteger(at) || at <= 0 || at >= items.length) return { doc, address };
  const head: JsonObject = { ...range, items: items.slice(0, at) };
  const tail = rangeJson(second, items.slice(at));
  const next = [...list.slice(0, index), head, tail, ...list.slice(index + 1)];
  return { doc: withListAt(doc, container, next), address: [...container, index + 1] };
}

/**
 * Merges the Range at `address` with the Range right after it: the second one's items are appended to the
 * first, and the second (its id, label and other properties) goes. Refused when the next item is not a Range
 * given in full.
 */
export function mergeWithNext(doc: JsonObject, address: RangeAddress): JsonObject {
  const container = containerOf(address);
  const list = requireList(doc, container);
  const index = lastOf(address);
  const first = list[index];
  const second = list[index + 1];
  if (!isRangeObject(first) || !isRangeObject(second)) return doc;
  const a = first['items'];
  const b = second['items'];
  if (!isJsonArray(a) || !isJsonArray(b)) return doc;
  const merged: JsonObject = { ...first, items: [...a, ...b] };
  return withListAt(doc, container, [...list.slice(0, index), merged, ...list.slice(index + 2)]);
}

/** Removes the item at `address`: a Range (with all it holds; the Canvases stay in the manifest) or a reference. */
export function removeItem(doc: JsonObject, address: RangeAddress): JsonObject {
  const container = containerOf(address);
  const list = requireList(doc, container);
  const index = lastOf(address);
  if (index < 0 || index >= list.length) return doc;
  return withListAt(
    doc,
    container,
    list.filter((_, i) => i !== index),
  );
}

/** Adds references to whole Canvases to the Range at `container`, at `at` (default: end). */
export function addCanvases(
  doc: JsonObject,
  container: RangeAddress,
  canvasIds: readonly string[],
  at?: number,
): JsonObject {
  return insertItems(doc, container, canvasIds.map(canvasReference), at);
}

/** Adds part of a Canvas (a media fragment such as `xywh=10,10,200,300` or `t=5,20`) to the Range. */
export function addCanvasPart(
  doc: JsonObject,
  container: RangeAddress,
  canvasId: string,
  fragment: string,
  at?: number,
): JsonObject {
  return insertItems(doc, container, [canvasPartReference(canvasId, fragment)], at);
}

function insertItems(doc: JsonObject, container: RangeAddress, items: JsonValue[], at?: number): JsonObject {
  if (container.length === 0) throw new RangeError('Canvases belong in a Range, not directly in structures');
  if (items.length === 0) return doc;
  const list = requireList(doc, container);
  const where = at ?? list.length;
  if (!Number.isInteger(where) || where < 0 || where > list.length)
    throw new RangeError(`position ${where} is out of range`);
  return withListAt(doc, container, [...list.slice(0, where), ...items, ...list.slice(where)]);
}

/**
 * Moves the item at `from` into the list at `toContainer`, into the gap `gap` as counted BEFORE the move (as
 * a drop indicator shows it). Refused (doc returned) when the target is inside the moving Range itself, or is
 * `structures` and the item is not a Range.
 */
export function moveItemTo(
  doc: JsonObject,
  from: RangeAddress,
  toContainer: RangeAddress,
  gap: number,
): MoveResult {
  const item = itemAt(doc, from);
  if (item === undefined) return { doc, address: from };
  const fromContainer = containerOf(from);
  const fromIndex = lastOf(from);
  const inside = toContainer.length >= from.length && from.every((step, i) => toContainer[i] === step);
  if (inside || !allowedIn(toContainer, item)) return { doc, address: from };
  const target = listAt(doc, toContainer);
  if (target === undefined || gap < 0 || gap > target.length) return { doc, address: from };
  const sameList = fromContainer.join(',') === toContainer.join(',');
  if (sameList) {
    if (gap === fromIndex || gap === fromIndex + 1) return { doc, address: from };
    const list = target.filter((_, i) => i !== fromIndex);
    const at = gap > fromIndex ? gap - 1 : gap;
    list.splice(at, 0, item);
    return { doc: withListAt(doc, toContainer, list), address: [...toContainer, at] };
  }
  // Insert first, then remove: the target's address stays valid while we insert, and removing from the
  // source shifts the target only when the source list comes before it in the same parent.
  const inserted = withListAt(doc, toContainer, [...target.slice(0, gap), item, ...target.slice(gap)]);
  // Inserting into a list that holds the source's ancestor, at or before it, shifts the source by one.
  const source = [...fromContainer];
  const level = toContainer.length;
  if (
    source.length > level &&
    toContainer.every((step, i) => source[i] === step) &&
    gap <= (source[level] as number)
  ) {
    source[level] = (source[level] as number) + 1;
  }
  const sourceList = requireList(inserted, source);
  const removed = withListAt(
    inserted,
    source,
    sourceList.filter((_, i) => i !== fromIndex),
  );
  const address = [...toContainer, gap];
  // When the removed item was an earlier sibling of one of the target's ancestors, that step shifts by one.
  const depth = fromContainer.length;
  if (
    toContainer.length > depth &&
    fromContainer.every((step, i) => toContainer[i] === step) &&
    (toContainer[depth] as number) > fromIndex
  ) {
    address[depth] = (address[depth] as number) - 1;
  }
  return { doc: removed, address };
}

export type MoveDirection = 'up' | 'down' | 'in' | 'out';

/**
 * The keyboard moves: up/down swap with the neighbour; "in" puts the item at the end of the Range just
 * before it; "out" puts it right after the Range that holds it. Refused moves return `doc` and `address`.
 */
export function moveItem(doc: JsonObject, address: RangeAddress, direction: MoveDirection): MoveResult {
  const container = containerOf(address);
  const index = lastOf(address);
  const list = listAt(doc, container);
  if (list === undefined || index >= list.length) return { doc, address };
  switch (direction) {
    case 'up':
      return index === 0 ? { doc, address } : moveItemTo(doc, address, container, index - 1);
    case 'down':
      return index >= list.length - 1 ? { doc, address } : moveItemTo(doc, address, container, index + 2);
    case 'in': {
      const before = list[index - 1];
      if (index === 0 || !isRangeObject(before) || !isJsonArray(before['items'])) return { doc, address };
      return moveItemTo(doc, address, [...container, index - 1], before['items'].length);
    }
    case 'out': {
      if (container.length === 0) return { doc, address };
      const parent = containerOf(container);
      return moveItemTo(doc, address, parent, lastOf(container) + 1);
    }
  }
}
