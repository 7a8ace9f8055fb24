/**
 * Embedded sub-collections (issue 17): member paths, and the member edits applied at a path. Each edit is one
 * new document in which only the collections on the path are new objects; the rest is shared, so that it saves
 * losslessly and costs one undo step.
 */
import { describe, expect, it } from 'vitest';
import {
  addMembers,
  collectionAtPath,
  collectionsAlong,
  editAtPath,
  followMemberPath,
  isEmbeddedCollection,
  jsonPathOfCollection,
  moveMembers,
  refreshMembers,
  removeMembers,
} from '../../../shared/iiif/collection';
import { writeDocument } from '../../../shared/iiif/document/write';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import type { JsonObject } from '../../../shared/iiif/json';
import { ref, SHELF_BASE as BASE, shelf } from './shelf';

const names = (collection: JsonObject | null) =>
  ((collection?.['items'] as JsonObject[] | undefined) ?? []).map(
    (m) => (m['label'] as { en: string[] }).en[0],
  );

describe('member paths', () => {
  it('lead to embedded collections only, at any depth', () => {
    const doc = shelf();
    expect(collectionAtPath(doc, [])).toBe(doc);
    expect(names(collectionAtPath(doc, [1]))).toEqual(['a1', 'a2', 'Folder']);
    expect(names(collectionAtPath(doc, [1, 2]))).toEqual(['f1', 'f2', 'f3']);
    // A referenced manifest, a place past the end, or a path through a reference lead nowhere.
    expect(collectionAtPath(doc, [0])).toBeNull();
    expect(collectionAtPath(doc, [9])).toBeNull();
    expect(collectionAtPath(doc, [1, 0, 0])).toBeNull();
    expect(isEmbeddedCollection({ id: 'x', type: 'Collection' })).toBe(false);
    expect(isEmbeddedCollection({ id: 'x', type: 'Manifest', items: [] })).toBe(false);
    expect(collectionsAlong(doc, [1, 2])?.map((c) => c['id'])).toEqual([
      `${BASE}/shelf.json`,
      `${BASE}/box-a`,
      `${BASE}/box-a/folder`,
    ]);
    expect(jsonPathOfCollection([1, 2])).toEqual(['items', 1, 'items', 2]);
  });

  it('refuse to edit where they lead nowhere', () => {
    expect(() => editAtPath(shelf(), [0], (c) => c)).toThrow(RangeError);
    expect(() => moveMembers(shelf(), [0], 2, [5])).toThrow(RangeError);
  });
});

describe('member edits at a path', () => {
  it('move members of a nested collection, copying only the collections on the path', () => {
    const doc = shelf();
    const next = moveMembers(doc, [2], 0, [1, 2]);
    expect(names(collectionAtPath(next, [1, 2]))).toEqual(['f3', 'f1', 'f2']);
    const items = next['items'] as JsonObject[];
    const before = doc['items'] as JsonObject[];
    expect(items[0]).toBe(before[0]);
    expect(items[2]).toBe(before[2]);
    expect(items[1]).not.toBe(before[1]);
    expect((items[1]?.['items'] as JsonObject[])[0]).toBe((before[1]?.['items'] as JsonObject[])[0]);
    // Everything else of the nested collection (its own unknown properties, key order) is kept.
    expect(Object.keys(items[1] as JsonObject)).toEqual(Object.keys(before[1] as JsonObject));
    expect(items[1]?.['x-shelfmark']).toBe('A/1');
    // Lossless: the saved text differs from the original only in the order of the folder's members.
    const text = (d: JsonObject) => writeDocument(d, DEFAULT_TEXT_FORMAT);
    expect(text(moveMembers(next, [0], 3, [1, 2]))).toBe(text(doc));
  });

  it('remove and add members of a nested collection, and leave the levels above as they were', () => {
    const doc = shelf();
    const removed = removeMembers(doc, [0, 1], [1]);
    expect(names(collectionAtPath(removed, [1]))).toEqual(['Folder']);
    expect(names(removed)).toEqual(['m1', 'Box A', 'm2']);

    const added = addMembers(doc, 1, [ref('new'), ref('f1')], [1, 2]);
    expect(added.added).toBe(2);
    expect(names(collectionAtPath(added.doc, [1, 2]))).toEqual(['f1', 'new', 'f1', 'f2', 'f3']);
    expect(added.alreadyListed).toEqual([`${BASE}/f1/manifest.json`]);
    expect(names(collectionAtPath(added.doc, [1]))).toEqual(['a1', 'a2', 'Folder']);
  });

  it('refuse a collection as a member of itself or of any collection inside it', () => {
    const doc = shelf();
    const loops = [
      { id: `${BASE}/shelf.json`, type: 'Collection' },
      { id: `${BASE}/box-a`, type: 'Collection' },
      { id: `${BASE}/box-a/folder`, type: 'Collection' },
    ];
    const result = addMembers(doc, 0, loops, [1, 2]);
    expect(result.refusedSelf).toBe(3);
    expect(result.added).toBe(0);
    expect(result.doc).toBe(doc);
    // A sibling's id is not a loop: only the collections enclosing the target are refused.
    expect(addMembers(doc, 0, [{ id: `${BASE}/box-b`, type: 'Collection' }], [1, 2]).added).toBe(1);
  });

  it('refresh a member of a nested collection, and return the document itself when nothing changes', () => {
    const doc = shelf();
    const fresh = new Map([[1, { ...ref('a2'), label: { en: ['a2, renamed'] } }]]);
    const next = refreshMembers(doc, fresh, [1]);
    expect(names(collectionAtPath(next, [1]))).toEqual(['a1', 'a2, renamed', 'Folder']);
    expect(refreshMembers(doc, new Map([[1, ref('a2')]]), [1])).toBe(doc);
  });
});

describe('followMemberPath', () => {
  it('keeps the path while the collections on it stay where they are, even when edited', () => {
    const doc = shelf();
    const edited = moveMembers(doc, [0], 3, [1, 2]);
    expect(followMemberPath(doc, edited, [1, 2])).toEqual([1, 2]);
    expect(followMemberPath(edited, doc, [1, 2])).toEqual([1, 2]);
  });

  it('follows a collection that moved, by object and then by id', () => {
    const doc = shelf();
    const moved = moveMembers(doc, [1], 0);
    expect(followMemberPath(doc, moved, [1, 2])).toEqual([0, 2]);
    // Undoing the move brings the path back with it; an edit inside changed the objects, the ids are kept.
    const editedInside = moveMembers(moved, [0], 3, [0, 2]);
    expect(followMemberPath(editedInside, doc, [0, 2])).toEqual([1, 2]);
  });

  it('steps out to the deepest collection still there', () => {
    const doc = shelf();
    const folderGone = removeMembers(doc, [2], [1]);
    expect(followMemberPath(doc, folderGone, [1, 2])).toEqual([1]);
    const boxGone = removeMembers(doc, [1]);
    expect(followMemberPath(doc, boxGone, [1, 2])).toEqual([]);
  });
});
