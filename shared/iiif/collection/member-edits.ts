/**
 * Pure edits of a collection's members: `(doc, args) -> doc`, one per gesture, each one undo step. Moving,
 * inserting and removing entries of `items` is the same operation for members as for canvases, so those are
 * the canvas list edits under the names a collection uses (one implementation, one set of index rules: see
 * ../document/canvas-edits.ts). What is particular to members is here: adding references (never the
 * collection itself) and refreshing members from the resources they point at.
 */
import { insertCanvases, moveCanvases, removeCanvases } from '../document/canvas-edits';
import { withItems } from '../document/canvas-list';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { isEmbeddedMember, memberIdOf, memberItems } from './members';
import { refreshedMember } from './reference';

/** Moves the members at `indices` together into the gap `toIndex` (0..length, counted before the move). */
export const moveMembers: (doc: JsonObject, indices: readonly number[], toIndex: number) => JsonObject =
  moveCanvases;

/** Removes the members at `indices` (a collection has no ranges, so nothing else refers to them). */
export const removeMembers: (doc: JsonObject, indices: readonly number[]) => JsonObject = removeCanvases;

export interface AddMembersResult {
  readonly doc: JsonObject;
  /** How many of `members` were inserted. */
  readonly added: number;
  /** Members refused because they are the collection itself (a collection listing itself loops viewers). */
  readonly refusedSelf: number;
  /** Ids of inserted members the collection already listed (kept: a curator may mean it; the UI says so). */
  readonly alreadyListed: readonly string[];
}

/** Inserts `members` before the member at `index` (0..length; length appends). */
export function addMembers(doc: JsonObject, index: number, members: readonly JsonValue[]): AddMembersResult {
  const ownId = memberIdOf(doc);
  const listed = new Set(memberItems(doc).map(memberIdOf));
  const kept: JsonValue[] = [];
  const alreadyListed: string[] = [];
  let refusedSelf = 0;
  for (const member of members) {
    const id = memberIdOf(member);
    if (id !== '' && id === ownId) {
      refusedSelf += 1;
      continue;
    }
    if (id !== '' && listed.has(id)) alreadyListed.push(id);
    kept.push(member);
  }
  return { doc: insertCanvases(doc, index, kept), added: kept.length, refusedSelf, alreadyListed };
}

/**
 * Applies fresh references (by index: the member at that index refreshed from `fresh`) in one new document.
 * Embedded members are left alone (their content is the document's own, not a copy to update). Returns `doc`
 * itself when nothing changes.
 */
export function refreshMembers(doc: JsonObject, fresh: ReadonlyMap<number, JsonObject>): JsonObject {
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
