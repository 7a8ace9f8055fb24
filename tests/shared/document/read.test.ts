import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { readDocument, writeDocument } from '../../../shared/iiif/document';
import { fixtureText } from './fixtures';
import { firstTokenDifference, jsonTokens } from './json-tokens';

function refusal(text: string, options?: { maxLength?: number }) {
  const read = readDocument(text, options);
  if (read.ok) throw new Error('expected a refusal');
  return read.error;
}

describe('readDocument: Presentation 3', () => {
  it('opens a messy manifest untouched: logo, "@none", string label, P2-shaped service, no @context', () => {
    const text = fixtureText('p3-messy-manifest.json');
    const read = readDocument(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read).toMatchObject({ kind: 'Manifest', sourceVersion: 3, upgraded: false, notices: [] });
    expect(read.doc).toEqual(JSON.parse(text));
    expect(firstTokenDifference(jsonTokens(writeDocument(read.doc, read.format)), jsonTokens(text))).toBe(-1);
  });

  it('opens a collection', () => {
    const read = readDocument(fixtureText('p3-collection.json'));
    expect(read.ok && read.kind).toBe('Collection');
  });

  it('accepts text exactly at the size limit and refuses one character more', () => {
    const text = JSON.stringify({ type: 'Manifest', id: 'https://x.test/m', items: [] });
    expect(readDocument(text, { maxLength: text.length }).ok).toBe(true);
    const error = refusal(text, { maxLength: text.length - 1 });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/MB/);
  });

  it('refuses more than 64 MiB by default, before parsing', () => {
    // Not JSON at all: a refusal for size proves the limit is checked before the text is parsed.
    const error = refusal('x'.repeat(64 * 1024 * 1024 + 1));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/64\.0 MB/);
  });

  it('tells when integer-like keys may move on save, and where', () => {
    const read = readDocument('{"type":"Manifest","id":"https://x.test/m","ext":{"b":1,"2":2},"items":[]}');
    if (!read.ok) throw new Error(read.error.message);
    expect(read.notices.map((n) => n.code)).toEqual(['numeric-keys']);
    expect(read.notices[0]?.message).toMatch(/ext/);
    const quiet = readDocument('{"type":"Manifest","label":{"en":["\\"2\\": in a string"]},"items":[]}');
    expect(quiet.ok && quiet.notices).toEqual([]);
  });
});

describe('readDocument: Presentation 2', () => {
  it('upgrades a P2 manifest and says so', () => {
    const read = readDocument(fixtureText('p2-manifest.json'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read).toMatchObject({ kind: 'Manifest', sourceVersion: 2, upgraded: true });
    expect(read.doc['type']).toBe('Manifest');
    expect(read.doc['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(read.doc['label']).toEqual({ none: ['A Presentation 2 book'] });
    const canvases = read.doc['items'] as JsonObject[];
    expect(canvases.map((c) => c['id'])).toEqual([
      'https://tessera.test/iiif/p2/canvas/1',
      'https://tessera.test/iiif/p2/canvas/2',
    ]);
    expect(read.notices[0]?.message).toMatch(/upgraded from Presentation 2/);
    // The second canvas has neither size nor images: that is the source's doing, and the notices say so.
    const codes = read.notices.map((n) => n.code);
    expect(codes).toContain('source-canvas-no-size');
    expect(codes).toContain('source-canvas-no-images');
    expect(read.notices.find((n) => n.code === 'source-canvas-no-size')?.message).toMatch(/canvas\/2/);
  });

  it('upgrades a P2 collection that has neither @context nor @id', () => {
    const read = readDocument(fixtureText('p2-collection-no-context.json'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.kind).toBe('Collection');
    expect(read.doc['type']).toBe('Collection');
    expect((read.doc['items'] as JsonObject[]).map((m) => m['id'])).toEqual([
      'https://tessera.test/iiif/a/manifest.json',
      'https://tessera.test/iiif/b/manifest.json',
    ]);
    expect(read.notices.map((n) => n.code)).toContain('source-no-id');
  });

  it('keeps the text layout of the P2 source for saving', () => {
    const read = readDocument(JSON.stringify(JSON.parse(fixtureText('p2-manifest.json')), null, '\t'));
    expect(read.ok && read.format.indent).toBe('\t');
  });
});

describe('readDocument refuses with a message that says what the text is', () => {
  it('malformed JSON, with line and column', () => {
    const error = refusal('{\n  "type": "Manifest",\n  "items": [1, 2,]\n}\n');
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/trailing comma/);
    expect(error.message).toMatch(/line 3, column 18/);
  });

  it('malformed JSON after a BOM and CRLF line breaks, with the right line', () => {
    const error = refusal('\uFEFF{\r\n"a": 1\r\n"b": 2\r\n}');
    expect(error.message).toMatch(/line 3, column 1/);
  });

  it('an HTML page', () => {
    expect(refusal('<!doctype html><html></html>').message).toMatch(/HTML/);
  });

  it('an empty file', () => {
    expect(refusal(' \n').code).toBe('empty');
    expect(refusal('\uFEFF').code).toBe('empty');
  });

  const cases: [string, unknown, RegExp][] = [
    ['an array', [{ type: 'Manifest' }], /JSON array/],
    ['a number', 42, /JSON number/],
    ['a string', 'Manifest', /JSON string/],
    ['null', null, /null/],
    ['an object with no type', { label: 'x', items: [] }, /no "type".*"label", "items"/],
    ['an empty object', {}, /empty JSON object/],
    ['an AnnotationPage', { type: 'AnnotationPage', items: [] }, /AnnotationPage/],
    ['a P2 AnnotationList', { '@type': 'sc:AnnotationList' }, /AnnotationList/],
    ['a Canvas', { type: 'Canvas' }, /Canvas/],
    ['an unknown type', { type: 'Dataset' }, /type "Dataset"/],
    [
      'an Image API 2 info.json',
      {
        '@context': 'http://iiif.io/api/image/2/context.json',
        '@id': 'https://x.test/i',
        width: 1,
        height: 1,
      },
      /Image API info\.json/,
    ],
    [
      'an Image API 3 info.json',
      { id: 'https://x.test/i', type: 'ImageService3', width: 1 },
      /Image API info\.json/,
    ],
    ['an Image API 1.0 info.json', { identifier: 'i', width: 1, height: 1 }, /Image API info\.json/],
  ];
  it.each(cases)('%s', (_name, value, message) => {
    const error = refusal(JSON.stringify(value));
    expect(error.code).toBe('not-iiif');
    expect(error.message).toMatch(/not a IIIF Manifest or Collection/);
    expect(error.message).toMatch(message);
  });
});
