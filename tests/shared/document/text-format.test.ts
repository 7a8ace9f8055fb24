import { describe, expect, it } from 'vitest';
import { detectTextFormat, readDocument, writeDocument } from '../../../shared/iiif/document';
import { fixtureText } from './fixtures';

const value = {
  id: 'https://x.test/m',
  type: 'Manifest',
  label: { en: ['A "quoted"\nline'] },
  items: [[], {}],
};

describe('text format', () => {
  const layouts: [string, string][] = [
    ['two spaces', JSON.stringify(value, null, 2) + '\n'],
    ['four spaces', JSON.stringify(value, null, 4) + '\n'],
    ['three spaces, no final newline', JSON.stringify(value, null, 3)],
    ['tabs', JSON.stringify(value, null, '\t') + '\n'],
    ['minified', JSON.stringify(value)],
    ['minified with a final newline', JSON.stringify(value) + '\n'],
    ['CRLF', JSON.stringify(value, null, 2).replaceAll('\n', '\r\n') + '\r\n'],
    ['BOM', '\uFEFF' + JSON.stringify(value, null, 2) + '\n'],
    [
      'BOM, CRLF, tabs, no final newline',
      '\uFEFF' + JSON.stringify(value, null, '\t').replaceAll('\n', '\r\n'),
    ],
  ];
  it.each(layouts)('writes %s back byte for byte', (_name, text) => {
    const read = readDocument(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(writeDocument(read.doc, read.format)).toBe(text);
  });

  it('records each aspect of the layout', () => {
    expect(detectTextFormat('{\n    "a": 1\n}')).toEqual({
      indent: '    ',
      newline: '\n',
      finalNewline: false,
      bom: false,
    });
    expect(detectTextFormat('\uFEFF{\r\n\t"a": 1\r\n}\r\n')).toEqual({
      indent: '\t',
      newline: '\r\n',
      finalNewline: true,
      bom: true,
    });
    expect(detectTextFormat('{"a":1}')).toEqual({
      indent: '',
      newline: '\n',
      finalNewline: false,
      bom: false,
    });
  });

  it('keeps hand-formatted text JSON-equal with keys in the same order', () => {
    const text = fixtureText('p3-messy-manifest.json');
    const read = readDocument(text);
    if (!read.ok) throw new Error(read.error.message);
    const out = writeDocument(read.doc, read.format);
    expect(JSON.parse(out)).toEqual(JSON.parse(text));
    expect(Object.keys(JSON.parse(out))).toEqual(Object.keys(JSON.parse(text)));
    expect(out).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });
});
