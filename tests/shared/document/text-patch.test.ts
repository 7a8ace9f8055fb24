import { describe, expect, it } from 'vitest';
import {
  moveCanvases,
  readDocument,
  removeCanvases,
  setLabel,
  setProperty,
} from '../../../shared/iiif/document';
import { createTextBase, writeDocumentOver } from '../../../shared/iiif/document/text-patch';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { fixtureText } from './fixtures';
import { lineDiff } from './line-diff';

function open(text: string) {
  const read = readDocument(text);
  if (!read.ok) throw new Error(read.error.message);
  return { doc: read.doc, base: createTextBase(text, read.doc, read.format) };
}

/** The saved text must parse to the edited tree, keys in the same order. */
function expectParsesTo(out: string, doc: JsonObject) {
  expect(JSON.stringify(JSON.parse(out.replace(/^\uFEFF/, '')))).toBe(JSON.stringify(doc));
}

// Hand-written: tabs, one-line arrays, escapes and number spellings JSON.stringify would not produce.
const compact = [
  '{',
  '\t"@context": "http://iiif.io/api/presentation/3/context.json",',
  '\t"id": "https:\\/\\/x.test\\/m",',
  '\t"type": "Manifest",',
  '\t"label": { "en": ["Caf\\u00e9 one"] },',
  '\t"extension": { "ratio": 1.0, "big": 1e3, "huge": 1e309, "long": 123456789012345678901234567890 },',
  '\t"items": [',
  '\t\t{ "id": "https://x.test/c1", "type": "Canvas", "label": { "en": ["one"] }, "width": 10, "height": 10 },',
  '\t\t{ "id": "https://x.test/c2", "type": "Canvas", "label": { "en": ["two"] }, "width": 10, "height": 10 },',
  '\t\t{ "id": "https://x.test/c3", "type": "Canvas", "label": { "en": ["three"] }, "width": 10, "height": 10 },',
  '\t\t{ "id": "https://x.test/c4", "type": "Canvas", "label": { "en": ["four"] }, "width": 10, "height": 10 }',
  '\t]',
  '}',
  '',
].join('\n');

describe('format-preserving save', () => {
  it('writes an unedited document back byte for byte, whatever its layout', () => {
    const { doc, base } = open(compact);
    expect(writeDocumentOver(base, doc)).toBe(compact);
  });

  it('changes only the line of an edited label, keeping escapes and number spellings elsewhere', () => {
    const { doc, base } = open(compact);
    const out = writeDocumentOver(base, setLabel(doc, [], { en: ['Café two'] }));
    expect(lineDiff(compact, out)).toEqual({
      removed: ['\t"label": { "en": ["Caf\\u00e9 one"] },'],
      added: ['\t"label": { "en": ["Café two"] },'],
    });
    // 1e309 and the 30-digit integer cannot survive JSON.parse + JSON.stringify; untouched, they are not redone.
    expect(out).toContain('"ratio": 1.0, "big": 1e3, "huge": 1e309, "long": 123456789012345678901234567890');
  });

  it('edits a value inside an array element in place', () => {
    const { doc, base } = open(compact);
    const edited = setLabel(doc, ['items', 2], { en: ['drei'] });
    const out = writeDocumentOver(base, edited);
    expect(lineDiff(compact, out).added).toEqual([
      '\t\t{ "id": "https://x.test/c3", "type": "Canvas", "label": { "en": ["drei"] }, "width": 10, "height": 10 },',
    ]);
    expectParsesTo(out, edited);
  });

  it('moves only the moved elements when canvases are reordered', () => {
    const { doc, base } = open(compact);
    const moved = moveCanvases(doc, [3], 0);
    const out = writeDocumentOver(base, moved);
    expectParsesTo(out, moved);
    const diff = lineDiff(compact, out);
    // The last element loses its trailing position, so the line of c3 gains the comma-free end: two lines.
    expect(diff.added.length).toBeLessThanOrEqual(2);
    expect(diff.added.some((line) => line.includes('c4'))).toBe(true);
  });

  it('removes elements and keys without touching their neighbours', () => {
    const { doc, base } = open(compact);
    const edited = setProperty(removeCanvases(doc, [1]), [], 'extension', undefined);
    const out = writeDocumentOver(base, edited);
    expectParsesTo(out, edited);
    const diff = lineDiff(compact, out);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toHaveLength(2);
  });

  it('writes an added key after the others, in the style of the file', () => {
    const { doc, base } = open(compact);
    const edited = setProperty(doc, [], 'summary', { en: ['A summary', 'and more'] });
    const out = writeDocumentOver(base, edited);
    expectParsesTo(out, edited);
    expect(lineDiff(compact, out)).toEqual({
      removed: ['\t]'],
      added: ['\t],', '\t"summary": {', '\t\t"en": ["A summary", "and more"]', '\t}'],
    });
  });

  it('inserts a key before the first one kept, and edits the value of a key given twice (the last wins)', () => {
    const text = '{"type":"Manifest","a":1,"a":2,"items":[]}';
    const { doc, base } = open(text);
    const edited: JsonObject = { z: true, ...setProperty(doc, [], 'a', 3) };
    // `z` first: the kept keys keep their order, so this is an insertion at the head, not a rebuild.
    const reordered = Object.fromEntries(Object.entries(edited)) as JsonObject;
    const out = writeDocumentOver(base, reordered);
    expect(out).toBe('{"z":true,"type":"Manifest","a":1,"a":3,"items":[]}');
  });

  it('rebuilds an object whose keys were reordered from its members own texts', () => {
    const text = '{\n  "type": "Manifest",\n  "n": 1.50,\n  "items": []\n}';
    const { doc, base } = open(text);
    const reordered: JsonObject = { items: [], n: doc['n'] as JsonValue, type: 'Manifest' };
    const out = writeDocumentOver(base, reordered);
    expect(out).toBe('{\n  "items": [],\n  "n": 1.50,\n  "type": "Manifest"\n}');
  });

  it('keeps CRLF line breaks and a byte order mark, and writes new lines with CRLF', () => {
    const text = '\uFEFF{\r\n  "type": "Manifest",\r\n  "items": []\r\n}\r\n';
    const { doc, base } = open(text);
    const edited = setProperty(doc, [], 'label', { en: ['x'] });
    const out = writeDocumentOver(base, edited);
    expect(out).toBe(
      '\uFEFF{\r\n  "type": "Manifest",\r\n  "items": [],\r\n  "label": {\r\n    "en": [\r\n      "x"\r\n    ]\r\n  }\r\n}\r\n',
    );
  });

  it('fills an empty array in the style of the file', () => {
    const text = '{\n    "type": "Manifest",\n    "items": []\n}\n';
    const { doc, base } = open(text);
    const canvas = { id: 'https://x.test/c', type: 'Canvas' };
    const edited = setProperty(doc, [], 'items', [canvas]);
    expect(writeDocumentOver(base, edited)).toBe(
      '{\n    "type": "Manifest",\n    "items": [\n        {\n            "id": "https://x.test/c",\n' +
        '            "type": "Canvas"\n        }\n    ]\n}\n',
    );
  });

  it('agrees with the edited tree over many random edits of a hand-formatted manifest', () => {
    const text = fixtureText('p3-messy-manifest.json');
    let { doc, base } = open(text);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 200; step += 1) {
      const items = doc['items'] as JsonValue[];
      const choice = random(5);
      if (choice === 0 && items.length > 1)
        doc = moveCanvases(doc, [random(items.length)], random(items.length));
      else if (choice === 1 && items.length > 2) doc = removeCanvases(doc, [random(items.length)]);
      else if (choice === 2 && items.length > 0)
        doc = setLabel(doc, ['items', random(items.length)], { en: [`label ${step}`] });
      else if (choice === 3)
        doc = setProperty(doc, [], `x${random(4)}`, random(2) === 0 ? undefined : [step]);
      else
        doc = setProperty(doc, [], 'items', [...items, { id: `https://x.test/new/${step}`, type: 'Canvas' }]);
      const out = writeDocumentOver(base, doc);
      expectParsesTo(out, doc);
      // Every few steps the save becomes the new base, as after Ctrl+S.
      if (step % 3 === 0) base = createTextBase(out, doc, base.format);
    }
  });
});
