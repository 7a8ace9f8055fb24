/**
 * What the canvas grid lists: the document's own `items` (a manifest's canvases, a collection's members), or,
 * in a collection, the members of the embedded sub-collection the user opened (`memberPath`). The grid, its
 * actions and the panels beside it read and edit that one list through these functions, so one implementation
 * serves every level; a manifest's path is always [], where each of them is the document itself.
 */
import {
  collectionAtPath,
  editAtPath,
  followMemberPath,
  type MemberPath,
} from '../../../shared/iiif/collection';
import type { JsonObject } from '../../../shared/iiif/json';
import type { DocumentSlice } from './document-slice';
import { followSelection, type FollowedSelection } from './selection-follow';
import type { SelectionSlice } from './selection-slice';

type Listing = Pick<DocumentSlice, 'doc'> & Pick<SelectionSlice, 'memberPath'>;

const DOCUMENT_ITSELF: MemberPath = [];

/** The member path in force: the state's while it leads to an embedded collection, else [] (the document). */
export function shownPath(state: Listing): MemberPath {
  if (state.memberPath.length === 0) return DOCUMENT_ITSELF;
  return collectionAtPath(state.doc, state.memberPath) ? state.memberPath : DOCUMENT_ITSELF;
}

/** The resource whose `items` the grid lists: the document, or the sub-collection opened in it. */
export function listOwner(state: Listing): JsonObject | null {
  return state.doc ? (collectionAtPath(state.doc, shownPath(state)) ?? state.doc) : null;
}

/** The whole document with the listed resource replaced by `next` (an edit of the grid's list). */
export function documentWithList(state: Listing, next: JsonObject): JsonObject | null {
  return state.doc ? editAtPath(state.doc, shownPath(state), () => next) : null;
}

/**
 * Where the grid is after the document changed from `before` to `after.doc` (undo, redo): in the same
 * sub-collection, found again (followMemberPath), with the selection following its members; or, when that
 * collection is gone, out in the deepest one still there, with nothing selected.
 */
export function followListing(
  before: Listing & FollowedSelection,
  after: JsonObject,
): FollowedSelection & Pick<SelectionSlice, 'memberPath'> {
  const path = before.doc ? followMemberPath(before.doc, after, shownPath(before)) : DOCUMENT_ITSELF;
  const owner = listOwner(before);
  const next = collectionAtPath(after, path);
  if (!owner || !next || path.length !== shownPath(before).length) {
    return { memberPath: path, selected: new Set(), focus: null, anchor: null };
  }
  const { selected, focus, anchor } = before;
  return { memberPath: path, ...followSelection(owner, next, { selected, focus, anchor }) };
}
