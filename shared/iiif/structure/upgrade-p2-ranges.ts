/**
 * Presentation 2 Ranges, hierarchy and all. IIIF-Commons' upgrader converts each Range's own properties well,
 * but gets the hierarchy wrong in ways that lose data or write invalid Presentation 3 (checked against
 * @iiif/parser 2.x):
 * - `within` (the Presentation 2.0 way to say "this Range is part of that one") is ignored: the child stays
 *   at the top;
 * - a cycle (`ranges` that lead back to an ancestor) empties `structures` entirely;
 * - `viewingHint: "top"` becomes `behavior: ["top"]`, not a Presentation 3 behavior; a list of viewing hints
 *   becomes a list inside the list (`[["top", "paged"]]`);
 * - `contentLayer` becomes a list of Annotation Collections where `supplementary` is one object.
 * So the hierarchy is taken out before the upgrader runs (prepare) and rebuilt here from the Presentation 2
 * source (rebuild): `members` in their order, else `ranges` then `canvases`; `within` adds the Range to its
 * parent; a Range reached again below itself becomes a reference (`{ id, type: "Range" }`); every Range of the
 * source appears at least once. Loops, not recursion: nesting depth is the document's to choose.
 */
import { asArray, p2IdOf } from '../fields';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

type P2Child =
  | { readonly kind: 'range'; readonly id: string }
  | { readonly kind: 'canvas'; readonly id: string }
  | { readonly kind: 'other'; readonly value: JsonValue };

interface P2Range {
  readonly id: string | undefined;
  readonly top: boolean;
  readonly children: P2Child[];
  readonly within: string[];
}

export interface P2RangePlan {
  readonly ranges: readonly P2Range[];
}

function isRangeType(type: JsonValue | undefined): boolean {
  return type === 'sc:Range' || type === 'Range';
}

function childOf(member: JsonValue, fallback: 'range' | 'canvas'): P2Child {
  const id = p2IdOf(member);
  if (id === null) return { kind: 'other', value: member };
  const type = isJsonObject(member) ? (member['@type'] ?? member['type']) : undefined;
  if (type === undefined) return { kind: fallback, id };
  if (isRangeType(type)) return { kind: 'range', id };
  if (type === 'sc:Canvas' || type === 'Canvas') return { kind: 'canvas', id };
  return { kind: 'other', value: member };
}

/**
 * Reads the hierarchy of the source's `structures` and removes it from the source (which the upgrader is
 * about to consume), so the upgrader converts each Range alone. Undefined when there is nothing to do.
 */
export function prepareP2Ranges(source: JsonObject): P2RangePlan | undefined {
  const structures = source['structures'];
  if (!isJsonArray(structures) || structures.length === 0) return undefined;
  if (!structures.every(isJsonObject)) return undefined;
  const ranges: P2Range[] = structures.map((value) => {
    const range = value as JsonObject;
    const hints = asArray(range['viewingHint']);
    const children: P2Child[] = [];
    if (isJsonArray(range['members'])) {
      for (const member of range['members']) children.push(childOf(member, 'canvas'));
    } else {
      for (const r of asArray(range['ranges'])) children.push(childOf(r, 'range'));
      for (const c of asArray(range['canvases'])) children.push(childOf(c, 'canvas'));
    }
    return {
      id: p2IdOf(range) ?? undefined,
      top: hints.includes('top'),
      children,
      within: asArray(range['within'])
        .map(p2IdOf)
        .filter((id): id is string => id !== null),
    };
  });
  const byId = firstIndexById(ranges);
  ranges.forEach((range) => {
    if (range.id === undefined) return;
    const rangeId = range.id;
    for (const parentId of range.within) {
      const parent = ranges[byId.get(parentId) ?? -1];
      if (parent && !parent.children.some((c) => c.kind === 'range' && c.id === rangeId)) {
        parent.children.push({ kind: 'range', id: rangeId });
      }
    }
  });
  // The source is the upgrader's to consume (upgradePresentation2 says so); strip what we rebuild ourselves.
  structures.forEach((value) => {
    const range = value as Record<string, unknown>;
    delete range['members'];
    delete range['ranges'];
    delete range['canvases'];
    delete range['within'];
  });
  return { ranges };
}

function firstIndexById(ranges: readonly P2Range[]): Map<string, number> {
  const byId = new Map<string, number>();
  ranges.forEach((range, i) => {
    if (range.id !== undefined && !byId.has(range.id)) byId.set(range.id, i);
  });
  return byId;
}

/** The upgrader's conversion of one Range's own properties, tidied: no "top", a flat behavior, one supplementary. */
function ownProperties(converted: JsonValue | undefined): JsonObject {
  const out: Record<string, JsonValue> = {};
  if (!isJsonObject(converted)) return out;
  for (const [key, value] of Object.entries(converted)) {
    if (key === 'items') continue;
    if (key === 'behavior') {
      const flat = asArray(value)
        .flatMap((v) => (isJsonArray(v) ? v : [v]))
        .filter((v) => v !== 'top');
      if (flat.length > 0) out[key] = flat;
      continue;
    }
    if (key === 'supplementary' && isJsonArray(value) && value.length === 1) {
      out[key] = value[0] as JsonValue;
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Rebuilds `structures` from the plan and the upgrader's per-Range conversion (same order, same length). */
export function rebuildP2Ranges(
  plan: P2RangePlan,
  converted: JsonValue | undefined,
): JsonValue[] | undefined {
  if (!isJsonArray(converted) || converted.length !== plan.ranges.length) return undefined;
  const { ranges } = plan;
  const byId = firstIndexById(ranges);
  const referenced = new Set<string>();
  for (const range of ranges) for (const c of range.children) if (c.kind === 'range') referenced.add(c.id);
  const roots = ranges
    .map((range, i) => i)
    .filter((i) => {
      const range = ranges[i] as P2Range;
      return range.top || range.id === undefined || !referenced.has(range.id);
    });
  const emitted = new Set<number>();
  const out: JsonValue[] = [];
  const build = (rootIndex: number): JsonValue => {
    interface Frame {
      readonly index: number;
      readonly items: JsonValue[];
      next: number;
    }
    const onPath = new Set<number>();
    const frames: Frame[] = [];
    const open = (index: number): Frame => {
      onPath.add(index);
      emitted.add(index);
      const frame = { index, items: [], next: 0 };
      frames.push(frame);
      return frame;
    };
    const close = (frame: Frame): JsonObject => {
      onPath.delete(frame.index);
      return { ...ownProperties(converted[frame.index]), items: frame.items };
    };
    open(rootIndex);
    for (;;) {
      const frame = frames[frames.length - 1] as Frame;
      const children = (ranges[frame.index] as P2Range).children;
      if (frame.next >= children.length) {
        frames.pop();
        const done = close(frame);
        const parent = frames[frames.length - 1];
        if (parent === undefined) return done;
        parent.items.push(done);
        continue;
      }
      const child = children[frame.next] as P2Child;
      frame.next += 1;
      if (child.kind === 'canvas') frame.items.push({ id: child.id, type: 'Canvas' });
      else if (child.kind === 'other') frame.items.push(child.value);
      else {
        const index = byId.get(child.id);
        if (index === undefined || onPath.has(index)) frame.items.push({ id: child.id, type: 'Range' });
        else open(index);
      }
    }
  };
  for (const root of roots) out.push(build(root));
  // A Range reachable only through a cycle (or a second Range with the same id) still appears, at the top.
  ranges.forEach((_, i) => {
    if (!emitted.has(i)) out.push(build(i));
  });
  return out;
}
