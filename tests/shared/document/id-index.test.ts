import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn } from '../../../shared/iiif/json';
import { documentIds, documentIndex, moveCanvases, pathOfId } from '../../../shared/iiif/document';
import { BASE, manifest } from './sample-docs';

const withRanges = () =>
  manifest(3, {
    structures: [
      {
        id: `${BASE}/range/toc`,
        type: 'Range',
        items: [
          { id: `${BASE}/canvas/1`, type: 'Canvas' },
          { id: `${BASE}/range/ch1`, type: 'Range', items: [{ id: `${BASE}/canvas/2`, type: 'Canvas' }] },
        ],
      },
    ],
    annotations: [{ id: `${BASE}/comments`, type: 'AnnotationPage', items: [] }],
  });

describe('documentIndex', () => {
  it('maps the ids of canvases, pages, annotations and ranges at any depth to their paths', () => {
    const doc = withRanges();
    const index = documentIndex(doc);
    expect(index.pathOf(`${BASE}/manifest.json`)).toEqual([]);
    expect(index.pathOf(`${BASE}/canvas/2`)).toEqual(['items', 1]);
    expect(index.pathOf(`${BASE}/canvas/3/page/1`)).toEqual(['items', 2, 'items', 0]);
    expect(index.pathOf(`${BASE}/canvas/3/page/1/annotation/1`)).toEqual([
      'items',
      2,
      'items',
      0,
      'items',
      0,
    ]);
    expect(index.pathOf(`${BASE}/range/ch1`)).toEqual(['structures', 0, 'items', 1]);
    expect(index.pathOf(`${BASE}/comments`)).toEqual(['annotations', 0]);
    expect(index.pathOf('https://nowhere.test/x')).toBeUndefined();
    // A range's canvas references are not definitions: the canvas path wins and nothing counts as duplicated.
    expect(index.duplicates).toEqual([]);
    // manifest, 3 x (canvas, page, annotation), 2 ranges, 1 page of comments.
    expect(index.size).toBe(13);
    const listed = [...index.ids()];
    expect(listed.slice(0, 4)).toEqual([
      `${BASE}/manifest.json`,
      `${BASE}/canvas/1`,
      `${BASE}/canvas/1/page/1`,
      `${BASE}/canvas/1/page/1/annotation/1`,
    ]);
    for (const id of listed)
      expect((getIn(doc, index.pathOf(id) ?? ['missing']) as { id: string }).id).toBe(id);
    // Content resources and services are not resources of the document.
    expect(index.has('https://images.tessera.test/iiif/p1')).toBe(false);
  });

  it('indexes placeholder canvases and the members of collections', () => {
    const doc: JsonObject = {
      id: 'https://x.test/c',
      type: 'Collection',
      items: [
        { id: 'https://x.test/m1', type: 'Manifest' },
        {
          id: 'https://x.test/c2',
          type: 'Collection',
          items: [{ id: 'https://x.test/m2', type: 'Manifest' }],
        },
      ],
      placeholderCanvas: { id: 'https://x.test/placeholder', type: 'Canvas', items: [] },
    };
    const index = documentIndex(doc);
    expect(index.pathOf('https://x.test/m2')).toEqual(['items', 1, 'items', 0]);
    expect(index.pathOf('https://x.test/placeholder')).toEqual(['placeholderCanvas']);
  });

  it('reports an id defined twice and keeps the first', () => {
    const doc = manifest(2);
    const dup = {
      ...doc,
      items: [...(doc['items'] as object[]), (doc['items'] as object[])[0]],
    } as typeof doc;
    const index = documentIndex(dup as never);
    expect(index.duplicates).toContain(`${BASE}/canvas/1`);
    expect(index.pathOf(`${BASE}/canvas/1`)).toEqual(['items', 0]);
  });

  it('is cached per document object and derived afresh for an edited one', () => {
    const doc = manifest(3);
    expect(documentIndex(doc)).toBe(documentIndex(doc));
    const moved = moveCanvases(doc, [0], 3);
    expect(documentIndex(moved)).not.toBe(documentIndex(doc));
    expect(pathOfId(moved, `${BASE}/canvas/1`)).toEqual(['items', 2]);
    expect(pathOfId(doc, `${BASE}/canvas/1`)).toEqual(['items', 0]);
  });
});

describe('documentIds', () => {
  it('lists every id and @id anywhere, references and services included', () => {
    const doc = { ...withRanges(), logo: [{ '@id': 'https://tessera.test/logo.png' }] };
    const all = documentIds(doc);
    expect(all.has('https://images.tessera.test/iiif/p1')).toBe(true);
    expect(all.has('https://images.tessera.test/iiif/p2/full/max/0/default.jpg')).toBe(true);
    expect(all.has('https://tessera.test/logo.png')).toBe(true);
    expect(all.has(`${BASE}/range/toc`)).toBe(true);
  });
});
