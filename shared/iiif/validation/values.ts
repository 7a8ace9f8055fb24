/** Small predicates over JSON values shared by the rule modules. */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

const HTTP_URI = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const ANY_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;

export function isHttpUri(value: unknown): value is string {
  return typeof value === 'string' && HTTP_URI.test(value);
}

/**
 * Schemes that run code or read the user's machine when a viewer follows them. A resource id with one is never
 * an address to load: it is refused wherever it appears, even where the spec allows any URI scheme.
 */
const UNSAFE_SCHEME = /^\s*(?:javascript|vbscript|data|file|blob|about|chrome|filesystem)\s*:/i;

export function isUnsafeUri(value: unknown): value is string {
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"), so they are dropped before testing too.
  return typeof value === 'string' && UNSAFE_SCHEME.test(value.replace(/[\t\n\r]/g, ''));
}

export function isUri(value: unknown): value is string {
  return typeof value === 'string' && ANY_URI.test(value);
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The id without a `#fragment`: parts of Canvases are named by fragments on the Canvas URI. */
export function stripFragment(id: string): string {
  const hash = id.indexOf('#');
  return hash === -1 ? id : id.slice(0, hash);
}

export function stringProp(node: JsonObject, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

export function has(node: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(node, key);
}

/** The value as a list: properties with multiple values must be arrays, but we still look inside a lone object. */
export function asList(value: JsonValue | undefined): readonly JsonValue[] {
  if (value === undefined) return [];
  return isJsonArray(value) ? value : [value];
}

/** The id of a reference given either as a string or as an object with `id` (or the older `@id`). */
export function referenceId(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isJsonObject(value)) {
    const id = value.id ?? value['@id'];
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/** Levenshtein distance, for "did you mean" suggestions on short vocabulary words. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

export function closest(word: string, vocabulary: Iterable<string>, maxDistance = 3): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of vocabulary) {
    // The distance is at least the difference in length: skipping on it keeps a megabyte-long value from costing
    // a megabyte of work per word of the vocabulary.
    if (Math.abs(word.length - candidate.length) > maxDistance) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The longest quoted value a finding's message repeats in full. */
const QUOTED_MAX = 80;
/** A message longer than this is cut whatever it holds: no value is worth a screenful. */
const MESSAGE_MAX = 1_000;

/**
 * A finding's message with every quoted value longer than {@link QUOTED_MAX} shortened to its start and an
 * ellipsis. Messages quote the document's own values ("its type is \"…\""), and a hostile or broken file can hold a
 * megabyte there: repeated in full it costs the panel seconds of layout per finding and floods a terminal.
 */
export function clipMessage(message: string): string {
  if (message.length <= QUOTED_MAX) return message;
  // A scan with indexOf, not a regular expression: a regex over a two-megabyte quoted value overflows the stack.
  let clipped = '';
  let at = 0;
  while (at < message.length && clipped.length <= MESSAGE_MAX) {
    const open = message.indexOf('"', at);
    const close = open < 0 ? -1 : message.indexOf('"', open + 1);
    if (close < 0) {
      clipped += message.slice(at, at + MESSAGE_MAX + 1);
      break;
    }
    const quoted = message.slice(open + 1, close);
    const shown = quoted.length > QUOTED_MAX ? `${quoted.slice(0, QUOTED_MAX - 3)}...` : quoted;
    clipped += `${message.slice(at, open)}"${shown}"`;
    at = close + 1;
  }
  return clipped.length > MESSAGE_MAX ? `${clipped.slice(0, MESSAGE_MAX - 3)}...` : clipped;
}

export function describeValue(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (isJsonArray(value)) return 'a list';
  if (isJsonObject(value)) return 'an object';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return String(value);
}
