/**
 * Reading and replacing one list of the Range tree: `structures` itself (the container []) or the `items` of
 * the Range at an address. Replacing copies only the Ranges on the way to the root (structural sharing), with
 * a loop rather than recursion, so a list a thousand levels down is as cheap to change as one at the top.
 */
import { isJsonArray, isJsonObject, type JsonArray, type JsonObject, type JsonValue } from '../json';
import type { RangeAddress } from './structure-view';
import { structuresOf } from './structure-view';

/** The list at `container`: [] is `structures`; a Range address is that Range's `items`. */
export function listAt(doc: JsonObject, container: RangeAddress): JsonArray | undefined {
  let list: JsonArray = structuresOf(doc);
  for (const step of container) {
    const range = list[step];
    if (!isJsonObject(range) || range['type'] !== 'Range' || !isJsonArray(range['items'])) return undefined;
    list = range['items'];
  }
  return list;
}

/** The item at `address` (its last step indexes the list at the rest). */
export function itemAt(doc: JsonObject, address: RangeAddress): JsonValue | undefined {
  if (address.length === 0) return undefined;
  return listAt(doc, address.slice(0, -1))?.[address[address.length - 1] as number];
}

/**
 * `doc` with the list at `container` replaced by `next`. Returns `doc` itself when `next` has the same entries;
 * throws when the container does not exist (a caller bug: addresses come from the current view).
 */
export function withListAt(doc: JsonObject, container: RangeAddress, next: readonly JsonValue[]): JsonObject {
  const current = listAt(doc, container);
  if (current === undefined) throw new RangeError(`no Range list at [${container.join(', ')}]`);
  if (current.length === next.length && current.every((item, i) => item === next[i])) return doc;
  // The Ranges on the path, top first.
  const chain: JsonObject[] = [];
  let list: JsonArray = structuresOf(doc);
  for (const step of container) {
    const range = list[step] as JsonObject;
    chain.push(range);
    list = range['items'] as JsonArray;
  }
  let replacement: JsonValue = next as JsonArray;
  for (let depth = chain.length - 1; depth >= 0; depth -= 1) {
    const range = chain[depth] as JsonObject;
    const updatedRange: JsonObject = { ...range, items: replacement };
    const parentList =
      depth === 0 ? structuresOf(doc) : ((chain[depth - 1] as JsonObject)['items'] as JsonArray);
    const copy = parentList.slice();
    copy[container[depth] as number] = updatedRange;
    replacement = copy;
  }
  return { ...doc, structures: replacement };
}

/** `doc` with the Range at `address` replaced by `update(range)`. */
export function withRangeAt(
  doc: JsonObject,
  address: RangeAddress,
  update: (range: JsonObject) => JsonObject,
): JsonObject {
  const container = address.slice(0, -1);
  const list = listAt(doc, container);
  const index = address[address.length - 1];
  const range = index === undefined ? undefined : list?.[index];
  if (list === undefined || index === undefined || !isJsonObject(range) || range['type'] !== 'Range') {
    throw new RangeError(`no Range at [${address.join(', ')}]`);
  }
  const next = update(range);
  if (next === range) return doc;
  const copy = list.slice();
  copy[index] = next;
  return withListAt(doc, container, copy);
}
