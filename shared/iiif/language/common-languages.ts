/**
 * A short list for the language picker: the languages cultural-heritage collections publish in most often,
 * plus historical languages common in manuscripts. The picker also accepts any other well-formed BCP 47 tag
 * typed by hand (see bcp47.ts), so this list only has to cover the frequent cases.
 */
export interface LanguageOption {
  /** The key used in language maps. */
  readonly tag: string;
  /** English name, for sorting and searching. */
  readonly name: string;
  /** The name in the language itself, shown beside the English name. */
  readonly nativeName: string;
}

export const NO_LANGUAGE: LanguageOption = { tag: 'none', name: 'No language', nativeName: '—' };

export const COMMON_LANGUAGES: readonly LanguageOption[] = [
  NO_LANGUAGE,
  { tag: 'en', name: 'English', nativeName: 'English' },
  { tag: 'fr', name: 'French', nativeName: 'français' },
  { tag: 'de', name: 'German', nativeName: 'Deutsch' },
  { tag: 'es', name: 'Spanish', nativeName: 'español' },
  { tag: 'it', name: 'Italian', nativeName: 'italiano' },
  { tag: 'nl', name: 'Dutch', nativeName: 'Nederlands' },
  { tag: 'pt', name: 'Portuguese', nativeName: 'português' },
  { tag: 'ca', name: 'Catalan', nativeName: 'català' },
  { tag: 'cy', name: 'Welsh', nativeName: 'Cymraeg' },
  { tag: 'ga', name: 'Irish', nativeName: 'Gaeilge' },
  { tag: 'gd', name: 'Scottish Gaelic', nativeName: 'Gàidhlig' },
  { tag: 'da', name: 'Danish', nativeName: 'dansk' },
  { tag: 'sv', name: 'Swedish', nativeName: 'svenska' },
  { tag: 'nb', name: 'Norwegian Bokmål', nativeName: 'norsk bokmål' },
  { tag: 'nn', name: 'Norwegian Nynorsk', nativeName: 'norsk nynorsk' },
  { tag: 'fi', name: 'Finnish', nativeName: 'suomi' },
  { tag: 'is', name: 'Icelandic', nativeName: 'íslenska' },
  { tag: 'pl', name: 'Polish', nativeName: 'polski' },
  { tag: 'cs', name: 'Czech', nativeName: 'čeština' },
  { tag: 'hu', name: 'Hungarian', nativeName: 'magyar' },
  { tag: 'el', name: 'Greek', nativeName: 'Ελληνικά' },
  { tag: 'ru', name: 'Russian', nativeName: 'русский' },
  { tag: 'uk', name: 'Ukrainian', nativeName: 'українська' },
  { tag: 'tr', name: 'Turkish', nativeName: 'Türkçe' },
  { tag: 'ar', name: 'Arabic', nativeName: 'العربية' },
  { tag: 'he', name: 'Hebrew', nativeName: 'עברית' },
  { tag: 'fa', name: 'Persian', nativeName: 'فارسی' },
  { tag: 'hi', name: 'Hindi', nativeName: 'हिन्दी' },
  { tag: 'zh', name: 'Chinese', nativeName: '中文' },
  { tag: 'zh-Hans', name: 'Chinese (Simplified)', nativeName: '简体中文' },
  { tag: 'zh-Hant', name: 'Chinese (Traditional)', nativeName: '繁體中文' },
  { tag: 'ja', name: 'Japanese', nativeName: '日本語' },
  { tag: 'ko', name: 'Korean', nativeName: '한국어' },
  { tag: 'la', name: 'Latin', nativeName: 'Latina' },
  { tag: 'grc', name: 'Ancient Greek', nativeName: 'Ἑλληνική' },
  { tag: 'ang', name: 'Old English', nativeName: 'Ænglisc' },
  { tag: 'enm', name: 'Middle English', nativeName: 'Middle English' },
  { tag: 'fro', name: 'Old French', nativeName: 'ancien français' },
  { tag: 'syc', name: 'Classical Syriac', nativeName: 'ܠܫܢܐ ܣܘܪܝܝܐ' },
  { tag: 'sa', name: 'Sanskrit', nativeName: 'संस्कृतम्' },
];

/** The option for a tag (case-insensitive), if it is in the list. */
export function findLanguageOption(tag: string): LanguageOption | undefined {
  const wanted = tag.toLowerCase();
  return COMMON_LANGUAGES.find((option) => option.tag.toLowerCase() === wanted);
}
