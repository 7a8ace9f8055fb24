import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn } from '../../../shared/iiif/json';
import { documentIds, documentIndex, duplicateCanvases, idMinterFor } from '../../../shared/iiif/document';
import { BASE, canvas, ids, manifest } from './sample-docs';

/** Every object in a tree, for identity checks. */
function objects(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    out.add(value);
    for (const child of Object.values(value)) objects(child, out);
  }
  return out;
}

describe('duplicateCanvases', () => {
  it('inserts each copy right after its original, with fresh ids under the base', () => {
    const doc = manifest(3);
    const next = duplicateCanvases(doc, [2, 0], idMinterFor(doc));
    expect(ids(next)).toEqual([
      `${BASE}/canvas/1`,
      `${BASE}/canvas/4`,
      `${BASE}/canvas/2`,
      `${BASE}/canvas/3`,
      `${BASE}/canvas/5`,
    ]);
    expect(documentIndex(next).duplicates).toEqual([]);
  });

  it('re-mints the ids the manifest defines and points the copy at itself', () => {
    const doc = manifest(1);
    const next = duplicateCanvases(doc, [0], idMinterFor(doc));
    const copy = (next['items'] as JsonObject[])[1] as JsonObject;
    const copyId = `${BASE}/canvas/2`;
    expect(copy['id']).toBe(copyId);
    expect(getIn(copy, ['items', 0, 'id'])).toBe(`${copyId}/page/1`);
    expect(getIn(copy, ['items', 0, 'items', 0, 'id'])).toBe(`${copyId}/page/1/annotation/1`);
    expect(getIn(copy, ['items', 0, 'items', 0, 'target'])).toBe(copyId);
    // The image and its service are outside the manifest: the copy paints the same image.
    expect(getIn(copy, ['items', 0, 'items', 0, 'body'])).toEqual(
      getIn(canvas(1), ['items', 0, 'items', 0, 'body']),
    );
    expect(copy['label']).toEqual({ en: ['p. 1'] });
  });

  it('shares no object with the original, not even the image annotation', () => {
    const doc = manifest(1);
    const next = duplicateCanvases(doc, [0], idMinterFor(doc));
    const [original, copy] = next['items'] as JsonObject[];
    const originalObjects = objects(original);
    for (const node of objects(copy)) expect(originalObjects.has(node)).toBe(false);
    expect(original).toBe((doc['items'] as JsonObject[])[0]);
  });

  it('rewrites fragment targets and SpecificResource sources, keeps referenced pages and avoids taken ids', () => {
    const id = `${BASE}/canvas/1`;
    const source: JsonObject = {
      id,
      type: 'Canvas',
      width: 10,
      height: 10,
      items: [],
      annotations: [
        { id: 'https://elsewhere.test/annotations/page-1.json', type: 'AnnotationPage' },
        {
          id: `${id}/comments`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${id}/comments/1`,
              type: 'Annotation',
              motivation: 'commenting',
              body: { id: `${id}/comments/1/body`, type: 'TextualBody', value: 'Nice' },
              target: [`${id}#xywh=1,2,3,4`, { type: 'SpecificResource', source: { id, type: 'Canvas' } }],
            },
          ],
        },
      ],
    };
    const doc = { ...manifest(0), items: [source], seeAlso: [{ id: `${BASE}/canvas/2`, type: 'Dataset' }] };
    const next = duplicateCanvases(doc, [0], idMinterFor(doc));
    const copy = (next['items'] as JsonObject[])[1] as JsonObject;
    // canvas/2 is taken by the seeAlso, so the copy is canvas/3.
    const copyId = `${BASE}/canvas/3`;
    expect(copy['id']).toBe(copyId);
    expect(getIn(copy, ['annotations', 0, 'id'])).toBe('https://elsewhere.test/annotations/page-1.json');
    expect(getIn(copy, ['annotations', 1, 'id'])).toBe(`${copyId}/page/1`);
    expect(getIn(copy, ['annotations', 1, 'items', 0, 'body', 'id'])).toBe(
      `${copyId}/page/1/annotation/1/body/1`,
    );
    expect(getIn(copy, ['annotations', 1, 'items', 0, 'target'])).toEqual([
      `${copyId}#xywh=1,2,3,4`,
      { type: 'SpecificResource', source: { id: copyId, type: 'Canvas' } },
    ]);
    const before = documentIds(doc);
    for (const newId of [copyId, `${copyId}/page/1`]) expect(before.has(newId)).toBe(false);
  });
});
