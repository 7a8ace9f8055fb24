import { describe, expect, it } from 'vitest';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { structureView } from '../../../shared/iiif/structure';

const OLD = 'https://example.org/unpublished/toc';
const TO = 'https://pub.example/iiif/book';

function canvas(n: number): JsonObject {
  return {
    id: `${OLD}/canvas/c${n}`,
    type: 'Canvas',
    label: { none: [`${n}`] },
    width: 10,
    height: 10,
    items: [],
  };
}

function project(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${OLD}/manifest.json`,
    type: 'Manifest',
    label: { en: ['TOC'] },
    items: [canvas(1), canvas(2), canvas(3)],
    structures: [
      {
        // Named by a fragment of the manifest's own URI, as the specification allows for embedded Ranges.
        id: `${OLD}/manifest.json#part-1`,
        type: 'Range',
        label: { en: ['Part 1'] },
        start: { id: `${OLD}/canvas/c2`, type: 'Canvas' },
        items: [
          `${OLD}/canvas/c1`,
          { id: `${OLD}/canvas/c2#t=0,10`, type: 'Canvas' },
          {
            id: `${OLD}/range/ch1`,
            type: 'Range',
            label: { en: ['Chapter 1'] },
            items: [
              {
                type: 'SpecificResource',
                source: { id: `${OLD}/canvas/c3`, type: 'Canvas' },
                selector: { type: 'FragmentSelector', value: 'xywh=0,0,5,5' },
              },
            ],
          },
        ],
      },
      {
        id: `${OLD}/range/alt`,
        type: 'Range',
        label: { en: ['Other order'] },
        behavior: ['sequence'],
        items: [
          { id: `${OLD}/range/ch1`, type: 'Range' },
          { id: `${OLD}/manifest.json#part-1`, type: 'Range' },
        ],
      },
    ],
  };
}

describe('rewriteIds: ranges', () => {
  const { doc, mapping } = rewriteIds(project(), { toBase: TO });
  // Published ids are stable names (publication-record.ts), not positions: read them from the mapping.
  const published = (old: string): string => {
    const id = mapping[old];
    if (id === undefined) throw new Error(`no published id for ${old}`);
    return id;
  };

  it('gives every Range a new id and points each reference to a Range at it', () => {
    const ids = structureView(doc as JsonObject).nodes.map((n) => n.range.id);
    const part = published(`${OLD}/manifest.json#part-1`);
    const chapter = published(`${OLD}/range/ch1`);
    const alt = published(`${OLD}/range/alt`);
    expect(ids).toEqual([part, chapter, alt, chapter, part]);
    expect(new Set([part, chapter, alt]).size).toBe(3);
    for (const id of [part, chapter, alt]) expect(id.startsWith(`${TO}/range/`)).toBe(true);
    expect(getIn(doc, ['id'])).toBe(`${TO}/manifest.json`);
  });

  it('rewrites the canvas ids inside Range items and keeps their fragments', () => {
    const items = ['structures', 0, 'items'];
    const c = (n: number): string => published(`${OLD}/canvas/c${n}`);
    for (const n of [1, 2, 3]) expect(c(n).startsWith(`${TO}/canvas/`)).toBe(true);
    expect(getIn(doc, [...items, 0])).toBe(c(1));
    expect(getIn(doc, [...items, 1, 'id'])).toBe(`${c(2)}#t=0,10`);
    expect(getIn(doc, [...items, 2, 'items', 0, 'source', 'id'])).toBe(c(3));
    expect(getIn(doc, [...items, 2, 'items', 0, 'selector', 'value'])).toBe('xywh=0,0,5,5');
    expect(getIn(doc, ['structures', 0, 'start', 'id'])).toBe(c(2));
  });
});
