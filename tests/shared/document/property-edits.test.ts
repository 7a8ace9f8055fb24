import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { newManifest, setLabel, setProperty } from '../../../shared/iiif/document';
import { manifest } from './sample-docs';

describe('setLabel and setProperty', () => {
  it('change one canvas and copy only the path to it', () => {
    const doc = manifest(3);
    const next = setLabel(doc, ['items', 1], { en: ['Frontispiece'], fr: ['Frontispice'] });
    const before = doc['items'] as JsonObject[];
    const after = next['items'] as JsonObject[];
    expect(after[1]?.['label']).toEqual({ en: ['Frontispiece'], fr: ['Frontispice'] });
    expect(before[1]?.['label']).toEqual({ en: ['p. 2'] });
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]?.['items']).toBe(before[1]?.['items']);
    expect(next['label']).toBe(doc['label']);
  });

  it('keeps the key in place when replacing and appends a new key', () => {
    const doc = manifest(1);
    expect(Object.keys(setLabel(doc, [], { en: ['B'] }))).toEqual(Object.keys(doc));
    expect(
      Object.keys(setProperty(doc, [], 'rights', 'http://creativecommons.org/licenses/by/4.0/')).at(-1),
    ).toBe('rights');
  });

  it('removes a property when given undefined', () => {
    const doc = manifest(1);
    expect('label' in setLabel(doc, [], undefined)).toBe(false);
  });

  it('returns the same document when nothing changes, so no empty undo step is made', () => {
    const doc = manifest(2);
    expect(setLabel(doc, ['items', 0], { en: ['p. 1'] })).toBe(doc);
    expect(setProperty(doc, [], 'summary', undefined)).toBe(doc);
    expect(setProperty(doc, ['items', 0], 'label', { en: ['p. 1'] })).toBe(doc);
    // Same content in another key order is a change: it would change the saved file.
    const twoLanguages = setLabel(doc, [], { en: ['Book'], de: ['Buch'] });
    expect(setLabel(twoLanguages, [], { de: ['Buch'], en: ['Book'] })).not.toBe(twoLanguages);
  });

  it('throws on a path that names no object (a caller bug)', () => {
    expect(() => setProperty(manifest(1), ['items', 5], 'label', { en: ['x'] })).toThrow(/no object/);
  });
});

describe('newManifest', () => {
  it('creates an empty P3 manifest whose id carries the base URI', () => {
    expect(
      newManifest({ label: 'My book', baseUri: 'https://x.test/iiif/my-book/', language: 'en' }),
    ).toEqual({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://x.test/iiif/my-book/manifest.json',
      type: 'Manifest',
      label: { en: ['My book'] },
      items: [],
    });
    expect(newManifest({ label: 'x', baseUri: 'https://x.test' })['label']).toEqual({ none: ['x'] });
    expect(newManifest({ label: { de: ['Buch'] }, baseUri: 'https://x.test' })['label']).toEqual({
      de: ['Buch'],
    });
  });
});
