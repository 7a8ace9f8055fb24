/**
 * Turns what real documents put where a language map belongs into a conformant map, and says what it did.
 * Seen in the wild (corpus notes): plain-string labels, "@none" keys, single strings instead of arrays,
 * arrays of strings, and P2-style `[{ "@value", "@language" }]` values that survived a partial upgrade.
 * Nothing is dropped silently: unrepresentable items are reported.
 */
import type { JsonValue } from '../json';
import { isJsonObject, own, putOwn } from '../json';
import type { LanguageMap } from './language-map';
import { isLanguageMap, NONE } from './language-map';

export interface NormalisedLanguageMap {
  readonly map: LanguageMap;
  /** True when the input was not already a conformant language map (so the document should be updated). */
  readonly normalised: boolean;
  /** What was changed, in words a curator understands; empty when `normalised` is false. */
  readonly notes: readonly string[];
}

export function normaliseLanguageMap(input: JsonValue | undefined): NormalisedLanguageMap {
  const notes: string[] = [];
  // Languages are data ("constructor", "__proto__"...): only own keys count, and every key is defined as own.
  const map: Record<string, string[]> = {};
  const valuesOf = (language: string): string[] => {
    const found = own(map, language);
    if (found !== undefined) return found;
    const created: string[] = [];
    putOwn(map, language, created);
    return created;
  };
  const add = (language: string, value: string) => {
    valuesOf(language).push(value);
  };

  if (input === undefined || input === null) {
    return {
      map,
      normalised: input === null,
      notes: input === null ? ['null replaced by an empty map'] : [],
    };
  }
  if (typeof input === 'string') {
    add(NONE, input);
    notes.push('plain string put under "none"');
  } else if (typeof input === 'number' || typeof input === 'boolean') {
    add(NONE, String(input));
    notes.push(`${typeof input} converted to text under "none"`);
  } else if (Array.isArray(input)) {
    addArrayItems(input, NONE, add, notes);
    notes.push('array put into a language map');
  } else if (isJsonObject(input)) {
    for (const key of Object.keys(input)) {
      const language = key === '@none' ? NONE : key;
      if (language !== key) notes.push('"@none" key renamed to "none"');
      const value = input[key] as JsonValue;
      if (typeof value === 'string') {
        add(language, value);
        notes.push(`single string under "${key}" wrapped in an array`);
      } else if (Array.isArray(value)) {
        addArrayItems(value, language, add, notes);
      } else {
        notes.push(`non-text value under "${key}" dropped`);
      }
      // Keep a language that had an empty array: it is conformant and may be meaningful to the publisher.
      if (Array.isArray(value) && value.length === 0) valuesOf(language);
    }
  }
  // Already conformant: hand back the very same object so the document keeps its node (structural sharing).
  if (notes.length === 0 && isLanguageMap(input)) return { map: input, normalised: false, notes: [] };
  return { map, normalised: notes.length > 0, notes: dedupe(notes) };
}

function addArrayItems(
  items: readonly JsonValue[],
  language: string,
  add: (language: string, value: string) => void,
  notes: string[],
): void {
  for (const item of items) {
    if (typeof item === 'string') add(language, item);
    else if (typeof item === 'number' || typeof item === 'boolean') {
      add(language, String(item));
      notes.push(`${typeof item} converted to text`);
    } else if (isJsonObject(item) && typeof item['@value'] === 'string') {
      // Presentation 2 value object.
      const tag =
        typeof item['@language'] === 'string' && item['@language'] !== '' ? item['@language'] : NONE;
      add(tag, item['@value']);
      notes.push('Presentation 2 "@value"/"@language" object converted');
    } else {
      notes.push('non-text item dropped');
    }
  }
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}
