/**
 * The batch editor's form as plain data, and the one function that turns it into a shared/iiif/batch
 * operation (or says what is still missing). Keeping this pure lets the dialog stay a thin view and lets the
 * tests check every field/action combination without rendering anything.
 */
import type { BatchField, BatchOp, ResourceListField } from '../../../../shared/iiif/batch';
import type { JsonObject } from '../../../../shared/iiif/json';
import type { LanguageMap } from '../../../../shared/iiif/language';
import { isEmptyLanguageMap } from '../../../../shared/iiif/language';
import { createIdMinter, PLACEHOLDER_BASE_URI } from '../../../../shared/iiif/document/mint-ids';
import type { PlaceKind } from '../../../../shared/iiif/place';
import { addPlaceFeature, parsePositions } from '../../../../shared/iiif/place';
import { LINKED_SPECS, newLinkedItem, uriProblem } from '../metadata/linked-resources';
import type { BatchAction } from './batch-fields';

export interface BatchFormState {
  readonly field: BatchField;
  readonly action: BatchAction;
  /** label / summary "set": the whole new map. */
  readonly map: LanguageMap;
  /** Language of `text` and `label`. */
  readonly language: string;
  /** The value: text to add, a metadata or statement value, a rights URI, a resource URI, a behavior. */
  readonly text: string;
  /** A metadata entry's label, a statement's label, a linked resource's label. */
  readonly label: string;
  /** Metadata only: the value's language when it differs from the label's ('' = the same). */
  readonly valueLanguage: string;
  readonly resourceType: string;
  /** navDate "set": the composed xsd:dateTime ('' until the date is complete). */
  readonly navDate: string;
  /** behavior "set": the complete list. */
  readonly behaviors: readonly string[];
  /** navPlace "set": one place, typed (the label is `label`, in `language`). */
  readonly placeKind: PlaceKind;
  readonly placePositions: string;
  /** navPlace "set": a navDate set on the same canvases in the same step ('' = none). */
  readonly placeDate: string;
}

export function initialBatchForm(language: string): BatchFormState {
  return {
    field: 'requiredStatement',
    action: 'set',
    map: {},
    language,
    text: '',
    label: 'Attribution',
    valueLanguage: '',
    resourceType: '',
    navDate: '',
    behaviors: [],
    placeKind: 'Point',
    placePositions: '',
    placeDate: '',
  };
}

/** Switching field keeps what was typed where it still makes sense, and picks a valid action and type. */
export function withField(
  state: BatchFormState,
  field: BatchField,
  actions: readonly BatchAction[],
): BatchFormState {
  const action = actions.includes(state.action) ? state.action : (actions[0] ?? 'set');
  const resourceType = isResourceList(field) ? (resourceTypes(field)[0] ?? '') : '';
  const label = field === 'requiredStatement' ? 'Attribution' : field === state.field ? state.label : '';
  return { ...state, field, action, resourceType, label };
}

export function isResourceList(field: BatchField): field is ResourceListField {
  return ['provider', 'homepage', 'seeAlso', 'rendering', 'thumbnail', 'partOf'].includes(field);
}

export function resourceTypes(field: ResourceListField): readonly string[] {
  return field === 'provider' ? ['Agent'] : LINKED_SPECS[field].types;
}

/** Whether a new item of this list needs a label (homepage, rendering, and a provider's name). */
export function resourceNeedsLabel(field: ResourceListField): boolean {
  return field === 'provider' || LINKED_SPECS[field].label === 'required';
}

/** `with`: a second operation applied in the same step (navPlace's date). */
export type BuiltOp = { readonly op: BatchOp; readonly with?: BatchOp } | { readonly missing: string };

export function buildBatchOp(state: BatchFormState): BuiltOp {
  const { field, action, language } = state;
  const text = state.text.trim();
  const label = state.label.trim();
  const need = (missing: string): BuiltOp => ({ missing });
  switch (field) {
    case 'label':
    case 'summary':
      if (action === 'set')
        return isEmptyLanguageMap(state.map)
          ? need(`Type the new ${field}.`)
          : { op: { field, action, value: state.map } };
      if (action === 'append')
        return text === '' ? need('Type the text to add.') : { op: { field, action, language, value: text } };
      return { op: state.language.trim() === '' ? { field, action } : { field, action, language } };
    case 'metadata':
      if (label === '') return need('Type the label of the metadata entry.');
      if (action === 'remove')
        return { op: language.trim() === '' ? { field, action, label } : { field, action, label, language } };
      if (text === '') return need('Type the value.');
      return {
        op: {
          field,
          action,
          label,
          language,
          value: text,
          ...(state.valueLanguage.trim() !== '' ? { valueLanguage: state.valueLanguage.trim() } : {}),
        },
      };
    case 'requiredStatement':
      if (action === 'remove') return { op: { field, action } };
      if (label === '' || text === '') return need('Type both the statement’s label and its value.');
      if (action === 'set')
        return {
          op: { field, action, value: { label: { [language]: [label] }, value: { [language]: [text] } } },
        };
      return { op: { field, action, language, value: text, label: { [language]: [label] } } };
    case 'rights':
      if (action === 'remove') return { op: { field, action: 'remove' } };
      return text === ''
        ? need('Choose a licence or statement.')
        : { op: { field, action: 'set', value: text } };
    case 'navDate':
      if (action === 'remove') return { op: { field, action: 'remove' } };
      return state.navDate === ''
        ? need('Give a complete date.')
        : { op: { field, action: 'set', value: state.navDate } };
    case 'navPlace': {
      if (action === 'remove') return { op: { field, action: 'remove' } };
      const typed = parsePositions(state.placePositions);
      if ('error' in typed) return need(typed.error);
      const labelMap = label === '' ? undefined : { [language]: [label] };
      // The ids minted here are placeholders: each canvas's copy gets its own (shared/iiif/batch).
      const place = addPlaceFeature(
        undefined,
        { kind: state.placeKind, positions: typed.positions, label: labelMap },
        createIdMinter(PLACEHOLDER_BASE_URI, new Set()),
      );
      if ('error' in place) return need(place.error);
      if (place.value === undefined) return need('Give a place.');
      const op: BatchOp = { field, action: 'set', value: place.value };
      return state.placeDate === ''
        ? { op }
        : { op, with: { field: 'navDate', action: 'set', value: state.placeDate } };
    }
    case 'behavior':
      if (action === 'set') return { op: { field, action, value: state.behaviors } };
      if (action === 'append')
        return text === '' ? need('Choose a behavior.') : { op: { field, action, value: text } };
      return { op: text === '' ? { field, action } : { field, action, value: text } };
    default: {
      if (!isResourceList(field)) return need('Choose a property.');
      if (action === 'remove') return { op: text === '' ? { field, action } : { field, action, id: text } };
      const problem = uriProblem(text);
      if (problem !== null) return need(problem);
      if (resourceNeedsLabel(field) && label === '') return need('Type a label for it.');
      const item: JsonObject = newLinkedItem({ id: text, type: state.resourceType, label, language });
      return { op: action === 'set' ? { field, action, value: [item] } : { field, action, value: item } };
    }
  }
}
