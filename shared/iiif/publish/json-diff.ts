/**
 * What changed between two versions of a published document, as JSON paths: added, removed and changed.
 * Compact on purpose: a subtree that appears or disappears is one path, not one per leaf; lists of resources
 * are matched by id, so inserting a Canvas reports one addition rather than every later Canvas as changed.
 */
import { isJsonArray, isJsonObject, type JsonPath, type JsonValue } from '../json';
import { pathToText } from '../validation/path-text';

export interface JsonDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  /** How many paths each list would hold without the limit. */
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number };
}

class Collector {
  readonly added: string[] = [];
  readonly removed: string[] = [];
  readonly changed: string[] = [];
  readonly counts = { added: 0, removed: 0, changed: 0 };
  constructor(private readonly limit: number) {}
  note(kind: 'added' | 'removed' | 'changed', path: JsonPath): void {
    this.counts[kind] += 1;
    if (this[kind].length < this.limit) this[kind].push(pathToText(path));
  }
}

export function diffJson(before: JsonValue, after: JsonValue, limit = 50): JsonDiff {
  const collector = new Collector(limit);
  compare(before, after, [], collector);
  return {
    added: collector.added,
    removed: collector.removed,
    changed: collector.changed,
    counts: collector.counts,
  };
}

function compare(before: JsonValue, after: JsonValue, path: JsonPath, out: Collector): void {
  if (before === after) return;
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.note('removed', [...path, key]);
      else compare(before[key] as JsonValue, after[key] as JsonValue, [...path, key], out);
    }
    for (const key of Object.keys(after)) if (!(key in before)) out.note('added', [...path, key]);
    return;
  }
  if (isJsonArray(before) && isJsonArray(after)) {
    compareArrays(before, after, path, out);
    return;
  }
  out.note('changed', path);
}

/** The ids of a list of resources, when every item has its own one; otherwise the list is compared by position. */
function idsOf(list: readonly JsonValue[]): string[] | undefined {
  const ids: string[] = [];
  for (const item of list) {
    if (!isJsonObject(item) || typeof item.id !== 'string') return undefined;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

function compareArrays(
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  path: JsonPath,
  out: Collector,
): void {
  const beforeIds = idsOf(before);
  const afterIds = idsOf(after);
  if (beforeIds !== undefined && afterIds !== undefined && before.length > 0 && after.length > 0) {
    const oldIndex = new Map(beforeIds.map((id, index) => [id, index]));
    const kept = new Set<string>();
    afterIds.forEach((id, index) => {
      const previous = oldIndex.get(id);
      if (previous === undefined) out.note('added', [...path, index]);
      else {
        kept.add(id);
        compare(before[previous] as JsonValue, after[index] as JsonValue, [...path, index], out);
      }
    });
    beforeIds.forEach((id, index) => {
      if (!kept.has(id)) out.note('removed', [...path, index]);
    });
    return;
  }
  const shared = Math.min(before.length, after.length);
  for (let index = 0; index < shared; index++)
    compare(before[index] as JsonValue, after[index] as JsonValue, [...path, index], out);
  for (let index = shared; index < after.length; index++) out.note('added', [...path, index]);
  for (let index = shared; index < before.length; index++) out.note('removed', [...path, index]);
}
