/**
 * What the batch editor offers: every property shared/iiif/batch can edit on many canvases, which actions
 * make sense for each, and how a before/after value reads in the preview. Pure, unit-tested.
 */
import type { BatchField } from '../../../../shared/iiif/batch';
import type { JsonValue } from '../../../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../../../shared/iiif/json';
import { displayStringOf } from '../../../../shared/iiif/language';
import { describePlaces } from '../../../../shared/iiif/place';

export type BatchAction = 'set' | 'append' | 'remove';

export interface BatchFieldOption {
  readonly field: BatchField;
  readonly title: string;
  readonly actions: readonly BatchAction[];
}

export const BATCH_FIELDS: readonly BatchFieldOption[] = [
  { field: 'label', title: 'Label', actions: ['set', 'append', 'remove'] },
  { field: 'summary', title: 'Summary', actions: ['set', 'append', 'remove'] },
  { field: 'metadata', title: 'Metadata entry', actions: ['set', 'append', 'remove'] },
  { field: 'requiredStatement', title: 'Required statement', actions: ['set', 'append', 'remove'] },
  { field: 'rights', title: 'Rights', actions: ['set', 'remove'] },
  { field: 'provider', title: 'Provider', actions: ['set', 'append', 'remove'] },
  { field: 'navDate', title: 'Navigation date', actions: ['set', 'remove'] },
  { field: 'navPlace', title: 'Place (navPlace)', actions: ['set', 'remove'] },
  { field: 'homepage', title: 'Homepage', actions: ['set', 'append', 'remove'] },
  { field: 'seeAlso', title: 'See also', actions: ['set', 'append', 'remove'] },
  { field: 'rendering', title: 'Rendering', actions: ['set', 'append', 'remove'] },
  { field: 'thumbnail', title: 'Thumbnail', actions: ['set', 'append', 'remove'] },
  { field: 'partOf', title: 'Part of', actions: ['set', 'append', 'remove'] },
  { field: 'behavior', title: 'Behavior', actions: ['set', 'append', 'remove'] },
];

export const ACTION_TEXT: Readonly<Record<BatchAction, string>> = {
  set: 'Set (replace)',
  append: 'Add to',
  remove: 'Remove',
};

export function fieldOption(field: BatchField): BatchFieldOption {
  return BATCH_FIELDS.find((option) => option.field === field) ?? (BATCH_FIELDS[0] as BatchFieldOption);
}

/** One line of text for a property value in the preview; "—" for absent. */
export function summariseValue(value: JsonValue | undefined, languages: readonly string[]): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (isJsonArray(value)) {
    if (value.every((item) => typeof item === 'string')) return value.join(', ');
    return value.map((item) => summariseItem(item, languages)).join('; ');
  }
  if (isJsonObject(value)) {
    if (value['type'] === 'FeatureCollection') return describePlaces(value, languages);
    if ('label' in value && 'value' in value) {
      return `${displayStringOf(value['label'], languages)}: ${displayStringOf(value['value'], languages)}`;
    }
    return Object.keys(value)
      .map((language) => `${language}: ${displayStringOf({ [language]: value[language] ?? [] }, [language])}`)
      .join(' · ');
  }
  return JSON.stringify(value);
}

function summariseItem(item: JsonValue, languages: readonly string[]): string {
  if (!isJsonObject(item)) return JSON.stringify(item);
  if ('value' in item && 'label' in item) return summariseValue(item, languages);
  const label = displayStringOf(item['label'], languages);
  const id = typeof item['id'] === 'string' ? item['id'] : '';
  return label ? `${label} <${id}>` : id;
}
