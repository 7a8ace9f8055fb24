import { describe, expect, it } from 'vitest';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  appendRanges,
  formatOutlineCsv,
  outlineFromStructures,
  parseOutlineCsv,
  rangesFromOutline,
  canvasIdsOf,
} from '../../../shared/iiif/structure';
import { BASE, book, canvasId, range, ref } from './fixtures';

const OUTLINE = [
  'label,first canvas,level',
  'Part I,1,1',
  'Chapter 1,2,2',
  '"Section 1, the start",2,3',
  'Chapter 2,5,2',
  'Part II,7,1',
  '',
].join('\r\n');

function build(text: string, doc: JsonObject): JsonObject {
  const parsed = parseOutlineCsv(text, doc);
  expect(parsed.problems).toEqual([]);
  return appendRanges(
    doc,
    rangesFromOutline(parsed.entries, canvasIdsOf(doc), createIdMinter(BASE, new Set())),
  );
}

describe('outline CSV', () => {
  it('round-trips: an outline read into ranges exports as the same text', () => {
    const doc = build(OUTLINE, book(8, []));
    expect(formatOutlineCsv(outlineFromStructures(doc).entries)).toBe(OUTLINE);
  });

  it('reads and writes tab-separated outlines the same way', () => {
    const tsv = OUTLINE.replace(/"Section 1, the start"/, 'Section 1, the start').replace(/,(?=\d)/g, '\t');
    const tsvHeader = tsv.replace('label,first canvas,level', 'label\tfirst canvas\tlevel');
    const doc = build(tsvHeader, book(8, []));
    expect(formatOutlineCsv(outlineFromStructures(doc).entries, '\t')).toBe(tsvHeader);
  });

  it('exports the ranges a manifest has, each with the first canvas it reads', () => {
    const doc = book(6, [
      range('front', [ref(1)]),
      range('body', [range('one', [ref(3), ref(2)]), range('empty', []), ref(4)]),
    ]);
    const { entries, skipped } = outlineFromStructures(doc);
    expect(skipped).toBe(1);
    expect(formatOutlineCsv(entries)).toBe(
      ['label,first canvas,level', 'front,1,1', 'body,3,1', 'one,3,2', ''].join('\r\n'),
    );
  });

  it('takes the first canvas as a position, an id or a label, and columns in any order', () => {
    const text = ['level;label;canvas', `1;A;${canvasId(2)}`, '1;B;p. 4', ''].join('\n');
    const parsed = parseOutlineCsv(text, book(5, []));
    expect(parsed).toEqual({
      entries: [
        { label: 'A', level: 1, first: 1 },
        { label: 'B', level: 1, first: 3 },
      ],
      problems: [],
    });
  });

  it('reads an outline without a header row in the export order', () => {
    expect(parseOutlineCsv('A,1,1\nB,2,2\n', book(3, [])).entries).toEqual([
      { label: 'A', level: 1, first: 0 },
      { label: 'B', level: 2, first: 1 },
    ]);
  });

  it('says what is wrong with each row, by its row number, and builds nothing then', () => {
    const doc = book(3, [range('x', [ref(1)])]);
    const text = ['label,first canvas,level', ',1,1', 'B,9,1', 'C,nowhere,one', 'D,1,1', ''].join('\n');
    expect(parseOutlineCsv(text, doc).problems).toEqual([
      { row: 2, message: 'Row 2: the label is empty.' },
      { row: 3, message: 'Row 3: there is no canvas 9 (the manifest has 3).' },
      {
        row: 4,
        message:
          'Row 4: no canvas has the id or label “nowhere”; the level “one” is not a whole number from 1.',
      },
    ]);
    expect(parseOutlineCsv('label,first canvas,level\nA,2,1\nB,1,1\n', doc).problems).toEqual([
      { row: 3, message: 'Row 3: “B” starts at canvas 1, before the entry above it (canvas 2).' },
    ]);
    expect(parseOutlineCsv('label,first canvas,level\n', doc).problems).toEqual([
      { row: 1, message: 'The outline has no rows.' },
    ]);
  });

  it('asks for a position when two canvases share the label given', () => {
    const doc = book(2, []);
    (doc['items'] as JsonObject[])[1] = { ...(doc['items'] as JsonObject[])[1], label: { none: ['p. 1'] } };
    expect(parseOutlineCsv('A,p. 1,1', doc).problems).toEqual([
      { row: 1, message: 'Row 1: 2 canvases are labelled “p. 1”: give its position or id.' },
    ]);
  });
});
