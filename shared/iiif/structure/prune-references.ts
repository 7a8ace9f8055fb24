/**
 * Taking the references to deleted Canvases out of every Range, in the same document (so one undo step
 * brings them back). Unchanged Ranges stay the same objects. A loop with explicit frames, not recursion.
 */
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../json';
import { itemCanvasId } from './range-items';

export interface PrunedRanges {
  /** The new list, or the same list when nothing referred to the Canvases. */
  readonly list: JsonArray;
  /** How many references went. */
  readonly removed: number;
}

interface Frame {
  /** The Range whose items are being rebuilt (undefined for the top list). */
  readonly range: JsonObject | undefined;
  readonly items: JsonArray;
  next: number;
  readonly out: JsonValue[];
  changed: boolean;
}

export function pruneRangeReferences(list: JsonArray, goneIds: ReadonlySet<string>): PrunedRanges {
  if (goneIds.size === 0) return { list, removed: 0 };
  let removed = 0;
  const frames: Frame[] = [{ range: undefined, items: list, next: 0, out: [], changed: false }];
  for (;;) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next >= frame.items.length) {
      frames.pop();
      const items: JsonArray = frame.changed ? frame.out : frame.items;
      const parent = frames[frames.length - 1];
      if (parent === undefined) return { list: items, removed };
      const range = frame.range as JsonObject;
      if (frame.changed) {
        parent.out.push({ ...range, items });
        parent.changed = true;
      } else parent.out.push(range);
      continue;
    }
    const item = frame.items[frame.next] as JsonValue;
    frame.next += 1;
    if (isJsonObject(item) && item['type'] === 'Range' && isJsonArray(item['items'])) {
      frames.push({ range: item, items: item['items'], next: 0, out: [], changed: false });
      continue;
    }
    const canvasId = itemCanvasId(item);
    if (canvasId !== undefined && goneIds.has(canvasId)) {
      removed += 1;
      frame.changed = true;
      continue;
    }
    frame.out.push(item);
  }
}

/** How many Range items refer (whole or in part) to one of `canvasIds`. */
export function countRangeReferences(list: JsonArray, canvasIds: ReadonlySet<string>): number {
  return pruneRangeReferences(list, canvasIds).removed;
}
