export type { LanguageMap, LanguagePick } from './language-map';
export {
  NONE,
  addValue,
  displayStringOf,
  getDisplayString,
  isEmptyLanguageMap,
  isLanguageMap,
  languagesOf,
  pickLanguage,
  removeLanguage,
  removeValue,
  sameStrings,
  setLanguage,
} from './language-map';
export type { NormalisedLanguageMap } from './normalise';
export { normaliseLanguageMap } from './normalise';
export type { LanguageTagCheck, LanguageTagKind } from './bcp47';
export { checkLanguageTag, formatLanguageTag, isWellFormedLanguageTag } from './bcp47';
export type { LanguageOption } from './common-languages';
export { COMMON_LANGUAGES, NO_LANGUAGE, findLanguageOption } from './common-languages';
