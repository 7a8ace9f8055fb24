import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn } from '../../../shared/iiif/json';
import { documentIndex, idMinterFor, insertCanvasCopies } from '../../../shared/iiif/document';
import { BASE, canvas, ids, manifest } from './sample-docs';

function paste(doc: JsonObject, index: number, canvases: readonly JsonObject[]): JsonObject {
  return insertCanvasCopies(doc, index, canvases, idMinterFor(doc));
}

function items(doc: JsonObject): JsonObject[] {
  return doc['items'] as JsonObject[];
}

describe('insertCanvasCopies', () => {
  it('inserts copies in clipboard order at the gap, with fresh ids and targets pointing at the copies', () => {
    const doc = manifest(4);
    const copied = [items(doc)[2], items(doc)[0]] as JsonObject[];
    const next = paste(doc, 1, copied);
    expect(ids(next)).toEqual([
      `${BASE}/canvas/1`,
      `${BASE}/canvas/5`,
      `${BASE}/canvas/6`,
      `${BASE}/canvas/2`,
      `${BASE}/canvas/3`,
      `${BASE}/canvas/4`,
    ]);
    // The first copy is of p. 3, the second of p. 1: the order the clipboard gave.
    expect(getIn(next, ['items', 1, 'label'])).toEqual({ en: ['p. 3'] });
    expect(getIn(next, ['items', 2, 'label'])).toEqual({ en: ['p. 1'] });
    expect(getIn(next, ['items', 1, 'items', 0, 'items', 0, 'target'])).toBe(`${BASE}/canvas/5`);
    expect(documentIndex(next).duplicates).toEqual([]);
    // The originals are untouched, the same objects as before.
    expect(items(next)[0]).toBe(items(doc)[0]);
  });

  it('gives each paste of the same canvases its own ids', () => {
    const doc = manifest(2);
    const copied = items(doc);
    const once = paste(doc, 2, copied);
    const twice = paste(once, 4, copied);
    expect(ids(twice)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${BASE}/canvas/${n}`));
    expect(documentIndex(twice).duplicates).toEqual([]);
    expect(getIn(twice, ['items', 5, 'items', 0, 'items', 0, 'id'])).toBe(
      `${BASE}/canvas/6/page/1/annotation/1`,
    );
  });

  it('mints under the target manifest when pasting canvases copied from another one', () => {
    const other = 'https://elsewhere.test/iiif/letters';
    const target = manifest(1);
    const next = paste(target, 0, [canvas(1, other)]);
    expect(ids(next)).toEqual([`${BASE}/canvas/2`, `${BASE}/canvas/1`]);
    expect(getIn(next, ['items', 0, 'items', 0, 'id'])).toBe(`${BASE}/canvas/2/page/1`);
    // The image is not the manifest's to rename: the copy shows the same picture.
    expect(getIn(next, ['items', 0, 'items', 0, 'items', 0, 'body', 'id'])).toBe(
      getIn(canvas(1, other), ['items', 0, 'items', 0, 'body', 'id']),
    );
    expect(documentIndex(next).duplicates).toEqual([]);
  });

  it('returns the document itself when there is nothing to paste', () => {
    const doc = manifest(2);
    expect(paste(doc, 1, [])).toBe(doc);
  });
});
