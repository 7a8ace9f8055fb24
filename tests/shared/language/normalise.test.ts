import { describe, expect, it } from 'vitest';
import { normaliseLanguageMap } from '../../../shared/iiif/language';

describe('normaliseLanguageMap', () => {
  it('returns a conformant map itself and says nothing was done', () => {
    const map = { en: ['Title'], none: [] };
    const result = normaliseLanguageMap(map);
    expect(result.map).toBe(map);
    expect(result.normalised).toBe(false);
    expect(result.notes).toEqual([]);
  });

  it('puts a plain string under "none"', () => {
    expect(normaliseLanguageMap('p. 1')).toEqual({
      map: { none: ['p. 1'] },
      normalised: true,
      notes: ['plain string put under "none"'],
    });
  });

  it('renames "@none" to "none", merging with an existing "none"', () => {
    const result = normaliseLanguageMap({ '@none': ['a'], none: ['b'], en: ['c'] });
    expect(result.map).toEqual({ none: ['a', 'b'], en: ['c'] });
    expect(result.normalised).toBe(true);
    expect(result.notes).toContain('"@none" key renamed to "none"');
  });

  it('wraps single strings and converts arrays and P2 value objects', () => {
    expect(normaliseLanguageMap({ en: 'Title' }).map).toEqual({ en: ['Title'] });
    expect(normaliseLanguageMap(['a', 'b']).map).toEqual({ none: ['a', 'b'] });
    const p2 = normaliseLanguageMap([{ '@value': 'Titre', '@language': 'fr' }, { '@value': 'Untagged' }]);
    expect(p2.map).toEqual({ fr: ['Titre'], none: ['Untagged'] });
    expect(p2.normalised).toBe(true);
  });

  it('reports what it could not keep as text', () => {
    const result = normaliseLanguageMap({ en: ['ok', { nested: true }], de: 5 });
    expect(result.map).toEqual({ en: ['ok'] });
    expect(result.notes).toEqual(['non-text item dropped', 'non-text value under "de" dropped']);
  });

  it('converts numbers to text and treats absence as an empty map', () => {
    expect(normaliseLanguageMap(1871).map).toEqual({ none: ['1871'] });
    expect(normaliseLanguageMap(undefined)).toEqual({ map: {}, normalised: false, notes: [] });
    expect(normaliseLanguageMap(null).normalised).toBe(true);
  });
});
