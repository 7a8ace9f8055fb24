/**
 * Edit many canvases at once: choose a property and an action (set, add to, remove), fill in the value, see
 * how many canvases change and how each reads before and after, then apply as ONE undo step. Nothing touches
 * the document before "Apply".
 */
import { useMemo, useState } from 'react';
import type { BatchField } from '../../../../shared/iiif/batch';
import { applyBatchEdit, planBatchEdit, planBatchEdits } from '../../../../shared/iiif/batch';
import { Dialog } from '../../components/Dialog';
import { useDisplayLanguages, useEditingLanguage } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import { ACTION_TEXT, BATCH_FIELDS, fieldOption } from './batch-fields';
import type { BatchFormState } from './batch-form';
import { buildBatchOp, initialBatchForm, withField } from './batch-form';
import { BatchPreview } from './BatchPreview';
import { ValueFields } from './BatchValueFields';

export function BatchEditDialog({ indices, onClose }: { indices: readonly number[]; onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const languages = useDisplayLanguages();
  const editingLanguage = useEditingLanguage();
  const [form, setForm] = useState<BatchFormState>(() => initialBatchForm(editingLanguage));
  const option = fieldOption(form.field);
  const built = useMemo(() => buildBatchOp(form), [form]);
  const plan = useMemo(
    () =>
      doc && 'op' in built
        ? built.with
          ? planBatchEdits(doc, indices, [built.op, built.with], languages)
          : planBatchEdit(doc, indices, built.op, languages)
        : null,
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
    <Dialog
      title={`Edit ${indices.length} selected canvases`}
      onCancel={onClose}
      primary={{
        label: canApply ? `Apply to ${plan.count} canvases` : 'Apply',
        onClick: apply,
        disabled: !canApply,
      }}
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
    </Dialog>
  );
}
