/**
 * Sanitises every language-map value in a document: `label` and `summary` wherever they occur (manifest,
 * canvases, ranges, annotations, providers, homepages, services...), and the `label`/`value` of `metadata`
 * entries and `requiredStatement`. Only strings that are HTML by the spec's test are touched.
 *
 * Labels must not contain HTML at all (§4.5), but viewers differ in what they render, so an HTML-looking label
 * is cleaned like any other value rather than trusted. Annotation textual bodies (`value` as a plain string
 * with `format: text/html`) are not language maps, but they are HTML by their format, so they are cleaned the
 * same way (shared/iiif/annotations/bodies.ts says how).
 *
 * The walk keeps structural sharing: a subtree with nothing to clean is returned as the same object, so an
 * already clean document comes back identical (`===`) and costs no undo memory.
 */
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { isHtmlBody, sanitizeBodyHtml } from '../annotations/bodies';
import { sanitizeValue } from './sanitize-value';

export interface SanitizeWarning {
  /** Path from the document root to the string that was cleaned. */
  readonly path: JsonPath;
  readonly removed: readonly string[];
}

export interface SanitizedDocument<T extends JsonValue> {
  readonly doc: T;
  readonly warnings: readonly SanitizeWarning[];
}

/** Keys whose value is a language map in Presentation 3 (§4.4). */
const LANGUAGE_MAP_KEYS = new Set(['label', 'summary', 'value']);
/** Non-conformant plain-string labels and summaries are common in the wild and rendered by viewers too. */
const STRING_LABEL_KEYS = new Set(['label', 'summary']);

export function sanitizeDocument<T extends JsonValue>(doc: T): SanitizedDocument<T> {
  const warnings: SanitizeWarning[] = [];
  const next = walk(doc, [], warnings) as T;
  return { doc: next, warnings };
}

function walk(node: JsonValue, path: JsonPath, warnings: SanitizeWarning[]): JsonValue {
  if (isJsonArray(node)) {
    let copy: JsonValue[] | undefined;
    node.forEach((child, index) => {
      const next = walk(child, [...path, index], warnings);
      if (next !== child) (copy ??= node.slice())[index] = next;
    });
    return copy ?? node;
  }
  if (!isJsonObject(node)) return node;
  let copy: Record<string, JsonValue> | undefined;
  for (const key of Object.keys(node)) {
    const child = node[key] as JsonValue;
    let next: JsonValue;
    if (key === 'value' && typeof child === 'string' && isHtmlBody(node))
      next = cleanBody(child, [...path, key], warnings);
    else if (LANGUAGE_MAP_KEYS.has(key) && isLanguageMapLike(child))
      next = cleanLanguageMap(child, [...path, key], warnings);
    else if (STRING_LABEL_KEYS.has(key) && typeof child === 'string')
      next = cleanString(child, [...path, key], warnings);
    else next = walk(child, [...path, key], warnings);
    if (next !== child) (copy ??= { ...node })[key] = next;
  }
  return copy ?? node;
}

/**
 * Tolerant on purpose: documents in the wild have string labels and single strings under a language, and
 * those are rendered by viewers too. A plain-string `value` is excluded because that is an annotation body.
 */
function isLanguageMapLike(value: JsonValue): value is JsonObject {
  if (!isJsonObject(value)) return false;
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every(
      (entry) =>
        typeof entry === 'string' || (isJsonArray(entry) && entry.every((item) => typeof item === 'string')),
    )
  );
}

function cleanLanguageMap(map: JsonObject, path: JsonPath, warnings: SanitizeWarning[]): JsonValue {
  let copy: Record<string, JsonValue> | undefined;
  for (const language of Object.keys(map)) {
    const entry = map[language] as JsonValue;
    let next: JsonValue = entry;
    if (typeof entry === 'string') {
      next = cleanString(entry, [...path, language], warnings);
    } else if (isJsonArray(entry)) {
      let values: JsonValue[] | undefined;
      entry.forEach((value, index) => {
        if (typeof value !== 'string') return;
        const cleaned = cleanString(value, [...path, language, index], warnings);
        if (cleaned !== value) (values ??= entry.slice())[index] = cleaned;
      });
      next = values ?? entry;
    }
    if (next !== entry) (copy ??= { ...map })[language] = next;
  }
  return copy ?? map;
}

function cleanString(text: string, path: JsonPath, warnings: SanitizeWarning[]): string {
  const result = sanitizeValue(text);
  if (!result.changed) return text;
  warnings.push({ path, removed: result.removed });
  return result.text;
}

function cleanBody(text: string, path: JsonPath, warnings: SanitizeWarning[]): string {
  const result = sanitizeBodyHtml(text);
  if (result.text === text) return text;
  warnings.push({ path, removed: result.removed });
  return result.text;
}
