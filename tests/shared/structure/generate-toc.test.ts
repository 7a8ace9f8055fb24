import { describe, expect, it } from 'vitest';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  appendRanges,
  generateToc,
  outlineProblems,
  outlineSpans,
  rangesFromOutline,
  structureView,
  TOC_PATTERNS,
  type OutlineEntry,
} from '../../../shared/iiif/structure';
import { BASE, book, canvasId, range, ref } from './fixtures';

const mint = () => createIdMinter(BASE, new Set());
const ids = (n: number) => Array.from({ length: n }, (_, i) => canvasId(i + 1));

/** Ranges as "label[canvas numbers and nested ranges]". */
function shape(ranges: readonly JsonObject[]): string {
  return ranges
    .map((r) => {
      const items = (r['items'] as JsonObject[]).map((item) =>
        item['type'] === 'Range' ? shape([item]) : String(item['id']).replace(`${BASE}/canvas/`, ''),
      );
      return `${(r['label'] as { none: string[] }).none[0]}[${items.join(',')}]`;
    })
    .join(' ');
}

describe('generateToc', () => {
  it('makes one range per run of "Chapter N", keeping unmatched pages in the run they follow', () => {
    const labels = ['Cover', 'Title', 'Chapter 1', 'p. 2', 'Chapter 1, p. 3', 'CHAPTER 2', 'p. 5', 'Ch. 3'];
    const result = generateToc(labels, TOC_PATTERNS.chapter.pattern);
    expect(result).toEqual({
      ok: true,
      unmatched: 2,
      entries: [
        { label: 'Chapter 1', level: 1, first: 2 },
        { label: 'CHAPTER 2', level: 1, first: 5 },
        { label: 'Ch. 3', level: 1, first: 7 },
      ],
    });
    if (!result.ok) return;
    expect(shape(rangesFromOutline(result.entries, ids(8), mint()))).toBe(
      'Chapter 1[3,4,5] CHAPTER 2[6,7] Ch. 3[8]',
    );
  });

  it('starts a range at each change of quire signature', () => {
    const labels = ['a1r', 'a1v', 'a2r', 'b1r', 'b1v', 'pastedown', 'c1r'];
    const result = generateToc(labels, TOC_PATTERNS.quire.pattern);
    expect(result.ok && result.entries.map((e) => [e.label, e.first])).toEqual([
      ['Quire a', 0],
      ['Quire b', 3],
      ['Quire c', 6],
    ]);
  });

  it('does not take "p. 1" or "f. 3" for a signature', () => {
    const result = generateToc(['p. 1', 'p. 2', 'f. 3'], TOC_PATTERNS.quire.pattern);
    expect(result).toEqual({ ok: false, message: 'No canvas label matches the pattern.' });
  });

  it('says why a pattern cannot be used', () => {
    expect(generateToc(['a'], { source: '(', label: '$&' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The pattern is not a regular expression/) as unknown,
    });
    expect(generateToc(['a'], { source: ' ', label: '$&' })).toEqual({
      ok: false,
      message: 'Give a pattern to look for in the canvas labels.',
    });
  });

  it('never loops on a pattern that matches the empty string', () => {
    expect(generateToc(['a', 'b'], { source: 'x*', label: '$&', flags: 'g' })).toEqual({
      ok: false,
      message: 'No canvas label matches the pattern.',
    });
  });
});

describe('outlines', () => {
  const nested: OutlineEntry[] = [
    { label: 'Part I', level: 1, first: 0 },
    { label: 'Chapter 1', level: 2, first: 1 },
    { label: 'Section 1', level: 3, first: 1 },
    { label: 'Chapter 2', level: 2, first: 4 },
    { label: 'Part II', level: 1, first: 6 },
  ];

  it('spans each entry to the next one at its level or above', () => {
    expect(outlineSpans(nested, 8).map((s) => [s.label, s.first, s.end])).toEqual([
      ['Part I', 0, 6],
      ['Chapter 1', 1, 4],
      ['Section 1', 1, 4],
      ['Chapter 2', 4, 6],
      ['Part II', 6, 8],
    ]);
  });

  it('builds nested ranges with each child where its canvases begin', () => {
    expect(shape(rangesFromOutline(nested, ids(8), mint()))).toBe(
      'Part I[1,Chapter 1[Section 1[2,3,4]],Chapter 2[5,6]] Part II[7,8]',
    );
  });

  it('builds an outline 3,000 levels deep without recursion', () => {
    const deep = Array.from({ length: 3_000 }, (_, i) => ({ label: `L${i + 1}`, level: i + 1, first: 0 }));
    const [top] = rangesFromOutline(deep, ids(1), mint());
    const doc = appendRanges(book(1, []), top ? [top] : []);
    expect(structureView(doc).countsByDepth.length).toBe(3_000);
  });

  it('reports levels that skip, canvases out of order or missing, and empty ranges', () => {
    const messages = outlineProblems(
      [
        { label: 'A', level: 2, first: 0 },
        { label: 'B', level: 1, first: 3 },
        { label: 'C', level: 1, first: 2 },
        { label: 'D', level: 1, first: 2 },
        { label: 'E', level: 1, first: 9 },
      ],
      5,
    ).map((p) => `${p.entry}: ${p.message}`);
    expect(messages).toEqual([
      '0: “A”: level 2 follows level none; a level can only go one deeper at a time.',
      '2: “C” starts at canvas 3, before the entry above it (canvas 4).',
      '4: “E”: its first canvas is not in the manifest.',
    ]);
    expect(
      outlineProblems(
        [
          { label: 'A', level: 1, first: 0 },
          { label: 'B', level: 1, first: 0 },
        ],
        2,
      ).map((p) => p.message),
    ).toEqual(['“A” would hold no canvas: the next entry at its level starts at the same canvas.']);
    expect(() => rangesFromOutline([{ label: 'A', level: 2, first: 0 }], ids(1), mint())).toThrow(
      /one deeper/,
    );
  });

  it('appends the new ranges after the ones the manifest has, which stay the same objects', () => {
    const existing = range('old', [ref(1)]);
    const doc = book(3, [existing]);
    const next = appendRanges(doc, rangesFromOutline([{ label: 'New', level: 1, first: 1 }], ids(3), mint()));
    const structures = next['structures'] as JsonObject[];
    expect(structures[0]).toBe(existing);
    expect(shape(structures.slice(1))).toBe('New[2,3]');
    expect(appendRanges(doc, [])).toBe(doc);
  });
});
