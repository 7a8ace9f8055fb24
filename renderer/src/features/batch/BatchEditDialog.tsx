/**
 * Edit many canvases at once: choose a property and an action (set, add to, remove), fill in the value, see
 * how many canvases change and how each reads before and after, then apply as ONE undo step. Nothing touches
 * the document before "Apply".
 */
import { useMemo, useState } from 'react';
import type { BatchField } from '../../../../shared/iiif/batch';
import { applyBatchEdit, planBatchEdit } from '../../../../shared/iiif/batch';
import { Modal } from '../../components/Modal';
import { useDisplayLanguages, useEditingLanguage } from '../../components/language/display-language';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { LanguageTagInput } from '../../components/language/LanguageTagInput';
import { useAppStore } from '../../store/store';
import { BehaviorEditor } from '../metadata/BehaviorEditor';
import { behaviorOptions } from '../metadata/behaviors';
import { NavDateField } from '../metadata/NavDateField';
import { RightsField } from '../metadata/RightsField';
import type { BatchAction } from './batch-fields';
import { ACTION_TEXT, BATCH_FIELDS, fieldOption, summariseValue } from './batch-fields';
import type { BatchFormState } from './batch-form';
import {
  buildBatchOp,
  initialBatchForm,
  isResourceList,
  resourceNeedsLabel,
  resourceTypes,
  withField,
} from './batch-form';

const PREVIEW_ROWS = 40;

export function BatchEditDialog({ indices, onClose }: { indices: readonly number[]; onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const languages = useDisplayLanguages();
  const editingLanguage = useEditingLanguage();
  const [form, setForm] = useState<BatchFormState>(() => initialBatchForm(editingLanguage));
  const option = fieldOption(form.field);
  const built = useMemo(() => buildBatchOp(form), [form]);
  const plan = useMemo(
    () => (doc && 'op' in built ? planBatchEdit(doc, indices, built.op, languages) : null),
    [doc, indices, built, languages],
  );
  const update = (change: Partial<BatchFormState>) => setForm((current) => ({ ...current, ...change }));
  const canApply = plan !== null && plan.error === undefined && plan.count > 0;

  const apply = () => {
    const state = useAppStore.getState();
    if (!state.doc || !plan || !canApply) return;
    const next = applyBatchEdit(state.doc, plan);
    const what = `${ACTION_TEXT[form.action].toLowerCase()} ${option.title.toLowerCase()}`;
    state.commit(`Batch edit: ${what} on ${plan.count} canvases`, next);
    state.showMessage({
      kind: 'info',
      text: `Changed ${option.title.toLowerCase()} on ${plan.count} canvases (one undo step).`,
    });
    onClose();
  };

  return (
    <Modal
      title={`Edit ${indices.length} selected canvases`}
      onCancel={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!canApply} onClick={apply}>
            {canApply ? `Apply to ${plan.count} canvases` : 'Apply'}
          </button>
        </>
      }
    >
      <div className="wide-dialog batch-dialog">
        <div className="form-row">
          <label>
            Property{' '}
            <select
              value={form.field}
              onChange={(event) => {
                const field = event.target.value as BatchField;
                setForm((current) => withField(current, field, fieldOption(field).actions));
              }}
            >
              {BATCH_FIELDS.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.title}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="inline-radios">
            <legend>Action</legend>
            {option.actions.map((action) => (
              <label key={action}>
                <input
                  type="radio"
                  name="batch-action"
                  value={action}
                  checked={form.action === action}
                  onChange={() => update({ action })}
                />
                {ACTION_TEXT[action]}
              </label>
            ))}
          </fieldset>
        </div>
        <ValueFields form={form} update={update} />
        <BatchPreview plan={plan} missing={'missing' in built ? built.missing : null} languages={languages} />
      </div>
    </Modal>
  );
}

function ValueFields({
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

function BatchPreview(props: {
  plan: ReturnType<typeof planBatchEdit> | null;
  missing: string | null;
  languages: readonly string[];
}) {
  const { plan, missing, languages } = props;
  if (missing !== null)
    return (
      <p className="change-preview-status" role="status">
        {missing}
      </p>
    );
  if (plan === null) return null;
  if (plan.error !== undefined)
    return (
      <p className="field-error" role="alert">
        {plan.error}
      </p>
    );
  const action: BatchAction = plan.op.action;
  return (
    <div className="change-preview">
      <p className="change-preview-status" role="status" data-testid="batch-preview-count">
        {plan.count === 0
          ? 'No canvas would change.'
          : `${plan.count} canvas${plan.count === 1 ? '' : 'es'} will change (${ACTION_TEXT[action].toLowerCase()}).`}
      </p>
      {plan.notices.map((notice) => (
        <p key={notice} className="field-notice">
          {notice}
        </p>
      ))}
      {plan.count > 0 ? (
        <table className="change-table">
          <thead>
            <tr>
              <th scope="col">Canvas</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.slice(0, PREVIEW_ROWS).map((change) => (
              <tr key={change.index}>
                <th scope="row">
                  {change.index + 1}. {change.label}
                </th>
                <td>{summariseValue(change.before, languages)}</td>
                <td>{summariseValue(change.after, languages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plan.count > PREVIEW_ROWS ? <p className="muted">…and {plan.count - PREVIEW_ROWS} more.</p> : null}
    </div>
  );
}
