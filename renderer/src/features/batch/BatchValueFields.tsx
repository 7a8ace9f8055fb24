/**
 * The value part of the batch editor's form: what to type or choose for the property and action picked. Only
 * edits the form state; turning it into an operation is batch-form.ts's job.
 */
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { LanguageTagInput } from '../../components/language/LanguageTagInput';
import { BehaviorEditor } from '../metadata/BehaviorEditor';
import { behaviorOptions } from '../metadata/behaviors';
import { NavDateField } from '../metadata/NavDateField';
import { RightsField } from '../metadata/RightsField';
import type { PlaceKind } from '../../../../shared/iiif/place';
import { KIND_TEXT, PLACE_KINDS } from '../../../../shared/iiif/place';
import type { BatchFormState } from './batch-form';
import { isResourceList, resourceNeedsLabel, resourceTypes } from './batch-form';

export function ValueFields({
  form,
  update,
}: {
  form: BatchFormState;
  update(change: Partial<BatchFormState>): void;
}) {
  const { field, action } = form;
  const languageInput = (label: string, key: 'language' | 'valueLanguage' = 'language') => (
    <label className="inline-field">
      <span>{label}</span>
      <LanguageTagInput
        value={form[key]}
        label={label}
        error={null}
        onChange={(text) => update({ [key]: text })}
      />
    </label>
  );
  const textInput = (label: string, key: 'text' | 'label', placeholder?: string) => (
    <label className="inline-field">
      <span>{label}</span>
      <input
        value={form[key]}
        placeholder={placeholder}
        onChange={(event) => update({ [key]: event.target.value })}
      />
    </label>
  );

  if (field === 'label' || field === 'summary') {
    if (action === 'set')
      return (
        <LanguageMapEditor
          label={`New ${field}`}
          value={form.map}
          multiline={field === 'summary'}
          htmlAllowed={field === 'summary'}
          defaultLanguage={form.language}
          onChange={(map) => update({ map: map ?? {} })}
        />
      );
    if (action === 'append')
      return (
        <>
          {languageInput('Language')}
          {textInput('Text to add', 'text')}
        </>
      );
    return (
      <>
        {languageInput('Language to remove')}
        <p className="field-hint">Leave the language empty to remove the whole {field}.</p>
      </>
    );
  }
  if (field === 'metadata') {
    return (
      <>
        {textInput('Entry label', 'label', 'e.g. Date')}
        {languageInput(action === 'remove' ? 'Label language (empty: any)' : 'Label language')}
        {action !== 'remove' ? (
          <>
            {textInput('Value', 'text')}
            {languageInput('Value language (empty: same)', 'valueLanguage')}
          </>
        ) : null}
      </>
    );
  }
  if (field === 'requiredStatement') {
    if (action === 'remove')
      return <p className="field-hint">Removes the required statement from each canvas.</p>;
    return (
      <>
        {textInput('Statement label', 'label')}
        {textInput('Statement value', 'text', 'Provided by …')}
        {languageInput('Statement language')}
        {action === 'append' ? (
          <p className="field-hint">
            Adds the value to an existing statement; the label is used where there is none.
          </p>
        ) : null}
      </>
    );
  }
  if (field === 'rights') {
    if (action === 'remove') return <p className="field-hint">Removes the rights URI from each canvas.</p>;
    return <RightsField value={form.text || undefined} onChange={(uri) => update({ text: uri ?? '' })} />;
  }
  if (field === 'navDate') {
    if (action === 'remove')
      return <p className="field-hint">Removes the navigation date from each canvas.</p>;
    return (
      <NavDateField
        value={form.navDate || undefined}
        onChange={(value) => update({ navDate: value ?? '' })}
      />
    );
  }
  if (field === 'navPlace') {
    if (action === 'remove') return <p className="field-hint">Removes the place from each canvas.</p>;
    return (
      <>
        <label className="inline-field">
          <span>Kind of place</span>
          <select
            value={form.placeKind}
            onChange={(event) => update({ placeKind: event.target.value as PlaceKind })}
          >
            {PLACE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_TEXT[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Positions: longitude, latitude; one per line</span>
          <textarea
            className="place-positions"
            value={form.placePositions}
            placeholder="2.35, 48.85"
            onChange={(event) => update({ placePositions: event.target.value })}
          />
        </label>
        {textInput('Place label', 'label')}
        {languageInput('Place label language')}
        <fieldset>
          <legend>Navigation date too (optional, in the same step)</legend>
          <NavDateField
            owner="Place"
            value={form.placeDate || undefined}
            onChange={(value) => update({ placeDate: value ?? '' })}
          />
        </fieldset>
        <p className="field-hint">Each canvas gets its own copy of the place, with ids of its own.</p>
      </>
    );
  }
  if (field === 'behavior') {
    if (action === 'set')
      return (
        <BehaviorEditor
          host="Canvas"
          value={[...form.behaviors]}
          onChange={(next) => update({ behaviors: next ?? [] })}
        />
      );
    return (
      <label className="inline-field">
        <span>Behavior</span>
        <select value={form.text} onChange={(event) => update({ text: event.target.value })}>
          <option value="">{action === 'remove' ? 'All behaviors' : 'Choose…'}</option>
          {behaviorOptions('Canvas').map((option) => (
            <option key={option.value} value={option.value}>
              {option.value}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (isResourceList(field)) {
    if (action === 'remove')
      return (
        <>
          {textInput('URI to remove', 'text', 'https://… (empty: remove all)')}
          <p className="field-hint">Leave the URI empty to remove the whole property.</p>
        </>
      );
    const types = resourceTypes(field);
    return (
      <>
        {textInput('URI', 'text', 'https://…')}
        {types.length > 1 ? (
          <label className="inline-field">
            <span>Type</span>
            <select
              value={form.resourceType}
              onChange={(event) => update({ resourceType: event.target.value })}
            >
              {types.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          </label>
        ) : null}
        {textInput(resourceNeedsLabel(field) ? 'Label (required)' : 'Label', 'label')}
        {languageInput('Label language')}
      </>
    );
  }
  return null;
}
