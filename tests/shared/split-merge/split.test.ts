import { describe, expect, it } from 'vitest';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import {
  parseSplitPoints,
  partsCollection,
  splitFileNames,
  splitManifest,
  type SplitResult,
} from '../../../shared/iiif/split-merge';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, manifest } from './fixture';

function split(doc: JsonObject, at: number[], labelSuffix?: string): SplitResult {
  const outcome = splitManifest(doc, { at, ...(labelSuffix !== undefined ? { labelSuffix } : {}) });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

function canvasIds(doc: JsonObject): string[] {
  return (doc['items'] as JsonObject[]).map((c) => c['id'] as string);
}

/** Ids of the full Ranges in a part, with the canvases each points at. */
function outline(list: JsonValue | undefined): unknown[] {
  if (!isJsonArray(list)) return [];
  return list.map((item) =>
    isJsonObject(item) && item['type'] === 'Range'
      ? { [String(item['id']).replace(BASE, '')]: outline(item['items']) }
      : String(typeof item === 'string' ? item : isJsonObject(item) ? item['id'] : item).replace(BASE, ''),
  );
}

describe('splitManifest', () => {
  const original = manifest(12);
  const before = JSON.stringify(original);
  const result = split(original, [4, 8]);
  const [one, two, three] = result.parts.map((p) => p.doc) as [JsonObject, JsonObject, JsonObject];

  it('cuts items at the chosen canvases', () => {
    expect(result.parts.map((p) => [p.start, p.count])).toEqual([
      [0, 4],
      [4, 4],
      [8, 4],
    ]);
    expect(canvasIds(two)).toEqual([5, 6, 7, 8].map((i) => `${BASE}/canvas/${i}`));
    // The canvases themselves are the original's objects, not copies.
    expect((two['items'] as JsonValue[])[0]).toBe((original['items'] as JsonValue[])[4]);
  });

  it('gives each part an id derived from the original id and a label with the part suffix', () => {
    expect(result.parts.map((p) => p.id)).toEqual([1, 2, 3].map((n) => `${BASE}/part-${n}/manifest.json`));
    expect(one['id']).toBe(`${BASE}/part-1/manifest.json`);
    expect(three['label']).toEqual({
      en: ['Book of hours (part 3 of 3)'],
      fr: ['Livre d’heures (part 3 of 3)'],
    });
    expect(split(original, [6], ' — vol. {n}').parts[1]?.doc['label']).toEqual({
      en: ['Book of hours — vol. 2'],
      fr: ['Livre d’heures — vol. 2'],
    });
  });

  it('keeps the descriptive, rights and unknown properties as they were, in the same key order', () => {
    for (const part of [one, two, three]) {
      for (const key of ['@context', 'metadata', 'rights', 'requiredStatement', 'x-extension'])
        expect(part[key]).toBe(original[key]);
    }
    expect(Object.keys(one)).toEqual(Object.keys(original));
    expect(Object.keys(two)).toEqual(
      Object.keys(original).filter((k) => !['annotations', 'start'].includes(k)),
    );
    expect(JSON.stringify(original)).toBe(before);
  });

  it('clips the Ranges to each part, giving ranges shared by several parts new ids in the later ones', () => {
    expect(outline(one['structures'])).toEqual([
      {
        '/range/toc': [
          { '/range/front': ['/canvas/1', '/canvas/2'] },
          { '/range/middle': ['/canvas/3', '/canvas/4#xywh=0,0,10,10'] },
        ],
      },
    ]);
    expect(outline(two['structures'])).toEqual([
      { '/range/toc-part-2': [{ '/range/middle-part-2': ['/canvas/5', '/canvas/6'] }] },
    ]);
    expect(outline(three['structures'])).toEqual([
      { '/range/toc-part-3': [{ '/range/end': ['/canvas/12'] }] },
    ]);
    expect(result.parts.map((p) => p.ranges)).toEqual([3, 2, 2]);
    expect(result).toMatchObject({ ranges: 4, rangesShared: 2, rangesDropped: 0 });
    // The Range untouched by the cut is the original's object.
    const toc = (original['structures'] as JsonObject[])[0] as JsonObject;
    const front = (toc['items'] as JsonValue[])[0];
    expect(((one['structures'] as JsonObject[])[0]?.['items'] as JsonValue[])[0]).toBe(front);
  });

  it('drops and counts Ranges left with no canvas, and keeps start and annotations only where their canvas is', () => {
    const dangling = {
      ...original,
      structures: [
        ...(original['structures'] as JsonValue[]),
        { id: `${BASE}/range/gone`, type: 'Range', items: [{ id: `${BASE}/canvas/99`, type: 'Canvas' }] },
      ],
    };
    expect(split(dangling, [4])).toMatchObject({ ranges: 5, rangesDropped: 1 });
    expect(one['start']).toEqual({ id: `${BASE}/canvas/3`, type: 'Canvas' });
    expect('start' in two).toBe(false);
    expect((one['annotations'] as JsonObject[])[0]?.['items']).toHaveLength(2);
    expect('annotations' in two).toBe(false);

    const later = split(original, [2]);
    const pages = later.parts.map((p) => p.doc['annotations'] as JsonObject[] | undefined);
    expect(pages[0]?.[0]?.['id']).toBe(`${BASE}/comments`);
    expect((pages[0]?.[0]?.['items'] as JsonObject[]).map((a) => a['id'])).toEqual([`${BASE}/comments/1`]);
    expect(pages[1]?.[0]?.['id']).toBe(`${BASE}/comments-part-2`);
    expect((pages[1]?.[0]?.['items'] as JsonObject[]).map((a) => a['id'])).toEqual([`${BASE}/comments/2`]);
    expect(later.parts[1]?.doc['start']).toEqual(original['start']);
    expect('start' in (later.parts[0]?.doc ?? {})).toBe(false);
  });

  it('drops a Range’s start on a canvas of another part', () => {
    const toc = (original['structures'] as JsonObject[])[0] as JsonObject;
    const withStart = {
      ...original,
      structures: [{ ...toc, start: { id: `${BASE}/canvas/2`, type: 'Canvas' } }],
    };
    const [a, b] = split(withStart, [4]).parts.map((p) => (p.doc['structures'] as JsonObject[])[0]);
    expect(a?.['start']).toEqual({ id: `${BASE}/canvas/2`, type: 'Canvas' });
    expect(b && 'start' in b).toBe(false);
  });

  it('keeps lists that were empty before the split', () => {
    const empty = split({ ...original, structures: [], annotations: [] }, [4]);
    for (const part of empty.parts) {
      expect(part.doc['structures']).toEqual([]);
      expect(part.doc['annotations']).toEqual([]);
    }
  });

  it('makes parts that validate without errors', () => {
    for (const part of result.parts)
      expect(validate(part.doc).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses split points that would leave a part empty', () => {
    expect(splitManifest(original, { at: [0] })).toMatchObject({ ok: false });
    expect(splitManifest(original, { at: [12] })).toMatchObject({ ok: false });
    expect(splitManifest(original, { at: [] })).toMatchObject({ ok: false });
    expect(splitManifest({ ...original, type: 'Collection' }, { at: [3] })).toMatchObject({ ok: false });
  });
});

describe('parseSplitPoints', () => {
  it('reads canvas numbers as the grid shows them', () => {
    expect(parseSplitPoints('12,40', 50)).toEqual([11, 39]);
    expect(parseSplitPoints(' 40 ; 12 12 ', 50)).toEqual([11, 39]);
  });

  it('says what is wrong with anything else', () => {
    expect(parseSplitPoints('1', 12)).toMatch(/begin at canvas 2 to 12; 1 is outside/);
    expect(parseSplitPoints('13', 12)).toMatch(/13 is outside/);
    expect(parseSplitPoints('5-6', 12)).toMatch(/"5-6" is not a canvas number/);
    expect(parseSplitPoints('', 12)).toMatch(/Type the numbers/);
    expect(parseSplitPoints('2', 1)).toMatch(/at least two canvases/);
  });
});

describe('partsCollection', () => {
  it('lists the parts by id, label and their first canvas thumbnail, and validates', () => {
    const { parts } = split(manifest(12), [4]);
    const collection = partsCollection(
      manifest(12),
      parts.map((p) => p.doc),
    );
    expect(collection).toMatchObject({
      id: `${BASE}/collection.json`,
      type: 'Collection',
      label: manifest(12)['label'],
    });
    const members = collection['items'] as JsonObject[];
    expect(members.map((m) => m['id'])).toEqual(parts.map((p) => p.id));
    expect(members[1]?.['label']).toEqual(parts[1]?.doc['label']);
    expect((members[1]?.['thumbnail'] as JsonObject[])[0]?.['id']).toBe(
      'https://images.example.org/5/full/100,/0/default.jpg',
    );
    expect(validate(collection).filter((f) => f.severity === 'error')).toEqual([]);
    expect(splitFileNames('book', 2)).toEqual({
      parts: ['book-part-1.json', 'book-part-2.json'],
      collection: 'book-collection.json',
    });
  });
});
