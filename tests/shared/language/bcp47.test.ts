import { describe, expect, it } from 'vitest';
import {
  COMMON_LANGUAGES,
  checkLanguageTag,
  findLanguageOption,
  formatLanguageTag,
  isWellFormedLanguageTag,
} from '../../../shared/iiif/language';

describe('checkLanguageTag', () => {
  // Examples from RFC 5646 appendix A, plus tags seen in IIIF documents.
  it.each([
    ['en', 'langtag'],
    ['de', 'langtag'],
    ['zh-Hant', 'langtag'],
    ['zh-Hans-CN', 'langtag'],
    ['sr-Latn-RS', 'langtag'],
    ['ar-latn', 'langtag'],
    ['zh-yue-HK', 'langtag'],
    ['sl-rozaj-biske', 'langtag'],
    ['de-CH-1901', 'langtag'],
    ['hy-Latn-IT-arevela', 'langtag'],
    ['es-419', 'langtag'],
    ['de-DE-u-co-phonebk', 'langtag'],
    ['en-US-x-twain', 'langtag'],
    ['qaa-Qaaa-QM-x-southern', 'langtag'],
    ['english', 'langtag'],
    ['x-whatever', 'privateuse'],
    ['i-klingon', 'grandfathered'],
    ['EN-gb-OED', 'grandfathered'],
    ['zh-min-nan', 'grandfathered'],
    ['none', 'none'],
  ])('%s is well-formed (%s)', (tag, kind) => {
    const result = checkLanguageTag(tag);
    expect(result).toMatchObject({ wellFormed: true, kind });
    expect(isWellFormedLanguageTag(tag)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    [' en', 'spaces'],
    ['en_GB', 'characters other than'],
    ['e', 'not a language subtag'],
    ['en-', 'empty subtag'],
    ['-en', 'empty subtag'],
    ['en--GB', 'empty subtag'],
    ['abcdefghi', 'longer than 8'],
    ['en-a', 'needs at least one subtag'],
    ['en-x', 'private use'],
    ['x', 'private use'],
    ['de-419-DE', '"de" is not allowed'],
    ['zh-Hant-TW-TW', '"tw" is not allowed'],
    ['a-DE', 'not a language subtag'],
    ['1en', 'not a language subtag'],
    ['@none', 'JSON-LD keyword'],
  ])('%j is not well-formed (%s)', (tag, reason) => {
    const result = checkLanguageTag(tag);
    expect(result.wellFormed).toBe(false);
    if (!result.wellFormed) expect(result.error).toContain(reason);
  });

  it('warns about repeated variants and extensions, which make a tag invalid but not ill-formed', () => {
    expect(checkLanguageTag('de-DE-1901-1901')).toEqual({
      wellFormed: true,
      kind: 'langtag',
      warnings: ['variant "1901" repeated'],
    });
    expect(checkLanguageTag('en-a-bbb-a-ccc')).toMatchObject({ warnings: ['extension "a" repeated'] });
  });

  it('flags a capitalised "None", which is a tag, not the special key', () => {
    expect(checkLanguageTag('None')).toEqual({
      wellFormed: true,
      kind: 'langtag',
      warnings: ['"None" is not the special key "none": keys are case-sensitive'],
    });
  });
});

describe('formatLanguageTag', () => {
  it.each([
    ['EN-gb', 'en-GB'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['SR-LATN-rs', 'sr-Latn-RS'],
    ['en-a-bbb-cc', 'en-a-bbb-cc'],
    ['en-gb-oed', 'en-GB-oed'],
    ['I-KLINGON', 'i-klingon'],
    ['none', 'none'],
  ])('%s → %s', (tag, formatted) => {
    expect(formatLanguageTag(tag)).toBe(formatted);
  });
});

describe('COMMON_LANGUAGES', () => {
  it('offers "none" first and only distinct, well-formed tags', () => {
    expect(COMMON_LANGUAGES[0]?.tag).toBe('none');
    const tags = COMMON_LANGUAGES.map((option) => option.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(isWellFormedLanguageTag(tag)).toBe(true);
    expect(tags).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'la', 'zh-Hant']));
  });

  it('finds an option case-insensitively', () => {
    expect(findLanguageOption('ZH-hant')?.name).toBe('Chinese (Traditional)');
    expect(findLanguageOption('tlh')).toBeUndefined();
  });
});
