import { describe, expect, it } from 'vitest';
import {
  addMembers,
  memberCount,
  memberReferenceFrom,
  moveMembers,
  newCollection,
  refreshMembers,
  removeMembers,
} from '../../../shared/iiif/collection';
import { documentKindOf } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';
import { manifest } from '../document/sample-docs';

const BASE = 'https://tessera.test/iiif/shelf';

function ref(n: number, type: 'Manifest' | 'Collection' = 'Manifest'): JsonObject {
  return { id: `${BASE}/${n}/manifest.json`, type, label: { en: [`Volume ${n}`] } };
}

function collection(count: number): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/collection.json`,
    type: 'Collection',
    label: { en: ['Shelf'] },
    items: Array.from({ length: count }, (_, i) => ref(i + 1)),
  };
}

function order(doc: JsonObject): number[] {
  return (doc['items'] as JsonObject[]).map((m) => Number(String(m['id']).split('/').at(-2)));
}

describe('documentKindOf', () => {
  it('tells a collection from a manifest, and nothing from anything else', () => {
    expect(documentKindOf(collection(1))).toBe('Collection');
    expect(documentKindOf(manifest(1))).toBe('Manifest');
    expect(documentKindOf(null)).toBeNull();
    expect(documentKindOf({ type: 'Canvas' })).toBeNull();
    // Opened leniently, as classifyJson reads it: the first string of a type array.
    expect(documentKindOf({ type: ['Collection', 'ext:Series'] })).toBe('Collection');
  });
});

describe('moveMembers and removeMembers', () => {
  it('move a block of members into a gap, as one new document', () => {
    const doc = collection(5);
    const next = moveMembers(doc, [3, 4], 0);
    expect(order(next)).toEqual([4, 5, 1, 2, 3]);
    // The members themselves are shared, not copied.
    expect((next['items'] as JsonObject[])[0]).toBe((doc['items'] as JsonObject[])[3]);
    expect(moveMembers(doc, [1], 1)).toBe(doc);
  });

  it('remove the members at the indices and keep everything else of the collection', () => {
    const doc = { ...collection(4), summary: { en: ['kept'] } };
    const next = removeMembers(doc, [0, 2]);
    expect(order(next)).toEqual([2, 4]);
    expect(next['summary']).toBe(doc['summary']);
    expect(Object.keys(next)).toEqual(Object.keys(doc));
  });
});

describe('addMembers', () => {
  it('inserts references at a gap and reports ids the collection already listed', () => {
    const result = addMembers(collection(3), 1, [ref(9), ref(3)]);
    expect(order(result.doc)).toEqual([1, 9, 3, 2, 3]);
    expect(result.added).toBe(2);
    expect(result.alreadyListed).toEqual([`${BASE}/3/manifest.json`]);
  });

  it('refuses the collection itself as its own member', () => {
    const doc = collection(2);
    const result = addMembers(doc, 2, [
      { id: doc['id'] as string, type: 'Collection', label: { en: ['me'] } },
    ]);
    expect(result.refusedSelf).toBe(1);
    expect(result.added).toBe(0);
    expect(result.doc).toBe(doc);
  });
});

describe('memberReferenceFrom', () => {
  it('makes id, type, label, thumbnail and navDate of a manifest, in that order', () => {
    const resource: JsonObject = {
      ...manifest(2),
      navDate: '1850-01-01T00:00:00Z',
      thumbnail: [{ id: 'https://img.test/t.jpg', type: 'Image' }],
      summary: { en: ['not copied'] },
    };
    const result = memberReferenceFrom(resource, 'https://elsewhere.test/m.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.reference)).toEqual(['id', 'type', 'label', 'thumbnail', 'navDate']);
    expect(result.reference['id']).toBe(resource['id']);
  });

  it("lends a manifest its first canvas's declared thumbnail, and never invents an image URL", () => {
    const withCanvasThumb = manifest(1);
    const canvas = { ...(withCanvasThumb['items'] as JsonObject[])[0], thumbnail: [{ id: 'c.jpg' }] };
    const result = memberReferenceFrom({ ...withCanvasThumb, items: [canvas] }, 'x');
    expect(result.ok && result.reference['thumbnail']).toEqual([{ id: 'c.jpg' }]);
    const bare = memberReferenceFrom(manifest(1), 'x');
    expect(bare.ok && 'thumbnail' in bare.reference).toBe(false);
  });

  it('falls back to the address for a missing id and label, and refuses what is not a member', () => {
    const result = memberReferenceFrom({ type: 'Collection', items: [] }, 'https://a.test/c.json');
    expect(result.ok && result.reference).toEqual({
      id: 'https://a.test/c.json',
      type: 'Collection',
      label: { none: ['https://a.test/c.json'] },
    });
    const refused = memberReferenceFrom({ type: 'Canvas' }, 'https://a.test/c.json');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/not a Presentation 3 manifest or collection/);
  });
});

describe('refreshMembers', () => {
  it("updates label and thumbnail from the resource and keeps the member's other properties", () => {
    const doc = collection(2);
    const member: JsonObject = { ...ref(1), navDate: '1900-01-01T00:00:00Z', 'ext:note': 'mine' };
    const withNote = { ...doc, items: [member, (doc['items'] as JsonObject[])[1] as JsonObject] };
    const fresh = {
      id: member['id'] as string,
      type: 'Manifest',
      label: { en: ['Renamed'] },
      thumbnail: [{ id: 't' }],
    };
    const next = refreshMembers(withNote, new Map([[0, fresh]]));
    const updated = (next['items'] as JsonObject[])[0] as JsonObject;
    expect(updated['label']).toEqual({ en: ['Renamed'] });
    expect(updated['thumbnail']).toEqual([{ id: 't' }]);
    expect(updated['navDate']).toBe('1900-01-01T00:00:00Z');
    expect(Object.keys(updated)).toEqual(['id', 'type', 'label', 'navDate', 'ext:note', 'thumbnail']);
    expect((next['items'] as JsonObject[])[1]).toBe((withNote['items'] as JsonObject[])[1]);
  });

  it('returns the document itself when nothing changed, and leaves embedded members alone', () => {
    const doc = collection(1);
    expect(refreshMembers(doc, new Map([[0, ref(1)]]))).toBe(doc);
    const embedded = { ...doc, items: [{ ...manifest(1) }] };
    const fresh = { id: 'x', type: 'Manifest', label: { en: ['other'] } };
    expect(refreshMembers(embedded, new Map([[0, fresh]]))).toBe(embedded);
  });
});

describe('newCollection', () => {
  it('is an empty Presentation 3 collection with its id under the base', () => {
    const doc = newCollection({ label: 'Exhibition', baseUri: 'https://ex.test/iiif/show/', language: 'en' });
    expect(doc).toEqual({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://ex.test/iiif/show/collection.json',
      type: 'Collection',
      label: { en: ['Exhibition'] },
      items: [],
    });
    expect(memberCount(doc)).toBe(0);
  });
});
