/**
 * What a batch edit can do to one canvas: set, append to or remove one property. Each operation is a pure
 * `(canvas) -> canvas` that returns the same canvas when it has nothing to change, so a batch over 1,000
 * canvases copies only the ones it really edits.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { LanguageMap } from '../language';
import {
  addValue,
  isEmptyLanguageMap,
  isWellFormedLanguageTag,
  normaliseLanguageMap,
  removeLanguage,
  setLanguage,
} from '../language';
import { normaliseRights } from '../rights';
import { withProperty } from './canvas-list';
import { sameJson } from '../json';
import { createIdMinter, PLACEHOLDER_BASE_URI } from '../document/mint-ids';
import { readNavPlace, withFreshPlaceIds } from '../place';

export type LanguageMapField = 'label' | 'summary';
/** Properties whose value is a list of linked resources, each with `id` and `type`. */
export type ResourceListField = 'provider' | 'homepage' | 'seeAlso' | 'rendering' | 'thumbnail' | 'partOf';
export type BatchField =
  | LanguageMapField
  | ResourceListField
  | 'metadata'
  | 'requiredStatement'
  | 'rights'
  | 'navDate'
  | 'navPlace'
  | 'behavior';

export interface RequiredStatement {
  readonly label: LanguageMap;
  readonly value: LanguageMap;
}

export type BatchOp =
  | { readonly field: LanguageMapField; readonly action: 'set'; readonly value: LanguageMap }
  | {
      readonly field: LanguageMapField;
      readonly action: 'append';
      readonly language: string;
      readonly value: string;
    }
  /** Without `language`, the whole property goes. */
  | { readonly field: LanguageMapField; readonly action: 'remove'; readonly language?: string }
  /**
   * The metadata pair is found by its label text in `language`. `set` replaces the value in `valueLanguage`
   * (default: `language`) and keeps other translations; `append` adds a value; both create the pair if absent.
   */
  | {
      readonly field: 'metadata';
      readonly action: 'set' | 'append';
      readonly label: string;
      readonly language: string;
      readonly value: string;
      readonly valueLanguage?: string;
    }
  /** Removes every pair with that label (in `language`, or in any language when omitted). */
  | {
      readonly field: 'metadata';
      readonly action: 'remove';
      readonly label: string;
      readonly language?: string;
    }
  | { readonly field: 'requiredStatement'; readonly action: 'set'; readonly value: RequiredStatement }
  /** Adds a value; `label` is used only when the canvas has no requiredStatement yet. */
  | {
      readonly field: 'requiredStatement';
      readonly action: 'append';
      readonly language: string;
      readonly value: string;
      readonly label: LanguageMap;
    }
  | { readonly field: 'requiredStatement'; readonly action: 'remove' }
  | { readonly field: 'rights'; readonly action: 'set'; readonly value: string }
  | { readonly field: 'rights'; readonly action: 'remove' }
  /** An XSD dateTime with a timezone, e.g. 1856-01-01T00:00:00Z. */
  | { readonly field: 'navDate'; readonly action: 'set'; readonly value: string }
  | { readonly field: 'navDate'; readonly action: 'remove' }
  /**
   * A navPlace FeatureCollection given to every canvas, each copy with fresh ids minted under its canvas (the
   * ids in `value` are ignored).
   */
  | { readonly field: 'navPlace'; readonly action: 'set'; readonly value: JsonObject }
  | { readonly field: 'navPlace'; readonly action: 'remove' }
  | { readonly field: ResourceListField; readonly action: 'set'; readonly value: readonly JsonObject[] }
  /** Not added again when an item with the same `id` is already there. */
  | { readonly field: ResourceListField; readonly action: 'append'; readonly value: JsonObject }
  /** Removes the items with that `id`, or the whole property when `id` is omitted. */
  | { readonly field: ResourceListField; readonly action: 'remove'; readonly id?: string }
  | { readonly field: 'behavior'; readonly action: 'set'; readonly value: readonly string[] }
  | { readonly field: 'behavior'; readonly action: 'append'; readonly value: string }
  | { readonly field: 'behavior'; readonly action: 'remove'; readonly value?: string };

/** XSD dateTime with the timezone Presentation 3 requires (`Z` or `±hh:mm`). */
const NAV_DATE =
  /^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/;

export interface CheckedOp {
  /** The operation with inputs made canonical (a normalised rights URI). */
  readonly op: BatchOp;
  readonly error?: string;
  readonly notices: readonly string[];
}

/** Validates an operation once, before it touches any canvas. */
export function checkBatchOp(op: BatchOp): CheckedOp {
  const fail = (error: string): CheckedOp => ({ op, error, notices: [] });
  const tags: string[] = [];
  if ('language' in op && op.language !== undefined) tags.push(op.language);
  if (op.field === 'metadata' && op.action !== 'remove' && op.valueLanguage !== undefined)
    tags.push(op.valueLanguage);
  if ((op.field === 'label' || op.field === 'summary') && op.action === 'set')
    tags.push(...Object.keys(op.value));
  if (op.field === 'requiredStatement' && op.action !== 'remove') {
    const maps = op.action === 'set' ? [op.value.label, op.value.value] : [op.label];
    for (const map of maps) tags.push(...Object.keys(map));
  }
  const badTag = tags.find((tag) => !isWellFormedLanguageTag(tag));
  if (badTag !== undefined) return fail(`"${badTag}" is not a well-formed language tag (BCP 47) or "none".`);

  switch (op.field) {
    case 'label':
    case 'summary':
      if (op.action === 'set' && isEmptyLanguageMap(op.value))
        return fail(`Give a ${op.field} or choose "remove".`);
      return { op, notices: [] };
    case 'requiredStatement':
      if (op.action === 'set' && (isEmptyLanguageMap(op.value.label) || isEmptyLanguageMap(op.value.value))) {
        return fail('A required statement needs both a label and a value.');
      }
      return { op, notices: [] };
    case 'rights': {
      if (op.action !== 'set') return { op, notices: [] };
      const rights = normaliseRights(op.value);
      if (rights.status === 'invalid') return fail(rights.notice ?? 'Invalid rights URI.');
      return { op: { ...op, value: rights.uri }, notices: rights.notice ? [rights.notice] : [] };
    }
    case 'navDate':
      if (op.action === 'set' && !NAV_DATE.test(op.value)) {
        return fail('navDate must be a date and time with a timezone, such as 1856-01-01T00:00:00Z.');
      }
      return { op, notices: [] };
    case 'navPlace': {
      if (op.action === 'remove') return { op, notices: [] };
      const view = readNavPlace(op.value);
      if (view.problem !== null) return fail(view.problem);
      if (view.features.length === 0) return fail('Give at least one place.');
      if (view.features.some((feature) => feature.kind === null))
        return fail('Every place must be a point, a line or a polygon.');
      return { op, notices: [] };
    }
    case 'behavior':
      if (op.action === 'set' && op.value.some((value) => value.trim() === ''))
        return fail('Empty behavior value.');
      if (op.action === 'append' && op.value.trim() === '') return fail('Empty behavior value.');
      return { op, notices: [] };
    case 'metadata':
      if (op.label.trim() === '') return fail('Give the label of the metadata entry.');
      return { op, notices: [] };
    default: {
      if (op.action === 'remove') return { op, notices: [] };
      const items = op.action === 'set' ? op.value : [op.value];
      const bad = items.find((item) => typeof item['id'] !== 'string' || typeof item['type'] !== 'string');
      if (bad !== undefined) return fail(`Every ${op.field} item needs an "id" and a "type".`);
      return { op, notices: [] };
    }
  }
}

/** Applies a checked operation to one canvas; returns the same canvas when nothing changes. */
export function applyOpToCanvas(canvas: JsonObject, op: BatchOp): JsonObject {
  const current = canvas[op.field];
  switch (op.field) {
    case 'label':
    case 'summary':
      return withProperty(canvas, op.field, editLanguageMap(current, op));
    case 'metadata':
      return withProperty(canvas, 'metadata', editMetadata(current, op));
    case 'requiredStatement':
      return withProperty(canvas, op.field, editRequiredStatement(current, op));
    case 'rights':
    case 'navDate':
      return withProperty(canvas, op.field, op.action === 'set' ? op.value : undefined);
    case 'navPlace':
      return withProperty(canvas, op.field, editNavPlace(canvas, current, op));
    case 'behavior':
      return withProperty(canvas, op.field, editBehavior(current, op));
    default:
      return withProperty(canvas, op.field, editResourceList(current, op));
  }
}

type OpFor<F extends BatchField> = Extract<BatchOp, { field: F }>;

function editLanguageMap(current: JsonValue | undefined, op: OpFor<LanguageMapField>): JsonValue | undefined {
  if (op.action === 'set') return keepIfEqual(current, op.value);
  if (op.action === 'remove' && op.language === undefined) return undefined;
  if (current === undefined && op.action === 'remove') return undefined;
  const { map } = normaliseLanguageMap(current);
  const next =
    op.action === 'append'
      ? addValue(map, op.language, op.value)
      : removeLanguage(map, op.language as string);
  // An operation that changes nothing leaves even a non-conformant value as it was.
  if (next === map) return current;
  return isEmptyLanguageMap(next) ? undefined : next;
}

function editMetadata(current: JsonValue | undefined, op: OpFor<'metadata'>): JsonValue | undefined {
  const entries = isJsonArray(current) ? current : [];
  const matches = (entry: JsonValue) => metadataLabelMatches(entry, op.label, op.language);
  if (op.action === 'remove') {
    const kept = entries.filter((entry) => !matches(entry));
    if (kept.length === entries.length) return current;
    return kept.length === 0 ? undefined : kept;
  }
  const valueLanguage = op.valueLanguage ?? op.language;
  const index = entries.findIndex(matches);
  if (index === -1) {
    const entry = { label: { [op.language]: [op.label] }, value: { [valueLanguage]: [op.value] } };
    return [...entries, entry];
  }
  const entry = entries[index] as JsonObject;
  const { map } = normaliseLanguageMap(entry['value']);
  const value =
    op.action === 'set'
      ? setLanguage(map, valueLanguage, [op.value])
      : addValue(map, valueLanguage, op.value);
  if (value === map) return current;
  const copy = entries.slice();
  copy[index] = { ...entry, value };
  return copy;
}

/** True when a metadata entry's label has `text` in `language` (any language when omitted). */
export function metadataLabelMatches(entry: JsonValue, text: string, language?: string): boolean {
  if (!isJsonObject(entry)) return false;
  const { map } = normaliseLanguageMap(entry['label']);
  const languages = language === undefined ? Object.keys(map) : [language];
  return languages.some((lang) => map[lang]?.includes(text) ?? false);
}

function editRequiredStatement(
  current: JsonValue | undefined,
  op: OpFor<'requiredStatement'>,
): JsonValue | undefined {
  if (op.action === 'remove') return undefined;
  if (op.action === 'set') return keepIfEqual(current, { label: op.value.label, value: op.value.value });
  if (!isJsonObject(current)) return { label: op.label, value: { [op.language]: [op.value] } };
  const { map } = normaliseLanguageMap(current['value']);
  const value = addValue(map, op.language, op.value);
  return value === map ? current : { ...current, value };
}

function editNavPlace(
  canvas: JsonObject,
  current: JsonValue | undefined,
  op: OpFor<'navPlace'>,
): JsonValue | undefined {
  if (op.action === 'remove') return undefined;
  // Ids derived from the canvas's own id, the way new ids are minted: the same places set twice are equal.
  const canvasId = typeof canvas['id'] === 'string' ? canvas['id'] : PLACEHOLDER_BASE_URI;
  return keepIfEqual(current, withFreshPlaceIds(op.value, createIdMinter(canvasId, new Set())));
}

function editBehavior(current: JsonValue | undefined, op: OpFor<'behavior'>): JsonValue | undefined {
  const values = isJsonArray(current) ? current : typeof current === 'string' ? [current] : [];
  if (op.action === 'set') return keepIfEqual(current, [...op.value]);
  if (op.action === 'append')
    return values.includes(op.value) && isJsonArray(current)
      ? current
      : [...values.filter((v) => v !== op.value), op.value];
  if (op.value === undefined) return undefined;
  const kept = values.filter((value) => value !== op.value);
  if (kept.length === values.length) return current;
  return kept.length === 0 ? undefined : kept;
}

function editResourceList(
  current: JsonValue | undefined,
  op: OpFor<ResourceListField>,
): JsonValue | undefined {
  const items = isJsonArray(current) ? current : isJsonObject(current) ? [current] : [];
  const idOf = (item: JsonValue) => (isJsonObject(item) ? item['id'] : undefined);
  if (op.action === 'set') return keepIfEqual(current, [...op.value]);
  if (op.action === 'append') {
    if (isJsonArray(current) && items.some((item) => idOf(item) === op.value['id'])) return current;
    return [...items.filter((item) => idOf(item) !== op.value['id']), op.value];
  }
  if (op.id === undefined) return undefined;
  const kept = items.filter((item) => idOf(item) !== op.id);
  if (kept.length === items.length) return current;
  return kept.length === 0 ? undefined : kept;
}

/** Keeps the current node when the new value is deep-equal, so "set to the same thing" is not a change. */
function keepIfEqual(current: JsonValue | undefined, next: JsonValue): JsonValue {
  return current !== undefined && sameJson(current, next) ? current : next;
}
