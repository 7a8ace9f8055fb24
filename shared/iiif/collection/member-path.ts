/**
 * Embedded sub-collections (issue 17): a collection's member may be a collection with its own `items`, nested
 * to any depth. A member path names one of them by the indices of the embedded collections that lead to it
 * from the document: [] is the document itself, [2, 0] is `items[2].items[0]`. The member edits take a path,
 * so the same moves, removals, additions and refreshes work at every level, and each builds the next whole
 * document: one undo step, with only the collections on the path copied (structural sharing).
 */
import { isJsonObject, updateIn, type JsonObject, type JsonPath, type JsonValue } from '../json';
import { isEmbeddedMember, memberIdOf, memberItems, memberTypeOf } from './members';

export type MemberPath = readonly number[];

/** A member that can be stepped into: a collection embedded with its own `items`. */
export function isEmbeddedCollection(member: JsonValue | undefined): member is JsonObject {
  return memberTypeOf(member) === 'Collection' && isEmbeddedMember(member);
}

/** The embedded collection at `path` in `doc` (the document itself for []), or null when the path leads nowhere. */
export function collectionAtPath(doc: JsonValue | null | undefined, path: MemberPath): JsonObject | null {
  if (!isJsonObject(doc)) return null;
  let here: JsonObject = doc;
  for (const index of path) {
    const next = memberItems(here)[index];
    if (!isEmbeddedCollection(next)) return null;
    here = next;
  }
  return here;
}

/** The collections from the document down to the one at `path` (length path.length + 1), or null. */
export function collectionsAlong(doc: JsonValue | null | undefined, path: MemberPath): JsonObject[] | null {
  const chain: JsonObject[] = [];
  for (let depth = 0; depth <= path.length; depth++) {
    const collection = collectionAtPath(doc, path.slice(0, depth));
    if (!collection) return null;
    chain.push(collection);
  }
  return chain;
}

/** The JSON path of the collection at `path`: ['items', 2, 'items', 0] for [2, 0]. */
export function jsonPathOfCollection(path: MemberPath): JsonPath {
  return path.flatMap((index) => ['items', index]);
}

/**
 * `doc` with the collection at `path` replaced by `edit(collection)`; `doc` itself when the edit changes
 * nothing. Throws when the path leads nowhere (a caller bug: paths come from the document they edit).
 */
export function editAtPath(
  doc: JsonObject,
  path: MemberPath,
  edit: (collection: JsonObject) => JsonObject,
): JsonObject {
  if (path.length === 0) return edit(doc);
  if (!collectionAtPath(doc, path)) throw new RangeError(`No embedded collection at [${path.join(', ')}]`);
  return updateIn(doc, jsonPathOfCollection(path), (collection) =>
    edit(collection as JsonObject),
  ) as JsonObject;
}

/**
 * Where the collection at `path` in `before` is in `after` (a later or earlier state of the same document: an
 * undo, a redo, an edit at another level). At each level the same object, else a collection with the same id,
 * is looked for at the same index first, then anywhere among its siblings. Returns the longest path that
 * could be followed: stepping out of a collection that is gone rather than showing another one in its place.
 */
export function followMemberPath(before: JsonObject, after: JsonObject, path: MemberPath): MemberPath {
  const followed: number[] = [];
  let old: JsonObject = before;
  let now: JsonObject = after;
  for (const index of path) {
    const wanted = memberItems(old)[index];
    if (!isEmbeddedCollection(wanted)) break;
    const siblings = memberItems(now);
    const id = memberIdOf(wanted);
    const same = (member: JsonValue | undefined) =>
      member === wanted || (id !== '' && isEmbeddedCollection(member) && memberIdOf(member) === id);
    // A collection without an id (invalid, but opened as it is) can be known only by its place.
    const inPlace =
      same(siblings[index]) ||
      (id === '' && isEmbeddedCollection(siblings[index]) && memberIdOf(siblings[index]) === '');
    const at = inPlace ? index : siblings.findIndex(same);
    const found = siblings[at];
    if (at < 0 || !isEmbeddedCollection(found)) break;
    followed.push(at);
    old = wanted;
    now = found;
  }
  return followed.length === path.length && followed.every((n, k) => n === path[k]) ? path : followed;
}
