/**
 * The depth limit (issue 20.2): a document nested past MAX_NESTING is refused at read time with a clear
 * message, and every walker of the document runs without overflowing on a document nested exactly to the limit.
 */
import { describe, expect, it } from 'vitest';
import { exportCanvasCsv, planCsvImport } from '../../../shared/iiif/csv';
import {
  MAX_NESTING,
  createIdMinter,
  documentIndex,
  duplicateCanvases,
  readDocument,
  writeDocument,
} from '../../../shared/iiif/document';
import { nestsDeeperThan, surveyParsedTree } from '../../../shared/iiif/document/nesting';
import { sanitizeDocument } from '../../../shared/iiif/html';
import { parseInfoJson } from '../../../shared/iiif/image-api';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { rewriteIds, serializePublication } from '../../../shared/iiif/publish';
import { applyAllFixes, validate } from '../../../shared/iiif/validation';

const BASE = 'https://example.org/deep';

/** Ranges inside ranges, `levels` deep (each range adds two levels: the range and its items list). */
function nestedRange(levels: number): JsonObject {
  let range: JsonObject = { id: `${BASE}/canvas/1`, type: 'Canvas' };
  for (let k = 0; k < levels; k += 1) {
    range = { id: `${BASE}/range/${k}`, type: 'Range', label: { en: [`part ${k}`] }, items: [range] };
  }
  return range;
}

/** An extension property of arrays in arrays, `levels` deep. */
function nestedArrays(levels: number): JsonValue {
  let value: JsonValue = 'core';
  for (let k = 0; k < levels; k += 1) value = [value];
  return value;
}

/** A manifest whose ranges and an extension property both nest to exactly `depth` levels. */
function manifestNestedTo(depth: number): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest`,
    type: 'Manifest',
    label: { en: ['Deep'] },
    // manifest (1) > structures (2) > ranges; the innermost canvas reference is one more level.
    structures: [nestedRange(Math.floor((depth - 3) / 2))],
    // manifest (1) > arrays (depth - 1).
    extension: nestedArrays(depth - 1),
    items: [
      {
        id: `${BASE}/canvas/1`,
        type: 'Canvas',
        label: { en: ['p1'] },
        width: 100,
        height: 100,
        items: [
          {
            id: `${BASE}/canvas/1/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${BASE}/canvas/1/page/a`,
                type: 'Annotation',
                motivation: 'painting',
                target: `${BASE}/canvas/1`,
                body: { id: `${BASE}/1.jpg`, type: 'Image', format: 'image/jpeg', width: 100, height: 100 },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('the depth limit', () => {
  it('builds test documents nested exactly to the limit', () => {
    const doc = manifestNestedTo(MAX_NESTING);
    expect(nestsDeeperThan(doc, MAX_NESTING)).toBe(false);
    expect(nestsDeeperThan(doc, MAX_NESTING - 1)).toBe(true);
  });

  it('refuses one level more at read time with a clear message', () => {
    const read = readDocument(JSON.stringify(manifestNestedTo(MAX_NESTING + 1)));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe('too-deep');
    expect(read.error.message).toMatch(/^This file nests lists and objects more than 100 levels deep/);
  });

  it('refuses the probe file (a 4 KB text of 2,000 nested arrays) without overflowing', () => {
    const text = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const read = readDocument(`{"type":"Manifest","x":${text}}`);
    expect(read.ok ? 'opened' : read.error.code).toBe('too-deep');
    const deeper = readDocument(`{"type":"Manifest","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(deeper.ok ? 'opened' : deeper.error.code).toBe('too-deep');
  });

  it('refuses deep Presentation 2 input before the upgrader walks it', () => {
    const p2 = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': `${BASE}/manifest`,
      '@type': 'sc:Manifest',
      label: 'Deep',
      sequences: [{ '@type': 'sc:Sequence', canvases: [] }],
      extension: nestedArrays(MAX_NESTING),
    };
    const read = readDocument(JSON.stringify(p2));
    expect(read.ok ? 'opened' : read.error.code).toBe('too-deep');
  });

  it('opens, upgrades and walks a Presentation 2 document nested to the limit', () => {
    const p2 = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': `${BASE}/manifest`,
      '@type': 'sc:Manifest',
      label: 'Deep',
      sequences: [{ '@type': 'sc:Sequence', canvases: [] }],
      extension: nestedArrays(MAX_NESTING - 1),
    };
    const read = readDocument(JSON.stringify(p2));
    expect(read.ok).toBe(true);
    if (read.ok) expect(() => validate(read.doc)).not.toThrow();
  });

  it('lets every walker run on a document nested to the limit', () => {
    const text = JSON.stringify(manifestNestedTo(MAX_NESTING), null, 2);
    const read = readDocument(text);
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.doc;
    expect(writeDocument(doc, read.format)).toBe(text);
    expect(validate(doc).some((finding) => finding.severity === 'error')).toBe(false);
    expect(() => applyAllFixes(doc)).not.toThrow();
    expect(documentIndex(doc).size).toBeGreaterThan(40);
    expect(sanitizeDocument(doc).doc).toBe(doc);
    const csv = exportCanvasCsv(doc);
    expect(planCsvImport(doc, csv).changes).toEqual([]);
    const published = rewriteIds(doc, { toBase: 'https://pub.example.org/deep' });
    expect(nestsDeeperThan(JSON.parse(serializePublication(published.doc, false)), MAX_NESTING)).toBe(false);
    expect(() => duplicateCanvases(doc, [0], createIdMinter(BASE, new Set()))).not.toThrow();
  });

  it('refuses an info.json nested past the limit', () => {
    const info = {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://images.example.org/iiif/1',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level1',
      width: 100,
      height: 100,
      extra: nestedArrays(MAX_NESTING),
    };
    const parsed = parseInfoJson(JSON.stringify(info));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reasons[0]).toMatch(/more than 100 levels deep/);
  });
});

describe('sharing repeated short strings on the same walk', () => {
  it('gathers each short value the engine does not already share once, and leaves the tree as it was', () => {
    const text = JSON.stringify({
      type: 'AnnotationPage',
      items: [1, 2, 3].map((n) => ({
        id: `https://example.org/iiif/book/canvas/${n}/annotation/${n}`,
        type: 'Annotation',
        motivation: ['supplementing'],
        body: { type: 'TextualBody', value: 'line', language: 'en' },
      })),
    });
    const tree = JSON.parse(text) as unknown;
    const table = new Map<string, string>();
    expect(nestsDeeperThan(tree, MAX_NESTING, table)).toBe(false);
    // Ids are too long to repeat; values of ten characters or fewer ('Annotation', 'line', 'en') come out of
    // JSON.parse already shared by V8.
    expect([...table.keys()].sort()).toEqual(['AnnotationPage', 'TextualBody', 'supplementing']);
    expect(tree).toEqual(JSON.parse(text));
    // Without a table the walk only measures.
    expect(nestsDeeperThan(JSON.parse(text), MAX_NESTING)).toBe(false);
  });
});

describe('array-index property names, noticed on the same walk', () => {
  it('finds one wherever it is in its object, at any depth, and nothing in names or values that only look alike', () => {
    const found = (text: string) => surveyParsedTree(JSON.parse(text)).indexKeys;
    expect(found('{"items":[{"a":{"b":1,"7":2}}]}')).toBe(true);
    expect(found('{"items":[{"a":{"b":"7","07":2,"7a":3}}]}')).toBe(false);
  });

  it('refuses a limit whose walk could itself run out of stack', () => {
    expect(() => surveyParsedTree({}, 1e6)).toThrow(RangeError);
  });
});
