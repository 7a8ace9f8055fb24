/**
 * Language maps (Presentation 3 §4.4): `{ "en": ["Title"], "none": ["MS 1"] }`.
 *
 * The type is readonly on purpose: maps come straight out of the document tree, whose nodes are shared between
 * undo snapshots, so nothing here mutates; every setter returns a new map. A plain `Record<string, string[]>`
 * literal is still accepted wherever a LanguageMap is expected.
 */
import type { JsonValue } from '../json';
import { isJsonObject, own, putOwn } from '../json';

export type LanguageMap = { readonly [language: string]: readonly string[] };

/** The spec's key for "no language / unknown language". */
export const NONE = 'none';

/** True for a conformant language map: an object whose every value is an array of strings. */
export function isLanguageMap(value: JsonValue | undefined): value is LanguageMap {
  if (!isJsonObject(value)) return false;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (!Array.isArray(entry) || !entry.every((item) => typeof item === 'string')) return false;
  }
  return true;
}

/** Languages present in the map, in key order (keys with an empty array included). */
export function languagesOf(map: LanguageMap): string[] {
  return Object.keys(map);
}

/** A chosen language and its values, as picked by `pickLanguage`. */
export interface LanguagePick {
  readonly language: string;
  readonly values: readonly string[];
}

/** 'none' and the P2-era '@none' read the same way, so documents not yet normalised still display. */
function isNoneKey(key: string): boolean {
  return key === NONE || key === '@none';
}

function nonEmptyKeys(map: LanguageMap): string[] {
  return Object.keys(map).filter((key) => (own(map, key)?.length ?? 0) > 0);
}

/**
 * Finds the key that best matches one preferred tag: exact (case-insensitive), then the RFC 4647 "lookup" of
 * the preference truncated subtag by subtag ("fr-CA" → "fr"), then a more specific key ("fr" → "fr-BE").
 */
function matchPreference(keys: readonly string[], preferred: string): string | undefined {
  const wanted = preferred.toLowerCase();
  const exact = keys.find((key) => key.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const parts = wanted.split('-');
  while (parts.length > 1) {
    parts.pop();
    // A single-letter subtag ("x", "u") cannot end a truncated range.
    if (parts[parts.length - 1]?.length === 1) continue;
    const range = parts.join('-');
    const found = keys.find((key) => key.toLowerCase() === range);
    if (found !== undefined) return found;
  }
  return keys.find((key) => key.toLowerCase().startsWith(`${wanted}-`));
}

/**
 * Picks which values to show for a preferred language list, with the fallbacks the editor uses everywhere:
 * preferred languages in order → 'none' → 'en' → the first language that has values. This follows the
 * client algorithm of Presentation 3 §4.4 (values without a language beat an unrelated language).
 * Returns undefined for an empty map.
 */
export function pickLanguage(map: LanguageMap, preferred: readonly string[] = []): LanguagePick | undefined {
  const keys = nonEmptyKeys(map);
  if (keys.length === 0) return undefined;
  const pick = (language: string): LanguagePick => ({ language, values: own(map, language) ?? [] });
  for (const wanted of preferred) {
    if (isNoneKey(wanted)) continue;
    const found = matchPreference(keys, wanted);
    if (found !== undefined) return pick(found);
  }
  const none = keys.find(isNoneKey);
  if (none !== undefined) return pick(none);
  const english = matchPreference(keys, 'en');
  if (english !== undefined) return pick(english);
  return pick(keys[0] as string);
}

/** The display string for a map: the picked language's values joined (several values are all shown). */
export function getDisplayString(
  map: LanguageMap | undefined,
  preferred: readonly string[] = [],
  separator = '; ',
): string {
  if (map === undefined) return '';
  return pickLanguage(map, preferred)?.values.join(separator) ?? '';
}

/**
 * Display string for any JSON value found where a language map belongs. Real documents carry plain strings
 * and arrays there too (see the corpus notes); they still deserve a readable label in lists.
 */
export function displayStringOf(value: JsonValue | undefined, preferred: readonly string[] = []): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join('; ');
  if (isJsonObject(value)) {
    const lenient: Record<string, string[]> = {};
    for (const key of Object.keys(value)) {
      const entry = value[key];
      if (typeof entry === 'string') putOwn(lenient, key, [entry]);
      else if (Array.isArray(entry))
        putOwn(
          lenient,
          key,
          entry.filter((item) => typeof item === 'string'),
        );
    }
    return getDisplayString(lenient, preferred);
  }
  return '';
}

/**
 * Replaces the values of one language. An empty list removes the language. Key order is kept; a new
 * language is appended. Returns the same map when nothing changes, so callers can detect no-ops cheaply.
 */
export function setLanguage(map: LanguageMap, language: string, values: readonly string[]): LanguageMap {
  if (values.length === 0) return removeLanguage(map, language);
  const current = own(map, language);
  if (current !== undefined && sameStrings(current, values)) return map;
  return { ...map, [language]: [...values] };
}

/** Appends a value to a language (created when missing); a value already present is not duplicated. */
export function addValue(map: LanguageMap, language: string, value: string): LanguageMap {
  const current = own(map, language) ?? [];
  if (current.includes(value)) return map;
  return { ...map, [language]: [...current, value] };
}

/** Removes one value from a language; the language goes when its last value goes. */
export function removeValue(map: LanguageMap, language: string, value: string): LanguageMap {
  const current = own(map, language);
  if (current === undefined || !current.includes(value)) return map;
  return setLanguage(
    map,
    language,
    current.filter((item) => item !== value),
  );
}

/** Removes a language and its values. */
export function removeLanguage(map: LanguageMap, language: string): LanguageMap {
  if (!Object.prototype.hasOwnProperty.call(map, language)) return map;
  const next: Record<string, readonly string[]> = {};
  for (const key of Object.keys(map)) if (key !== language) putOwn(next, key, map[key] as readonly string[]);
  return next;
}

/** True when the map has no values at all (an empty object or only empty arrays). */
export function isEmptyLanguageMap(map: LanguageMap): boolean {
  return nonEmptyKeys(map).length === 0;
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
