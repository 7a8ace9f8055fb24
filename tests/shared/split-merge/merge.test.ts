import { describe, expect, it } from 'vitest';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { mergeManifests, splitManifest, type MergeResult } from '../../../shared/iiif/split-merge';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, manifest } from './fixture';

function merge(docs: JsonObject[], id?: string): MergeResult {
  const outcome = mergeManifests(docs, id !== undefined ? { id } : {});
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

const OTHER = 'https://other.example.net/iiif/letters';

function canvasIds(doc: JsonObject): string[] {
  return (doc['items'] as JsonObject[]).map((c) => c['id'] as string);
}

/** Every string under a `target`, `source` or `start` key, and every Range item id. */
function references(value: JsonValue, into: string[] = []): string[] {
  if (isJsonArray(value)) value.forEach((v) => references(v, into));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (['target', 'source', 'start'].includes(key) && typeof child === 'string') into.push(child);
      else if (value['type'] === 'Range' && key === 'items' && isJsonArray(child))
        child.forEach((i) =>
          isJsonObject(i) && i['type'] === 'Canvas' ? into.push(String(i['id'])) : references(i, into),
        );
      else if (
        ['target', 'source', 'start'].includes(key) &&
        isJsonObject(child) &&
        typeof child['id'] === 'string' &&
        child['type'] === 'Canvas'
      )
        into.push(child['id']);
      else references(child, into);
    }
  }
  return into;
}

describe('mergeManifests', () => {
  it('concatenates canvases, Ranges and annotation pages under the first manifest’s properties', () => {
    const first = manifest(6);
    const second: JsonObject = {
      ...manifest(6, OTHER),
      label: { en: ['Letters'] },
      summary: { en: ['Other'] },
    };
    const result = merge([first, second]);
    expect(canvasIds(result.doc)).toEqual([...canvasIds(first), ...canvasIds(second)]);
    expect(result.doc['structures']).toEqual([
      ...(first['structures'] as JsonValue[]),
      ...(second['structures'] as JsonValue[]),
    ]);
    expect(result.doc['annotations']).toHaveLength(2);
    expect(result.doc['label']).toBe(first['label']);
    expect(result.doc['start']).toBe(first['start']);
    expect(result.doc['x-extension']).toBe(first['x-extension']);
    expect(Object.keys(result.doc)).toEqual(Object.keys(first));
    expect(result).toMatchObject({
      id: `${BASE}/merged/manifest.json`,
      canvases: [6, 6],
      renamedCanvases: 0,
      renamedOthers: 0,
    });
    // The second's label, summary and start are not in the merged manifest, and the result says so.
    expect(result.dropped).toEqual([{ index: 1, keys: ['label', 'start', 'summary'] }]);
    expect(validate(result.doc).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gives canvases (and their pages, annotations, Ranges) whose ids were used before new ids, references following', () => {
    const doc = manifest(6);
    const result = merge([doc, doc]);
    const ids = canvasIds(result.doc);
    expect(new Set(ids).size).toBe(12);
    expect(ids.slice(0, 6)).toEqual(canvasIds(doc));
    expect(ids[6]).toBe(`${BASE}/merged/canvas/1`);
    expect(result.renamedCanvases).toBe(6);
    // Per canvas a page and an annotation; four Ranges; a page of two comments.
    expect(result.renamedOthers).toBe(6 * 2 + 4 + 3);
    // Every reference in the second half points at a canvas of the second half, fragments kept.
    const second = {
      items: (result.doc['items'] as JsonValue[]).slice(6),
      structures: (result.doc['structures'] as JsonValue[]).slice(1),
      annotations: (result.doc['annotations'] as JsonValue[]).slice(1),
    };
    const refs = references(second);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ids.slice(6)).toContain(ref.replace(/#.*$/, ''));
    expect(refs).toContain(`${ids[9]}#xywh=0,0,10,10`);
    expect(validate(result.doc).filter((f) => f.severity === 'error')).toEqual([]);
    // Image bodies are not ours to rename.
    expect(JSON.stringify(result.doc).match(/images\.example\.org\/1\/full\/max/g)).toHaveLength(2);
  });

  it('keeps a page both manifests refer to (by reference) as it is', () => {
    const external = { id: 'https://annotations.example.org/page/1', type: 'AnnotationPage' };
    const doc: JsonObject = { ...manifest(6), annotations: [external] };
    const result = merge([doc, doc]);
    expect(result.doc['annotations']).toEqual([external, external]);
  });

  it('renames a repeated canvas that has no items of its own', () => {
    const bare: JsonObject = {
      id: 'https://x.org/m',
      type: 'Manifest',
      label: { none: ['m'] },
      items: [{ id: 'https://x.org/c1', type: 'Canvas', width: 10, height: 10 }],
    };
    const result = merge([bare, bare]);
    expect(result.renamedCanvases).toBe(1);
    expect(canvasIds(result.doc)).toEqual(['https://x.org/c1', 'https://x.org/m/merged/canvas/1']);
  });

  it('puts a split back together', () => {
    const doc = manifest(12);
    const split = splitManifest(doc, { at: [4, 8] });
    if (!split.ok) throw new Error(split.message);
    const result = merge(
      split.value.parts.map((p) => p.doc),
      doc['id'] as string,
    );
    expect(result.doc['items']).toEqual(doc['items']);
    expect(result.renamedCanvases).toBe(0);
    expect(result.doc['id']).toBe(doc['id']);
  });

  it('refuses fewer than two documents, and anything but Manifests', () => {
    expect(mergeManifests([manifest(2)])).toMatchObject({ ok: false });
    expect(mergeManifests([manifest(2), { id: 'x', type: 'Collection', items: [] }])).toEqual({
      ok: false,
      message: 'Document 2 is a Collection; only Manifests can be merged.',
    });
  });
});
