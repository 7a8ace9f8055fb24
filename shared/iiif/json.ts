/**
 * Plain JSON values: the document model keeps a manifest as its own JSON tree (document/index.ts), so every
 * pure edit in shared/iiif works on these types, never on re-modelled classes.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;
export type JsonArray = readonly JsonValue[];
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** A step in a path from the document root: an object key or an array index. */
export type JsonPathStep = string | number;
export type JsonPath = readonly JsonPathStep[];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isJsonArray(value: unknown): value is JsonArray {
  return Array.isArray(value);
}

/** Reads the value at `path`, or undefined when any step is missing. */
export function getIn(root: JsonValue, path: JsonPath): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isJsonArray(node)) return undefined;
      node = node[step];
    } else {
      if (!isJsonObject(node)) return undefined;
      node = Object.prototype.hasOwnProperty.call(node, step) ? node[step] : undefined;
    }
  }
  return node;
}

/**
 * Returns a new root in which the value at `path` is replaced by `update(old)`. Only the nodes on the path are
 * copied (structural sharing): untouched siblings stay the same objects, which keeps undo snapshots cheap and
 * lets React skip unchanged subtrees. Keys keep their order; a new key is appended. Returning `undefined` from
 * `update` deletes an object key (array elements cannot be deleted this way: use array operations).
 * If `update` returns the identical value, the original root is returned unchanged.
 */
export function updateIn(
  root: JsonValue,
  path: JsonPath,
  update: (old: JsonValue | undefined) => JsonValue | undefined,
): JsonValue {
  if (path.length === 0) {
    const next = update(root);
    if (next === undefined) throw new Error('updateIn: cannot delete the root');
    return next;
  }
  const [step, ...rest] = path as [JsonPathStep, ...JsonPathStep[]];
  if (typeof step === 'number') {
    if (!isJsonArray(root)) throw new Error(`updateIn: expected an array at step ${step}`);
    if (step < 0 || step >= root.length) throw new Error(`updateIn: index ${step} out of range`);
    const child = root[step] as JsonValue;
    const next = rest.length === 0 ? update(child) : updateIn(child, rest, update);
    if (next === undefined) throw new Error('updateIn: cannot delete an array element');
    if (next === child) return root;
    const copy = root.slice();
    copy[step] = next;
    return copy;
  }
  if (!isJsonObject(root)) throw new Error(`updateIn: expected an object at key "${step}"`);
  const has = Object.prototype.hasOwnProperty.call(root, step);
  const child = has ? root[step] : undefined;
  let next: JsonValue | undefined;
  if (rest.length === 0) next = update(child);
  else {
    if (child === undefined) throw new Error(`updateIn: missing key "${step}"`);
    next = updateIn(child, rest, update);
  }
  if (next === child) return root;
  if (next === undefined) {
    // fromEntries defines own properties, so a key named "__proto__" (JSON.parse keeps it as one) stays a key;
    // assigning it would set the copy's prototype instead and drop it.
    return Object.fromEntries(Object.entries(root).filter(([key]) => key !== step));
  }
  return { ...root, [step]: next };
}

/** `updateIn` that sets a value. */
export function setIn(root: JsonValue, path: JsonPath, value: JsonValue | undefined): JsonValue {
  return updateIn(root, path, () => value);
}

/**
 * Deep equality with object key order ignored: are these the same value? Edit plans use it to skip no-op changes
 * and, when a plan is applied later, to check that the value it was computed from is still there.
 */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (isJsonArray(a)) {
    return isJsonArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * Deep equality that also requires the same key order, because key order is part of what the user sees in a
 * saved file: an "edit" that only reorders keys is still a change to the document.
 */
export function sameJsonInOrder(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (isJsonArray(a)) {
    if (!isJsonArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJsonInOrder(item, b[i] as JsonValue));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k, i) => k === kb[i] && sameJsonInOrder(a[k] as JsonValue, b[k] as JsonValue));
  }
  return false;
}

/**
 * The own property `key` of `object`, or undefined. Keys in documents are data: a language named "constructor"
 * or a property named "toString" must not find the members every plain object inherits from Object.prototype.
 */
export function own<T>(object: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * Sets `key` as an own data property. Plain assignment of "__proto__" (which JSON.parse keeps as an ordinary
 * key) would replace the object's prototype instead and lose the key.
 */
export function putOwn<T>(object: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
