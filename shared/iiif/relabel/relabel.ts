/**
 * Bulk relabelling of canvases (the "Canvas order at scale" issue): plan a preview, then apply it as one new
 * document. Numbering follows document order of the selected canvases, whatever order they were clicked in.
 */
import type { JsonObject, JsonValue } from '../json';
import type { LanguageMap } from '../language';
import { displayStringOf, isWellFormedLanguageTag, normaliseLanguageMap, setLanguage } from '../language';
import { applyPropertyChanges } from '../batch/batch-edit';
import { resolveIndices } from '../batch/canvas-list';
import { canvasItems, canvasIdOf } from '../canvases';
import { own, sameJson } from '../json';
import type { FolioSide, RelabelScheme } from './numbering';
import { ROMAN_MAX, schemeText } from './numbering';

export interface RelabelOptions {
  readonly scheme: RelabelScheme;
  /** First number (folio number for foliation). Default 1. */
  readonly start?: number;
  /** Foliation only: the side of the first canvas. Default 'r'. */
  readonly startSide?: FolioSide;
  readonly prefix?: string;
  readonly suffix?: string;
  /** Language key of the new label. Default 'none' (numbers have no language). */
  readonly language?: string;
  /**
   * 'replace' (default): the label becomes `{ [language]: [text] }`, other languages dropped.
   * 'language': only that language's values are replaced; other translations stay.
   */
  readonly mode?: 'replace' | 'language';
}

export interface RelabelChange {
  readonly index: number;
  readonly canvasId: string;
  /** Display strings for the preview. */
  readonly before: string;
  readonly after: string;
  /** The label property before (undefined when absent) and after. */
  readonly beforeLabel: JsonValue | undefined;
  readonly afterLabel: LanguageMap;
  /** The values the new label drops (other languages, in 'replace' mode); may be empty. */
  readonly removed: readonly { readonly language: string; readonly value: string }[];
}

export interface RelabelPlan {
  /** Only canvases whose label changes. */
  readonly changes: readonly RelabelChange[];
  readonly count: number;
  readonly error?: string;
}

function checkOptions(options: RelabelOptions, count: number): string | undefined {
  const start = options.start ?? 1;
  if (!Number.isInteger(start) || start < 0) return 'The start number must be a whole number, 0 or more.';
  const language = options.language ?? 'none';
  if (!isWellFormedLanguageTag(language))
    return `"${language}" is not a well-formed language tag (BCP 47) or "none".`;
  if (options.scheme === 'roman-lower' || options.scheme === 'roman-upper') {
    if (start < 1) return 'Roman numerals start at 1.';
    if (start + count - 1 > ROMAN_MAX) {
      return `Roman numerals stop at ${ROMAN_MAX} (mmmcmxcix); ${count} canvases from ${start} would go past it.`;
    }
  }
  if (options.scheme === 'plain' && `${options.prefix ?? ''}${options.suffix ?? ''}` === '') {
    return 'A plain label needs a text: fill in the prefix or suffix.';
  }
  return undefined;
}

/**
 * The language the labels of these canvases are in: the one most of them use (a canvas counts once per
 * language), the first found on a tie, 'none' when none has a label. Relabelling in it replaces those labels
 * instead of putting a second label beside (or, with other languages dropped, instead of) them.
 */
export function labelLanguageOf(doc: JsonValue, indices: readonly number[] | 'all'): string {
  const canvases = canvasItems(doc);
  const counts = new Map<string, number>();
  for (const index of resolveIndices(doc, indices)) {
    const canvas = canvases[index] as JsonObject;
    for (const [language, values] of Object.entries(normaliseLanguageMap(canvas['label']).map))
      if (values.length > 0) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best = 'none';
  let most = 0;
  for (const [language, count] of counts)
    if (count > most) {
      best = language;
      most = count;
    }
  return best;
}

/** What a new label drops from the old one: each value of a language that no longer appears. */
function removedValues(before: JsonValue | undefined, after: LanguageMap): RelabelChange['removed'] {
  const removed: { language: string; value: string }[] = [];
  for (const [language, values] of Object.entries(normaliseLanguageMap(before).map))
    if (own(after, language) === undefined) for (const value of values) removed.push({ language, value });
  return removed;
}

export function planRelabel(
  doc: JsonValue,
  indices: readonly number[] | 'all',
  options: RelabelOptions,
  preferredLanguages: readonly string[] = [],
): RelabelPlan {
  const selected = resolveIndices(doc, indices);
  const error = checkOptions(options, selected.length);
  if (error !== undefined) return { changes: [], count: 0, error };
  const language = options.language ?? 'none';
  const preview = [language, ...preferredLanguages];
  const canvases = canvasItems(doc);
  const changes: RelabelChange[] = [];
  selected.forEach((index, offset) => {
    const canvas = canvases[index] as JsonObject;
    const text = `${options.prefix ?? ''}${schemeText(options.scheme, options.start ?? 1, options.startSide ?? 'r', offset)}${options.suffix ?? ''}`;
    const before = canvas['label'];
    const afterLabel =
      options.mode === 'language'
        ? setLanguage(normaliseLanguageMap(before).map, language, [text])
        : { [language]: [text] };
    if (sameJson(before, afterLabel)) return;
    changes.push({
      index,
      canvasId: canvasIdOf(canvas),
      before: displayStringOf(before, preview),
      after: displayStringOf(afterLabel, preview),
      beforeLabel: before,
      afterLabel,
      removed: removedValues(before, afterLabel),
    });
  });
  return { changes, count: changes.length };
}

/** Applies a plan (or plans and applies) as one new document; unchanged canvases keep their identity. */
export function applyRelabel<T extends JsonValue>(doc: T, plan: RelabelPlan): T;
export function applyRelabel<T extends JsonValue>(
  doc: T,
  indices: readonly number[] | 'all',
  options: RelabelOptions,
): T;
export function applyRelabel<T extends JsonValue>(
  doc: T,
  planOrIndices: RelabelPlan | readonly number[] | 'all',
  options?: RelabelOptions,
): T {
  const plan =
    planOrIndices === 'all' || Array.isArray(planOrIndices)
      ? planRelabel(doc, planOrIndices as readonly number[] | 'all', options as RelabelOptions)
      : (planOrIndices as RelabelPlan);
  if (plan.error !== undefined) return doc;
  return applyPropertyChanges(
    doc,
    plan.changes.map((change) => ({
      index: change.index,
      canvasId: change.canvasId,
      field: 'label',
      before: change.beforeLabel,
      after: change.afterLabel,
    })),
  );
}
