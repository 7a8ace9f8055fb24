import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document/read';

function p2(license: unknown) {
  return JSON.stringify({
    '@context': 'http://iiif.io/api/presentation/2/context.json',
    '@id': 'https://example.org/p2/manifest',
    '@type': 'sc:Manifest',
    label: 'A P2 book',
    license,
    sequences: [{ '@type': 'sc:Sequence', canvases: [] }],
  });
}

describe('Presentation 2 license on upgrade', () => {
  it('becomes rights in the canonical http form when it is Creative Commons or RightsStatements.org', () => {
    const read = readDocument(p2('https://creativecommons.org/licenses/by/4.0/'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc['rights']).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(read.notices.map((n) => n.code)).toContain('license-to-rights');
  });

  it('keeps any other licence as a "License" metadata entry rather than dropping it', () => {
    const read = readDocument(p2(['https://example.org/terms-of-use']));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc['rights']).toBeUndefined();
    expect(read.doc['metadata']).toContainEqual({
      label: { en: ['License'] },
      value: { none: ['https://example.org/terms-of-use'] },
    });
    expect(read.notices.map((n) => n.code)).toContain('license-to-metadata');
  });

  it('takes the first known licence as rights and keeps the rest', () => {
    const read = readDocument(
      p2([{ '@id': 'http://rightsstatements.org/vocab/InC/1.0/' }, 'https://example.org/also-this']),
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc['rights']).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    expect(JSON.stringify(read.doc['metadata'])).toContain('https://example.org/also-this');
  });
});
