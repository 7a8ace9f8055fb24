/**
 * The editable form of a language map: one row per language, each with its values, where a value may be empty
 * while the person types. The document only ever receives `mapOfRows` (empty values and languages dropped), so a
 * half-typed field never leaves `"en": [""]` behind, and a cleared row stays on screen until focus moves on.
 */
import type { LanguageMap } from '../../../../shared/iiif/language';
import { checkLanguageTag, formatLanguageTag } from '../../../../shared/iiif/language';
import { own } from '../../../../shared/iiif/json';

export interface LanguageRow {
  /** Stable React key: rows can be renamed and removed while others keep their inputs. */
  readonly key: number;
  readonly language: string;
  readonly values: readonly string[];
}

let nextKey = 1;
const newKey = () => nextKey++;

export function rowsOfMap(map: LanguageMap): LanguageRow[] {
  return Object.keys(map).map((language) => ({
    key: newKey(),
    language,
    values: (own(map, language) ?? []).length > 0 ? [...(own(map, language) ?? [])] : [''],
  }));
}

/** The map to store: rows in order, empty values dropped, languages without values dropped. */
export function mapOfRows(rows: readonly LanguageRow[]): LanguageMap {
  // A Map while collecting: a language typed as "constructor" or "__proto__" is a language like any other.
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const values = row.values.filter((value) => value !== '');
    if (values.length > 0) map.set(row.language, [...(map.get(row.language) ?? []), ...values]);
  }
  return Object.fromEntries(map);
}

export function addRow(rows: readonly LanguageRow[], language: string): LanguageRow[] {
  return [...rows, { key: newKey(), language, values: [''] }];
}

export function updateRow(
  rows: readonly LanguageRow[],
  key: number,
  change: (row: LanguageRow) => LanguageRow | null,
): LanguageRow[] {
  const next: LanguageRow[] = [];
  for (const row of rows) {
    if (row.key !== key) next.push(row);
    else {
      const changed = change(row);
      if (changed) next.push(changed);
    }
  }
  return next;
}

export function setValueAt(row: LanguageRow, index: number, value: string): LanguageRow {
  const values = row.values.slice();
  values[index] = value;
  return { ...row, values };
}

export function removeValueAt(row: LanguageRow, index: number): LanguageRow {
  const values = row.values.filter((_, i) => i !== index);
  return { ...row, values: values.length > 0 ? values : [''] };
}

/**
 * Why `tag` cannot key a new or renamed language, or null when it can. `taken` are the languages already in
 * the map (compared case-insensitively, as BCP 47 tags are).
 */
export function languageTagProblem(tag: string, taken: readonly string[]): string | null {
  const trimmed = tag.trim();
  if (trimmed === '') return 'Choose a language, or "none" for text in no particular language.';
  const check = checkLanguageTag(trimmed);
  if (!check.wellFormed) return `"${trimmed}" is not a BCP 47 language tag: ${check.error}.`;
  if (taken.some((language) => language.toLowerCase() === trimmed.toLowerCase()))
    return `${trimmed} is already there: add another value to it instead.`;
  return null;
}

/** The tag as it will be stored: trimmed, in the conventional case ("en-gb" → "en-GB"). */
export function tidyLanguageTag(tag: string): string {
  const trimmed = tag.trim();
  return trimmed === 'none' ? trimmed : formatLanguageTag(trimmed);
}

/** Warnings for a well-formed tag (e.g. "NONE" is not the special key), for display only. */
export function languageTagWarnings(tag: string): readonly string[] {
  const check = checkLanguageTag(tag.trim());
  return check.wellFormed ? check.warnings : [];
}
