/**
 * Bulk relabelling of the selected canvases or all of them: pagination, foliation, roman numerals or plain
 * text, with prefix, suffix, start number and language. The preview shows exactly what Apply will do (it is
 * the same plan, from shared/iiif/relabel), and Apply commits it as one undo step.
 */
import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { COMMON_LANGUAGES } from '../../../../shared/iiif/language';
import { applyRelabel, labelLanguageOf, planRelabel } from '../../../../shared/iiif/relabel';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { announce, canvasCount } from '../canvases/announcer';
import { sortedIndices } from '../canvases/order-math';
import {
  initialForm,
  initialScope,
  relabelOptionsOf,
  SCHEMES,
  type RelabelForm,
  type RelabelScope,
} from './relabel-form';
import './relabel.css';

/** Rows shown in the preview; the summary line gives the full count. */
const PREVIEW_ROWS = 200;

type Plan = ReturnType<typeof planRelabel>;

function canvasesIn(doc: JsonObject | null, selected: ReadonlySet<number>, scope: RelabelScope) {
  const total = Array.isArray(doc?.['items']) ? doc['items'].length : 0;
  return scope === 'all' ? 'all' : sortedIndices(selected, total);
}

function planFor(doc: JsonObject | null, selected: ReadonlySet<number>, form: RelabelForm): Plan {
  if (!doc) return { changes: [], count: 0, error: 'No document is open.' };
  const parsed = relabelOptionsOf(form);
  if ('error' in parsed) return { changes: [], count: 0, error: parsed.error };
  return planRelabel(doc, canvasesIn(doc, selected, form.scope), parsed.options);
}

export function RelabelDialog({ onClose }: { onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const selected = useAppStore((s) => s.selected);
  const labelLanguage = (scope: RelabelScope) =>
    doc ? labelLanguageOf(doc, canvasesIn(doc, selected, scope)) : 'none';
  const [form, setForm] = useState<RelabelForm>(() =>
    initialForm(selected.size, labelLanguage(initialScope(selected.size))),
  );
  /** Until the language is typed in, it follows the labels of the canvases in scope. */
  const [languageChosen, setLanguageChosen] = useState(false);
  const update = (patch: Partial<RelabelForm>) => setForm((current) => ({ ...current, ...patch }));
  const setScope = (scope: RelabelScope) =>
    update(languageChosen ? { scope } : { scope, language: labelLanguage(scope) });
  // Planning 10k labels takes a few milliseconds: typing stays responsive, the preview follows.
  const planned = useDeferredValue(form);
  const canvasTotal = Array.isArray(doc?.['items']) ? doc['items'].length : 0;

  const plan = useMemo(() => planFor(doc, selected, planned), [doc, selected, planned]);

  const apply = () => {
    // The preview may lag the form by a render: apply exactly what the form says now.
    const final = planned === form ? plan : planFor(doc, selected, form);
    if (!doc || final.error !== undefined || final.count === 0) return;
    useAppStore.getState().commit(`Relabel ${canvasCount(final.count)}`, applyRelabel(doc, final));
    announce(`Relabelled ${canvasCount(final.count)}.`);
    onClose();
  };
  const canApply = plan.error === undefined && plan.count > 0;
  // Enter anywhere in the form applies (radio buttons and checkboxes do not submit forms by themselves).
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || (event.target as HTMLElement).tagName === 'BUTTON') return;
    event.preventDefault();
    apply();
  };

  return (
    <Dialog
      title="Relabel canvases"
      onCancel={onClose}
      primary={{ label: `Apply to ${canvasCount(plan.count)}`, form: 'relabel-form', disabled: !canApply }}
    >
      <form
        id="relabel-form"
        className="relabel-form"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <fieldset>
          <legend>Canvases</legend>
          <label>
            <input
              type="radio"
              name="relabel-scope"
              checked={form.scope === 'all'}
              onChange={() => setScope('all')}
            />
            All canvases ({canvasTotal.toLocaleString('en')})
          </label>
          <label>
            <input
              type="radio"
              name="relabel-scope"
              checked={form.scope === 'selected'}
              disabled={selected.size === 0}
              onChange={() => setScope('selected')}
            />
            Selected canvases ({selected.size.toLocaleString('en')})
          </label>
        </fieldset>
        <fieldset>
          <legend>Numbering</legend>
          {SCHEMES.map((scheme) => (
            <label key={scheme.value}>
              <input
                type="radio"
                name="relabel-scheme"
                checked={form.scheme === scheme.value}
                onChange={() => update({ scheme: scheme.value })}
              />
              {scheme.name} <span className="muted-inline">({scheme.example})</span>
            </label>
          ))}
        </fieldset>
        <div className="relabel-fields">
          {form.scheme !== 'plain' ? (
            <label className="field">
              Start at
              <input
                inputMode="numeric"
                value={form.start}
                onChange={(event) => update({ start: event.target.value })}
              />
            </label>
          ) : null}
          {form.scheme === 'foliation' ? (
            <fieldset className="inline">
              <legend>First side</legend>
              {(['r', 'v'] as const).map((side) => (
                <label key={side}>
                  <input
                    type="radio"
                    name="relabel-side"
                    checked={form.startSide === side}
                    onChange={() => update({ startSide: side })}
                  />
                  {side === 'r' ? 'recto (r)' : 'verso (v)'}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="field">
            Prefix
            <input value={form.prefix} onChange={(event) => update({ prefix: event.target.value })} />
          </label>
          <label className="field">
            Suffix
            <input value={form.suffix} onChange={(event) => update({ suffix: event.target.value })} />
          </label>
          <label className="field">
            Language
            <input
              list="relabel-languages"
              value={form.language}
              onChange={(event) => {
                setLanguageChosen(true);
                update({ language: event.target.value });
              }}
            />
            <datalist id="relabel-languages">
              {COMMON_LANGUAGES.map((language) => (
                <option key={language.tag} value={language.tag}>
                  {language.name}
                </option>
              ))}
            </datalist>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.keepOtherLanguages}
              onChange={(event) => update({ keepOtherLanguages: event.target.checked })}
            />
            Keep labels in other languages
          </label>
        </div>
        <RelabelPreview plan={plan} />
      </form>
    </Dialog>
  );
}

function RelabelPreview({ plan }: { plan: Plan }) {
  if (plan.error !== undefined) {
    return (
      <p role="alert" className="error">
        {plan.error}
      </p>
    );
  }
  const shown = plan.changes.slice(0, PREVIEW_ROWS);
  const losing = plan.changes.filter((change) => change.removed.length > 0);
  const lostLanguages = [...new Set(losing.flatMap((change) => change.removed.map((r) => r.language)))];
  return (
    <section aria-label="Preview" className="relabel-preview">
      <p aria-live="polite" data-testid="relabel-summary">
        {plan.count === 0
          ? 'No label would change.'
          : `${canvasCount(plan.count)} will be relabelled${plan.count > shown.length ? `; the first ${shown.length} are shown` : ''}.`}
      </p>
      {losing.length > 0 ? (
        <p className="field-warning" data-testid="relabel-removed">
          {`The labels in ${lostLanguages.join(', ')} of ${canvasCount(losing.length)} will be removed. `}
          Check “Keep labels in other languages” to keep them.
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div className="preview-table boxed relabel-preview-table" tabIndex={0} aria-label="Label changes">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Now</th>
                <th scope="col">After</th>
                {losing.length > 0 ? <th scope="col">Removed</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((change) => (
                <tr key={change.index}>
                  <td>{change.index + 1}</td>
                  <td>{change.before || '—'}</td>
                  <td>{change.after}</td>
                  {losing.length > 0 ? (
                    <td>{change.removed.map((r) => `${r.language}: ${r.value}`).join('; ') || '—'}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
