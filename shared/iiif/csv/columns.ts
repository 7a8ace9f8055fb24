/**
 * The spreadsheet's column scheme: how a header names a canvas field, and how a cell reads and writes it.
 *
 *   id                              canvas id (required on import; rows are matched by it)
 *   position                        1-based position in the manifest (informational; not imported)
 *   label@<lang>                    the canvas label in one language, e.g. label@en, label@none
 *   summary@<lang>                  the summary in one language
 *   meta:<label key>@<lang>         the value, in <lang>, of the metadata pair whose label is <label key>
 *   meta:<label key>#<n>@<lang>     the same for the n-th pair (n ≥ 2) with that label on a canvas
 *   rights                          the rights URI
 *   requiredStatement.label@<lang>  the required statement's label in one language
 *   requiredStatement.value@<lang>  the required statement's value in one language
 *
 * A <label key> spells out the pair's whole label map, so multilingual labels round-trip:
 * `lang=text` items joined by "|", languages sorted, e.g. `meta:en=Date@none` or `meta:en=Date|fr=Date@fr`.
 * In label texts and language keys the characters % | = @ # CR LF are percent-encoded (%25 %7C %3D %40 %23
 * %0D %0A). On import the short form `meta:<text>@<lang>` is also accepted (handy for a column typed by hand):
 * it matches a pair whose label has that text in any language, and a new pair gets the label in <lang>.
 *
 * Cells: several values of one language are separate lines in the cell. A value that starts with = + - @,
 * a tab, CR or an apostrophe gets a leading apostrophe on export so spreadsheets do not run it as a formula
 * (CSV injection); import removes it again. Keywords (id, label, meta: ...) are case-insensitive.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject, own } from '../json';
import type { LanguageMap } from '../language';
import { isEmptyLanguageMap, normaliseLanguageMap, sameStrings, setLanguage } from '../language';
import { withProperty } from '../batch/canvas-list';

export type CsvColumn =
  | { readonly kind: 'id' }
  | { readonly kind: 'position' }
  | { readonly kind: 'rights' }
  | {
      readonly kind: 'label' | 'summary' | 'requiredStatement.label' | 'requiredStatement.value';
      readonly language: string;
    }
  | {
      readonly kind: 'metadata';
      /** The pair's label map; for the short header form, a single text under `language` with `loose` set. */
      readonly label: LanguageMap;
      readonly loose: boolean;
      /** 1 for the first pair with this label on a canvas, 2 for the second... */
      readonly occurrence: number;
      readonly language: string;
    };

const ENCODED = /[%|=@#\r\n]/g;
const encode = (text: string) =>
  text.replace(ENCODED, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const decode = (text: string) =>
  text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Canonical key of a label map: `lang=text` items, languages sorted, joined by "|". */
export function metadataLabelKey(label: LanguageMap): string {
  return Object.keys(label)
    .sort()
    .flatMap((language) => (own(label, language) ?? []).map((text) => `${encode(language)}=${encode(text)}`))
    .join('|');
}

export function columnHeader(column: CsvColumn): string {
  switch (column.kind) {
    case 'id':
    case 'position':
    case 'rights':
      return column.kind;
    case 'metadata': {
      const key = column.loose
        ? encode(Object.values(column.label)[0]?.[0] ?? '')
        : metadataLabelKey(column.label);
      return `meta:${key}${column.occurrence > 1 ? `#${column.occurrence}` : ''}@${encode(column.language)}`;
    }
    default:
      return `${column.kind}@${encode(column.language)}`;
  }
}

/** Reads a header; undefined when it follows none of the forms above. */
export function parseColumnHeader(header: string): CsvColumn | undefined {
  const text = header.trim();
  const lower = text.toLowerCase();
  if (lower === 'id' || lower === 'position' || lower === 'rights') return { kind: lower };
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  const language = decode(text.slice(at + 1));
  const name = text.slice(0, at);
  const lowerName = name.toLowerCase();
  for (const kind of ['label', 'summary', 'requiredStatement.label', 'requiredStatement.value'] as const) {
    if (lowerName === kind.toLowerCase()) return { kind, language };
  }
  if (!lowerName.startsWith('meta:')) return undefined;
  let key = name.slice('meta:'.length);
  let occurrence = 1;
  // "#<n>" selects the n-th pair with the label; a "#" not followed by a number is part of a typed label.
  const occurrenceSuffix = /#([0-9]+)$/.exec(key);
  if (occurrenceSuffix !== null) {
    occurrence = Number(occurrenceSuffix[1]);
    if (occurrence < 1) return undefined;
    key = key.slice(0, occurrenceSuffix.index);
  }
  if (key === '') return undefined;
  if (!key.includes('=')) {
    return { kind: 'metadata', label: { [language]: [decode(key)] }, loose: true, occurrence, language };
  }
  // A Map while collecting: languages are data, and "__proto__" or "constructor" must stay languages.
  const label = new Map<string, string[]>();
  for (const item of key.split('|')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    const language = decode(item.slice(0, eq));
    const text = decode(item.slice(eq + 1));
    const values = label.get(language);
    if (values === undefined) label.set(language, [text]);
    else values.push(text);
  }
  return { kind: 'metadata', label: Object.fromEntries(label), loose: false, occurrence, language };
}

/** Same field, whatever the header's spelling (used to find duplicate columns). */
export function columnIdentity(column: CsvColumn): string {
  return column.kind === 'metadata'
    ? `meta\u0000${column.loose ? 'loose' : 'exact'}\u0000${metadataLabelKey(column.label)}\u0000${column.occurrence}\u0000${column.language}`
    : `${column.kind}\u0000${'language' in column ? column.language : ''}`;
}

// ---- cells -------------------------------------------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r']/;

/** Joins values into one cell, guarding each against formula execution. */
export function formatCell(values: readonly string[]): string {
  return values.map((value) => (FORMULA_START.test(value) ? `'${value}` : value)).join('\n');
}

/** Splits a cell into values: one per line, empty lines dropped, the export's formula guard removed. */
export function parseCell(cell: string): string[] {
  return cell
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((value) => value !== '')
    .map((value) => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value));
}

function mapOf(value: JsonValue | undefined): LanguageMap {
  return normaliseLanguageMap(value).map;
}

/** The key actually used in `map` for `language` (keys compare case-insensitively in BCP 47). */
function keyIn(map: LanguageMap, language: string): string {
  return Object.keys(map).find((key) => key.toLowerCase() === language.toLowerCase()) ?? language;
}

function valuesIn(map: LanguageMap, language: string): readonly string[] {
  return own(map, keyIn(map, language)) ?? [];
}

/** Pairs of a canvas that a metadata column refers to, in document order. */
function matchingPairs(canvas: JsonObject, column: Extract<CsvColumn, { kind: 'metadata' }>): number[] {
  const metadata = canvas['metadata'];
  if (!isJsonArray(metadata)) return [];
  const wanted = metadataLabelKey(column.label);
  const text = Object.values(column.label)[0]?.[0];
  const found: number[] = [];
  metadata.forEach((entry, index) => {
    if (!isJsonObject(entry)) return;
    const label = mapOf(entry['label']);
    const match = column.loose
      ? Object.values(label).some((values) => text !== undefined && values.includes(text))
      : metadataLabelKey(label) === wanted;
    if (match) found.push(index);
  });
  return found;
}

/** The values a column shows for a canvas (rights: zero or one value). */
export function readValues(canvas: JsonObject, column: CsvColumn): readonly string[] {
  switch (column.kind) {
    case 'id':
    case 'position':
      return [];
    case 'rights':
      return typeof canvas['rights'] === 'string' && canvas['rights'] !== '' ? [canvas['rights']] : [];
    case 'label':
    case 'summary':
      return valuesIn(mapOf(canvas[column.kind]), column.language);
    case 'requiredStatement.label':
    case 'requiredStatement.value': {
      const statement = canvas['requiredStatement'];
      if (!isJsonObject(statement)) return [];
      return valuesIn(
        mapOf(statement[column.kind === 'requiredStatement.label' ? 'label' : 'value']),
        column.language,
      );
    }
    case 'metadata': {
      const index = matchingPairs(canvas, column)[column.occurrence - 1];
      const metadata = canvas['metadata'];
      if (index === undefined || !isJsonArray(metadata)) return [];
      return valuesIn(mapOf((metadata[index] as JsonObject)['value']), column.language);
    }
  }
}

/**
 * Writes a column's values into a canvas. An empty list removes: the language, then the property, pair or
 * statement when nothing is left in it.
 */
export function writeValues(canvas: JsonObject, column: CsvColumn, values: readonly string[]): JsonObject {
  if (sameStrings(readValues(canvas, column), values)) return canvas;
  switch (column.kind) {
    case 'id':
    case 'position':
      return canvas;
    case 'rights':
      return withProperty(canvas, 'rights', values[0]);
    case 'label':
    case 'summary': {
      const map = mapOf(canvas[column.kind]);
      const next = setLanguage(map, keyIn(map, column.language), values);
      return withProperty(canvas, column.kind, isEmptyLanguageMap(next) ? undefined : next);
    }
    case 'requiredStatement.label':
    case 'requiredStatement.value': {
      const current = isJsonObject(canvas['requiredStatement']) ? canvas['requiredStatement'] : {};
      const part = column.kind === 'requiredStatement.label' ? 'label' : 'value';
      const map = mapOf(current[part]);
      const next = { ...current, [part]: setLanguage(map, keyIn(map, column.language), values) };
      const empty = isEmptyLanguageMap(mapOf(next['label'])) && isEmptyLanguageMap(mapOf(next['value']));
      return withProperty(canvas, 'requiredStatement', empty ? undefined : next);
    }
    case 'metadata':
      return writeMetadata(canvas, column, values);
  }
}

function writeMetadata(
  canvas: JsonObject,
  column: Extract<CsvColumn, { kind: 'metadata' }>,
  values: readonly string[],
): JsonObject {
  const metadata = isJsonArray(canvas['metadata']) ? canvas['metadata'] : [];
  const index = matchingPairs(canvas, column)[column.occurrence - 1];
  if (index === undefined) {
    if (values.length === 0) return canvas;
    return withProperty(canvas, 'metadata', [
      ...metadata,
      { label: column.label, value: { [column.language]: [...values] } },
    ]);
  }
  const entry = metadata[index] as JsonObject;
  const map = mapOf(entry['value']);
  const value = setLanguage(map, keyIn(map, column.language), values);
  const copy = metadata.slice();
  if (isEmptyLanguageMap(value)) copy.splice(index, 1);
  else copy[index] = { ...entry, value };
  return withProperty(canvas, 'metadata', copy.length === 0 ? undefined : copy);
}
