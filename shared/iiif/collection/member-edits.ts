/**
 * Pure edits of a collection's members: `(doc, args) -> doc`, one per gesture, each one undo step. Moving,
 * inserting and removing entries of `items` is the same operation for members as for canvases, so those are
 * the canvas list edits under the names a collection uses (one implementation, one set of index rules: see
 * ../document/canvas-edits.ts). What is particular to members is here: adding references (never the
 * collection itself) and refreshing members from the resources they point at.
 *
 * Every edit takes the member path of the collection it edits (member-path.ts; [] for the document's own
 * members, the default), so an embedded sub-collection is edited with the same functions, in the same document.
 */
import { insertCanvases, moveCanvases, removeCanvases } from '../document/canvas-edits';
import { withItems } from '../document/canvas-list';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { collectionsAlong, editAtPath, type MemberPath } from './member-path';
import { isEmbeddedMember, memberIdOf, memberItems } from './members';
import { refreshedMember } from './reference';

/** Moves the members at `indices` together into the gap `toIndex` (0..length, counted before the move). */
export function moveMembers(
  doc: JsonObject,
  indices: readonly number[],
  toIndex: number,
  path: MemberPath = [],
): JsonObject {
  return editAtPath(doc, path, (collection) => moveCanvases(collection, indices, toIndex));
}

/** Removes the members at `indices` (a collection has no ranges, so nothing else refers to them). */
export function removeMembers(
  doc: JsonObject,
  indices: readonly number[],
  path: MemberPath = [],
): JsonObject {
  return editAtPath(doc, path, (collection) => removeCanvases(collection, indices));
}

export interface AddMembersResult {
  readonly doc: JsonObject;
  /** How many of `members` were inserted. */
  readonly added: number;
  /**
   * Members refused because they are the collection itself or one that contains it (a collection listing
   * itself, at any depth, loops viewers).
   */
  readonly refusedSelf: number;
  /** Ids of inserted members the collection already listed (kept: a curator may mean it; the UI says so). */
  readonly alreadyListed: readonly string[];
}

/** Inserts `members` before the member at `index` (0..length; length appends) of the collection at `path`. */
export function addMembers(
  doc: JsonObject,
  index: number,
  members: readonly JsonValue[],
  path: MemberPath = [],
): AddMembersResult {
  const chain = collectionsAlong(doc, path);
  if (!chain) throw new RangeError(`No embedded collection at [${path.join(', ')}]`);
  const target = chain[chain.length - 1] as JsonObject;
  const enclosing = new Set(chain.map(memberIdOf).filter((id) => id !== ''));
  const listed = new Set(memberItems(target).map(memberIdOf));
  const kept: JsonValue[] = [];
  const alreadyListed: string[] = [];
  let refusedSelf = 0;
  for (const member of members) {
    const id = memberIdOf(member);
    if (enclosing.has(id)) {
      refusedSelf += 1;
      continue;
    }
    if (id !== '' && listed.has(id)) alreadyListed.push(id);
    kept.push(member);
  }
  const next = editAtPath(doc, path, (collection) => insertCanvases(collection, index, kept));
  return { doc: next, added: kept.length, refusedSelf, alreadyListed };
}

/**
 * Applies fresh references (by index: the member at that index, of the collection at `path`, refreshed from
 * `fresh`) in one new document. Embedded members are left alone (their content is the document's own, not a
 * copy to update). Returns `doc` itself when nothing changes.
 */
export function refreshMembers(
  doc: JsonObject,
  fresh: ReadonlyMap<number, JsonObject>,
  path: MemberPath = [],
): JsonObject {
  return editAtPath(doc, path, (collection) => refreshedCollection(collection, fresh));
}

function refreshedCollection(doc: JsonObject, fresh: ReadonlyMap<number, JsonObject>): JsonObject {
  const items = memberItems(doc);
  let next: JsonValue[] | null = null;
  for (const [index, reference] of fresh) {
    const member = items[index];
    if (!isJsonObject(member) || isEmbeddedMember(member)) continue;
    const updated = refreshedMember(member, reference);
    if (updated === member) continue;
    next ??= items.slice();
    next[index] = updated;
  }
  return next ? withItems(doc, next) : doc;
}
