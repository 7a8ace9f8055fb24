import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER_BASE_URI,
  createIdMinter,
  documentBaseUri,
  idMinterFor,
  newManifest,
} from '../../../shared/iiif/document';
import { BASE, manifest } from './sample-docs';

describe('createIdMinter', () => {
  it('mints the smallest free number under the base, per kind and parent', () => {
    const mint = createIdMinter(
      'https://x.test/b/',
      new Set(['https://x.test/b/canvas/1', 'https://x.test/b/canvas/3']),
    );
    expect(mint('canvas')).toBe('https://x.test/b/canvas/2');
    expect(mint('canvas')).toBe('https://x.test/b/canvas/4');
    expect(mint('range')).toBe('https://x.test/b/range/1');
    expect(mint('page', 'https://x.test/b/canvas/2')).toBe('https://x.test/b/canvas/2/page/1');
    expect(mint('page', 'https://x.test/b/canvas/2')).toBe('https://x.test/b/canvas/2/page/2');
  });

  it('is deterministic: the same document gives the same ids', () => {
    const doc = manifest(3);
    expect([idMinterFor(doc)('canvas'), idMinterFor(doc)('canvas')]).toEqual([
      `${BASE}/canvas/4`,
      `${BASE}/canvas/4`,
    ]);
  });
});

describe('documentBaseUri', () => {
  const cases: [string | undefined, string][] = [
    ['https://x.test/iiif/book1/manifest.json', 'https://x.test/iiif/book1'],
    ['https://x.test/iiif/book1/manifest', 'https://x.test/iiif/book1'],
    ['https://x.test/iiif/book1/Collection.json?v=2#top', 'https://x.test/iiif/book1'],
    ['https://x.test/iiif/book1', 'https://x.test/iiif/book1'],
    ['https://x.test/iiif/book1/', 'https://x.test/iiif/book1'],
    [undefined, PLACEHOLDER_BASE_URI],
  ];
  it.each(cases)('%s -> %s', (id, base) => {
    expect(documentBaseUri(id === undefined ? { type: 'Manifest' } : { id, type: 'Manifest' })).toBe(base);
  });

  it('gives back the base a new manifest was created with', () => {
    expect(documentBaseUri(newManifest({ label: 'x', baseUri: 'https://x.test/p/' }))).toBe(
      'https://x.test/p',
    );
  });
});
