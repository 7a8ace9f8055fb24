/**
 * Natural order for labels: numbers inside labels compare by value ("f. 2" < "f. 10"), letters
 * case-insensitively, so folio labels sort as 1r < 1v < 2r < 10r.
 *
 * Built on the Unicode Collation Algorithm (Intl.Collator with numeric collation, part of ECMAScript's
 * Intl, available in Node and every browser) rather than a hand-made tokenizer, so accented and non-Latin
 * labels sort sensibly too. The root-like "en" collation is fixed so the order does not change with the
 * machine's locale. Ties are broken case-sensitively, then by code units, so the order is total and stable.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject, setIn } from '../json';
import { canvasItems, canvasLabel } from '../canvases';

const BASE = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const CASE = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function compareNatural(a: string, b: string): number {
  const base = BASE.compare(a, b);
  if (base !== 0) return base;
  const variant = CASE.compare(a, b);
  if (variant !== 0) return variant;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts the canvases by label (preferring `language`, then the usual fallbacks). Canvases without a
 * label go last in their current order; equal labels keep their order. Returns the same document when the
 * order does not change; the canvases themselves are never copied.
 */
export function sortCanvasesByLabel<T extends JsonValue>(doc: T, language?: string): T {
  const canvases = canvasItems(doc);
  if (canvases.length < 2) return doc;
  const preferred = language === undefined ? [] : [language];
  const keyed = canvases.map((canvas, index) => ({
    canvas,
    index,
    label: isJsonObject(canvas) ? canvasLabel(canvas as JsonObject, preferred) : '',
  }));
  keyed.sort((a, b) => {
    if ((a.label === '') !== (b.label === '')) return a.label === '' ? 1 : -1;
    return compareNatural(a.label, b.label) || a.index - b.index;
  });
  if (keyed.every((entry, position) => entry.index === position)) return doc;
  return setIn(
    doc,
    ['items'],
    keyed.map((entry) => entry.canvas),
  ) as T;
}
