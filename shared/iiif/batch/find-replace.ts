/**
 * Find and replace across canvas labels and metadata, as plain text or a JavaScript regular expression.
 * Planning never throws: a bad pattern comes back as `error` for the UI to show under the field.
 *
 * Every occurrence is one string value (one language entry of one label or metadata value); all matches inside
 * that string are replaced. The plan lists them so the user can review and untick rows; applying checks each
 * row's string is still what the preview showed.
 *
 * Note: a pathological regular expression can still be slow (JavaScript has no match time-out); the UI should
 * run planning off the typing path (on submit or after a pause).
 */
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { getIn, isJsonArray, isJsonObject, setIn } from '../json';
import { displayStringOf } from '../language';
import { locateCanvas } from './batch-edit';
import { replaceCanvases, resolveIndices } from './canvas-list';
import { canvasItems, canvasIdOf, canvasLabel } from '../canvases';

export type FindTarget = 'label' | 'summary' | 'metadataLabel' | 'metadataValue';

export interface FindReplaceOptions {
  readonly find: string;
  readonly replace: string;
  /** Treat `find` as a regular expression; `replace` may then use $1, $<name>, $&. */
  readonly regex?: boolean;
  readonly caseSensitive?: boolean;
  /** Canvas indices to search, or every canvas. */
  readonly scope: readonly number[] | 'all';
  /** Where to look; default labels and metadata values. */
  readonly targets?: readonly FindTarget[];
}

export interface FindOccurrence {
  readonly index: number;
  readonly canvasId: string;
  readonly canvasLabel: string;
  readonly target: FindTarget;
  /** Path of the string inside the canvas, e.g. ['label', 'en', 0] or ['metadata', 2, 'value', 'fr', 0]. */
  readonly path: JsonPath;
  readonly language: string;
  /** For metadata occurrences: the entry's label, to show which field it is. */
  readonly metadataLabel?: string;
  readonly before: string;
  readonly after: string;
  /** How many matches inside this string. */
  readonly matches: number;
}

export interface FindReplacePlan {
  readonly occurrences: readonly FindOccurrence[];
  /** Number of strings that change. */
  readonly count: number;
  readonly canvasCount: number;
  readonly error?: string;
}

const DEFAULT_TARGETS: readonly FindTarget[] = ['label', 'metadataValue'];

/** Builds the search expression, or explains why it cannot. */
export function compileFind(
  options: Pick<FindReplaceOptions, 'find' | 'regex' | 'caseSensitive'>,
): RegExp | string {
  if (options.find === '') return 'Type something to find.';
  const flags = options.caseSensitive ? 'g' : 'gi';
  const source = options.regex ? options.find : options.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `Not a valid regular expression${reason ? `: ${reason}` : ''}.`;
  }
}

export function planFindReplace(
  doc: JsonValue,
  options: FindReplaceOptions,
  preferredLanguages: readonly string[] = [],
): FindReplacePlan {
  const pattern = compileFind(options);
  if (typeof pattern === 'string') return { occurrences: [], count: 0, canvasCount: 0, error: pattern };
  const targets = new Set(options.targets ?? DEFAULT_TARGETS);
  const canvases = canvasItems(doc);
  const occurrences: FindOccurrence[] = [];
  const touched = new Set<number>();
  for (const index of resolveIndices(doc, options.scope)) {
    const canvas = canvases[index] as JsonObject;
    const base = {
      index,
      canvasId: canvasIdOf(canvas),
      canvasLabel: canvasLabel(canvas, preferredLanguages),
    };
    for (const found of searchableStrings(canvas, targets, preferredLanguages)) {
      const matches = [...found.text.matchAll(pattern)].length;
      if (matches === 0) continue;
      // In plain mode the replacement is literal text: "$1" must not be interpreted.
      const after = options.regex
        ? found.text.replace(pattern, options.replace)
        : found.text.replace(pattern, () => options.replace);
      if (after === found.text) continue;
      touched.add(index);
      const { text, ...where } = found;
      occurrences.push({ ...base, ...where, before: text, after, matches });
    }
  }
  return { occurrences, count: occurrences.length, canvasCount: touched.size };
}

/** Applies the (possibly filtered) occurrences of a plan as one new document. */
export function applyFindReplace<T extends JsonValue>(doc: T, plan: FindReplacePlan): T {
  if (plan.error !== undefined) return doc;
  const canvases = canvasItems(doc);
  const replacements = new Map<number, JsonObject>();
  for (const occurrence of plan.occurrences) {
    const index = locateCanvas(canvases, occurrence.index, occurrence.canvasId);
    if (index === undefined) continue;
    const canvas = replacements.get(index) ?? (canvases[index] as JsonObject);
    if (getIn(canvas, occurrence.path) !== occurrence.before) continue; // stale row
    replacements.set(index, setIn(canvas, occurrence.path, occurrence.after) as JsonObject);
  }
  return replaceCanvases(doc, replacements);
}

interface FoundString {
  readonly target: FindTarget;
  readonly path: JsonPath;
  readonly language: string;
  readonly metadataLabel?: string;
  readonly text: string;
}

function searchableStrings(
  canvas: JsonObject,
  targets: ReadonlySet<FindTarget>,
  preferred: readonly string[],
): FoundString[] {
  const found: FoundString[] = [];
  if (targets.has('label')) found.push(...stringsOf(canvas['label'], ['label'], 'label'));
  if (targets.has('summary')) found.push(...stringsOf(canvas['summary'], ['summary'], 'summary'));
  const metadata = canvas['metadata'];
  if (isJsonArray(metadata) && (targets.has('metadataLabel') || targets.has('metadataValue'))) {
    metadata.forEach((entry, position) => {
      if (!isJsonObject(entry)) return;
      const metadataLabel = displayStringOf(entry['label'], preferred);
      if (targets.has('metadataLabel')) {
        found.push(
          ...stringsOf(entry['label'], ['metadata', position, 'label'], 'metadataLabel', metadataLabel),
        );
      }
      if (targets.has('metadataValue')) {
        found.push(
          ...stringsOf(entry['value'], ['metadata', position, 'value'], 'metadataValue', metadataLabel),
        );
      }
    });
  }
  return found;
}

/** Every string of a language map, tolerating a plain string or single strings under a language. */
function stringsOf(
  value: JsonValue | undefined,
  path: JsonPath,
  target: FindTarget,
  metadataLabel?: string,
): FoundString[] {
  const extra = metadataLabel === undefined ? {} : { metadataLabel };
  if (typeof value === 'string') return [{ target, path, language: 'none', text: value, ...extra }];
  if (!isJsonObject(value)) return [];
  const found: FoundString[] = [];
  for (const language of Object.keys(value)) {
    const entry = value[language];
    if (typeof entry === 'string')
      found.push({ target, path: [...path, language], language, text: entry, ...extra });
    else if (isJsonArray(entry)) {
      entry.forEach((item, position) => {
        if (typeof item === 'string') {
          found.push({ target, path: [...path, language, position], language, text: item, ...extra });
        }
      });
    }
  }
  return found;
}
