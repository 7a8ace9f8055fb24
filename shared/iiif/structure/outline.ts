/**
 * A table of contents as an outline: entries in reading order, each a label, a level (1 at the top) and the
 * Canvas it starts at. An entry covers the Canvases from its first up to the first of the next entry at the
 * same or a shallower level (or the end of the manifest). It is the shape both generators make (from canvas
 * labels, from a CSV/TSV outline) and the shape the outline export writes, so that the preview, the checks and
 * the building of Ranges are one code path. Building is a loop with a stack: outlines nest to any depth.
 */
import type { MintId } from '../document/mint-ids';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { canvasReference } from './range-items';
import { rangeJson } from './range-edits';
import { withListAt } from './range-tree';
import { structuresOf } from './structure-view';

export interface OutlineEntry {
  readonly label: string;
  /** 1 for a top-level Range. */
  readonly level: number;
  /** Index of the first Canvas in the manifest's `items`. */
  readonly first: number;
}

/** An entry with the Canvases it covers: `first` up to, not including, `end`. */
export interface OutlineSpan extends OutlineEntry {
  readonly end: number;
}

export interface OutlineProblem {
  /** Index of the entry in the outline. */
  readonly entry: number;
  readonly message: string;
}

/** Each entry's end: the first Canvas of the next entry at its level or above, else `canvasCount`. */
export function outlineSpans(entries: readonly OutlineEntry[], canvasCount: number): OutlineSpan[] {
  const ends = new Array<number>(entries.length).fill(canvasCount);
  // Entries still open, deepest last; an entry closes when one at its level or above begins.
  const open: number[] = [];
  entries.forEach((entry, i) => {
    while (
      open.length > 0 &&
      (entries[open[open.length - 1] as number] as OutlineEntry).level >= entry.level
    ) {
      ends[open.pop() as number] = entry.first;
    }
    open.push(i);
  });
  return entries.map((entry, i) => ({ ...entry, end: ends[i] as number }));
}

/** What keeps an outline from being a table of contents; empty when it can be built. */
export function outlineProblems(entries: readonly OutlineEntry[], canvasCount: number): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  let previous: OutlineEntry | undefined;
  outlineSpans(entries, canvasCount).forEach((span, entry) => {
    const name = span.label === '' ? `Entry ${entry + 1}` : `“${span.label}”`;
    if (!Number.isInteger(span.level) || span.level < 1) {
      problems.push({ entry, message: `${name}: the level must be a whole number from 1.` });
    } else if (span.level > (previous?.level ?? 0) + 1) {
      problems.push({
        entry,
        message: `${name}: level ${span.level} follows level ${previous?.level ?? 'none'}; a level can only go one deeper at a time.`,
      });
    }
    if (!Number.isInteger(span.first) || span.first < 0 || span.first >= canvasCount) {
      problems.push({ entry, message: `${name}: its first canvas is not in the manifest.` });
    } else if (previous !== undefined && span.first < previous.first) {
      problems.push({
        entry,
        message: `${name} starts at canvas ${span.first + 1}, before the entry above it (canvas ${previous.first + 1}).`,
      });
    } else if (span.end === span.first) {
      problems.push({
        entry,
        message: `${name} would hold no canvas: the next entry at its level starts at the same canvas.`,
      });
    }
    previous = span;
  });
  return problems;
}

interface OpenRange {
  readonly level: number;
  readonly id: string;
  readonly label: string;
  readonly end: number;
  readonly items: JsonValue[];
  /** The next Canvas not yet placed in this Range or one of its children. */
  cursor: number;
}

/**
 * The Ranges an outline describes (top-level ones; children nested in them), with ids from `mint`. A Range
 * holds its Canvases in order, with each child Range where its Canvases begin. Check outlineProblems first:
 * an outline with problems throws.
 */
export function rangesFromOutline(
  entries: readonly OutlineEntry[],
  canvasIds: readonly string[],
  mint: MintId,
): JsonObject[] {
  const problems = outlineProblems(entries, canvasIds.length);
  if (problems.length > 0) throw new RangeError((problems[0] as OutlineProblem).message);
  const top: JsonObject[] = [];
  const open: OpenRange[] = [];
  const refs = (from: number, to: number) => canvasIds.slice(from, to).map(canvasReference);
  const close = () => {
    const range = open.pop() as OpenRange;
    range.items.push(...refs(range.cursor, range.end));
    const json = rangeJson({ id: range.id, label: range.label }, range.items);
    const parent = open[open.length - 1];
    if (parent === undefined) top.push(json);
    else {
      parent.items.push(json);
      parent.cursor = range.end;
    }
  };
  for (const span of outlineSpans(entries, canvasIds.length)) {
    while (open.length > 0 && (open[open.length - 1] as OpenRange).level >= span.level) close();
    const parent = open[open.length - 1];
    if (parent !== undefined) {
      parent.items.push(...refs(parent.cursor, span.first));
      parent.cursor = span.first;
    }
    open.push({
      level: span.level,
      id: mint('range'),
      label: span.label,
      end: span.end,
      items: [],
      cursor: span.first,
    });
  }
  while (open.length > 0) close();
  return top;
}

/** `doc` with `ranges` added after the Ranges it has (a `structures` list is made when there is none). */
export function appendRanges(doc: JsonObject, ranges: readonly JsonObject[]): JsonObject {
  if (ranges.length === 0) return doc;
  return withListAt(doc, [], [...structuresOf(doc), ...ranges]);
}

/** The ids of the manifest's Canvases, in order ('' for a Canvas without one: it cannot be referred to). */
export function canvasIdsOf(doc: JsonObject): string[] {
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  return items.map((canvas) =>
    isJsonObject(canvas) && typeof canvas['id'] === 'string' ? canvas['id'] : '',
  );
}
