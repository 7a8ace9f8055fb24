import { describe, expect, it } from 'vitest';
import {
  addValue,
  displayStringOf,
  getDisplayString,
  isEmptyLanguageMap,
  isLanguageMap,
  pickLanguage,
  removeLanguage,
  removeValue,
  setLanguage,
} from '../../../shared/iiif/language';
import { deepFreeze } from '../batch/manifest-fixture';

const whistler = deepFreeze({
  en: ["Whistler's Mother", 'Arrangement in Grey and Black No. 1'],
  fr: ['Arrangement en gris et noir no 1'],
  none: ['Whistler (1871)'],
});

describe('pickLanguage / getDisplayString', () => {
  it('uses the first preferred language that is present, with all its values', () => {
    expect(pickLanguage(whistler, ['de', 'fr', 'en'])).toEqual({
      language: 'fr',
      values: ['Arrangement en gris et noir no 1'],
    });
    expect(getDisplayString(whistler, ['en'])).toBe("Whistler's Mother; Arrangement in Grey and Black No. 1");
    expect(getDisplayString(whistler, ['en'], ' / ')).toBe(
      "Whistler's Mother / Arrangement in Grey and Black No. 1",
    );
  });

  it('matches tags case-insensitively and by BCP 47 lookup in both directions', () => {
    expect(pickLanguage({ 'en-GB': ['colour'] }, ['EN-gb'])?.language).toBe('en-GB');
    expect(pickLanguage({ fr: ['a'], de: ['b'] }, ['fr-CA'])?.language).toBe('fr');
    expect(pickLanguage({ 'fr-BE': ['a'], de: ['b'] }, ['fr'])?.language).toBe('fr-BE');
    expect(pickLanguage({ 'zh-Hant': ['a'], en: ['b'] }, ['zh-Hant-TW'])?.language).toBe('zh-Hant');
  });

  it('falls back to none, then en, then the first language with values', () => {
    expect(pickLanguage(whistler, ['de'])?.language).toBe('none');
    expect(pickLanguage({ fr: ['b'], en: ['a'] }, ['de'])?.language).toBe('en');
    expect(pickLanguage({ de: [], fr: ['b'], it: ['c'] }, ['es'])?.language).toBe('fr');
    expect(pickLanguage({ fr: ['b'], 'en-US': ['a'] })?.language).toBe('en-US');
  });

  it('reads the P2-era "@none" key like "none"', () => {
    expect(getDisplayString({ '@none': ['MS 1'], de: ['Hs. 1'] }, ['fr'])).toBe('MS 1');
  });

  it('returns nothing for empty maps', () => {
    expect(pickLanguage({})).toBeUndefined();
    expect(pickLanguage({ en: [] })).toBeUndefined();
    expect(getDisplayString(undefined)).toBe('');
    expect(isEmptyLanguageMap({ en: [] })).toBe(true);
  });

  it('displays non-conformant values found in real documents', () => {
    expect(displayStringOf('plain label')).toBe('plain label');
    expect(displayStringOf(['a', 'b'])).toBe('a; b');
    expect(displayStringOf({ en: 'single string' }, ['en'])).toBe('single string');
    expect(displayStringOf(42)).toBe('');
  });
});

describe('isLanguageMap', () => {
  it('accepts only objects of string arrays', () => {
    expect(isLanguageMap({ en: ['a'], none: [] })).toBe(true);
    expect(isLanguageMap({})).toBe(true);
    expect(isLanguageMap({ en: 'a' })).toBe(false);
    expect(isLanguageMap({ en: ['a', 1] })).toBe(false);
    expect(isLanguageMap('a')).toBe(false);
    expect(isLanguageMap(['a'])).toBe(false);
  });
});

describe('setters', () => {
  it('setLanguage replaces one language, keeps key order, and never mutates', () => {
    const next = setLanguage(whistler, 'en', ['Mother']);
    expect(next).toEqual({ ...whistler, en: ['Mother'] });
    expect(Object.keys(next)).toEqual(['en', 'fr', 'none']);
    expect(whistler.en).toHaveLength(2);
    expect(Object.keys(setLanguage(whistler, 'de', ['Mutter']))).toEqual(['en', 'fr', 'none', 'de']);
  });

  it('setLanguage returns the same map when nothing changes and removes on an empty list', () => {
    expect(setLanguage(whistler, 'fr', ['Arrangement en gris et noir no 1'])).toBe(whistler);
    expect(setLanguage(whistler, 'fr', [])).toEqual({ en: whistler.en, none: whistler.none });
  });

  it('addValue appends without duplicates and creates the language', () => {
    expect(addValue(whistler, 'none', 'Whistler (1871)')).toBe(whistler);
    expect(addValue(whistler, 'none', 'Oil on canvas').none).toEqual(['Whistler (1871)', 'Oil on canvas']);
    expect(addValue({}, 'de', 'Mutter')).toEqual({ de: ['Mutter'] });
  });

  it('removeValue drops a value and the language with its last value', () => {
    expect(removeValue(whistler, 'en', "Whistler's Mother").en).toEqual([
      'Arrangement in Grey and Black No. 1',
    ]);
    expect(removeValue(whistler, 'fr', 'Arrangement en gris et noir no 1')).not.toHaveProperty('fr');
    expect(removeValue(whistler, 'fr', 'absent')).toBe(whistler);
  });

  it('removeLanguage removes a key or returns the same map', () => {
    expect(Object.keys(removeLanguage(whistler, 'en'))).toEqual(['fr', 'none']);
    expect(removeLanguage(whistler, 'de')).toBe(whistler);
  });
});
