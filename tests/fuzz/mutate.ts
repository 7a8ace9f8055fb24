/**
 * The fuzz gate's generator (issue 14.5): seeded mutations of real manifests. The same seed gives the same
 * mutation on every machine, so a failing case is named by its seed and replayed exactly; nothing here reads the
 * clock or Math.random.
 */

export type MutationKind =
  | 'deleted-key'
  | 'wrong-type'
  | 'null'
  | 'huge-string'
  | 'deep-nesting'
  | 'duplicate-id'
  | 'duplicate-key'
  | 'special-key'
  | 'broken-utf8';

export const MUTATION_KINDS: readonly MutationKind[] = [
  'deleted-key',
  'wrong-type',
  'null',
  'huge-string',
  'deep-nesting',
  'duplicate-id',
  'duplicate-key',
  'special-key',
  'broken-utf8',
];

/** Keys that find Object.prototype members when a table is a plain object (issue 14.3). */
export const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

export interface Mutation {
  readonly kind: MutationKind;
  /** Where in the tree it was applied ("" for byte-level mutations), for the failure report. */
  readonly where: string;
  readonly bytes: Uint8Array;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; plenty for choosing mutations, and seedable. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
  readonly path: string;
}

function isContainer(value: Json): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Every place in the tree that holds a value, in document order (JSON.parse gives plain own keys). */
function slotsOf(root: Json): Slot[] {
  const slots: Slot[] = [];
  const stack: [Json, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [Json, string];
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i, path: `${path}[${i}]` });
        if (isContainer(child)) stack.push([child, `${path}[${i}]`]);
      });
    } else if (isContainer(node)) {
      for (const key of Object.keys(node)) {
        slots.push({ parent: node, key, path: `${path}.${key}` });
        const child = node[key] as Json;
        if (isContainer(child)) stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return slots;
}

function objectsOf(root: Json): { node: { [key: string]: Json }; path: string }[] {
  const found: { node: { [key: string]: Json }; path: string }[] = [];
  if (isContainer(root) && !Array.isArray(root)) found.push({ node: root, path: '' });
  for (const slot of slotsOf(root)) {
    const value = (slot.parent as Record<string | number, Json>)[slot.key] as Json;
    if (isContainer(value) && !Array.isArray(value)) found.push({ node: value, path: slot.path });
  }
  return found;
}

function valueAt(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key] as Json;
}

function setAt(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

/** A value of another JSON type than `value`. */
function wrongTypeFor(random: Random, value: Json): Json {
  const options: Json[] = [0, -1, 1e308, 3.5, true, false, '', 'x', [], [1, 'a', null], {}, { a: 1 }];
  const differs = options.filter(
    (o) => typeof o !== typeof value || Array.isArray(o) !== Array.isArray(value),
  );
  return structuredClone(pick(random, differs));
}

function hugeString(random: Random): string {
  const unit = pick(random, ['a', 'é', '𝔄', '<b>x</b>', ' ', '\\"']);
  const size = pick(random, [10_000, 100_000, 1_000_000]);
  return unit.repeat(Math.ceil(size / unit.length));
}

function deepValue(random: Random): Json {
  const depth = pick(random, [50, 99, 101, 500, 3_000]);
  const inObjects = random() < 0.5;
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i += 1) value = inObjects ? { x: value } : [value];
  return value;
}

function specialValue(random: Random): Json {
  return structuredClone(pick<Json>(random, [['x'], 'x', { en: ['x'] }, { x: 1 }, 1, null, []]));
}

const encoder = new TextEncoder();

/** Invalid UTF-8 in a few shapes: a lone continuation, a truncated sequence, an overlong form, 0xFF, a surrogate. */
const BAD_UTF8: readonly number[][] = [
  [0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xc0, 0xaf],
  [0xff],
  [0xed, 0xa0, 0x80],
];

function brokenUtf8(random: Random, text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const at = Math.floor(random() * (bytes.length + 1));
  const bad = pick(random, BAD_UTF8);
  const out = new Uint8Array(bytes.length + bad.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(bad, at);
  out.set(bytes.subarray(at), at + bad.length);
  return out;
}

/**
 * One mutation of `text` (a JSON document) chosen by `random`. Tree mutations parse, change one place and print
 * again; duplicate keys and broken UTF-8 work on the text and bytes, which JSON.parse could not express.
 */
export function mutate(
  text: string,
  random: Random,
  kind: MutationKind = pick(random, MUTATION_KINDS),
): Mutation {
  const root = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  const slots = slotsOf(root);
  const done = (where: string, out: Json | string): Mutation => ({
    kind,
    where,
    bytes: encoder.encode(typeof out === 'string' ? out : JSON.stringify(out, null, 1)),
  });
  if (kind === 'broken-utf8') return { kind, where: '', bytes: brokenUtf8(random, text) };
  if (slots.length === 0) return done('', root);

  switch (kind) {
    case 'deleted-key': {
      const keyed = slots.filter((s) => typeof s.key === 'string');
      const slot = keyed.length > 0 ? pick(random, keyed) : pick(random, slots);
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return done(slot.path, root);
    }
    case 'wrong-type': {
      const slot = pick(random, slots);
      setAt(slot, wrongTypeFor(random, valueAt(slot)));
      return done(slot.path, root);
    }
    case 'null': {
      const slot = pick(random, slots);
      setAt(slot, null);
      return done(slot.path, root);
    }
    case 'huge-string': {
      const strings = slots.filter((s) => typeof valueAt(s) === 'string');
      const slot = pick(random, strings.length > 0 ? strings : slots);
      setAt(slot, hugeString(random));
      return done(slot.path, root);
    }
    case 'deep-nesting': {
      const slot = pick(random, slots);
      setAt(slot, deepValue(random));
      return done(slot.path, root);
    }
    case 'duplicate-id': {
      const withIds = objectsOf(root).filter(
        (o) => typeof o.node['id'] === 'string' || typeof o.node['@id'] === 'string',
      );
      if (withIds.length < 2) return done('', root);
      const from = pick(random, withIds);
      const to = pick(random, withIds);
      const id = (from.node['id'] ?? from.node['@id']) as Json;
      if ('@id' in to.node) to.node['@id'] = id;
      else to.node['id'] = id;
      return done(`${to.path} (id of ${from.path || 'the root'})`, root);
    }
    case 'duplicate-key': {
      // The same key twice in one object, with another value: JSON.parse keeps the last one.
      const objects = objectsOf(root).filter((o) => Object.keys(o.node).length > 0);
      const target = pick(random, objects);
      const key = pick(random, Object.keys(target.node));
      const marker = '"__tessera_fuzz_marker__":0';
      target.node['__tessera_fuzz_marker__'] = 0;
      const printed = JSON.stringify(root);
      const duplicate = `${JSON.stringify(key)}:${JSON.stringify(wrongTypeFor(random, target.node[key] as Json))}`;
      return done(`${target.path}.${key}`, printed.replace(marker, duplicate));
    }
    case 'special-key': {
      const objects = objectsOf(root);
      const target = pick(random, objects);
      const key = pick(random, SPECIAL_KEYS);
      // JSON.stringify drops an own "__proto__" set by assignment, so define it as an own data property.
      Object.defineProperty(target.node, key, {
        value: specialValue(random),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return done(`${target.path}.${key}`, root);
    }
    default:
      return done('', root);
  }
}
