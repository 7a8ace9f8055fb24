/**
 * Find & replace across canvas labels, summaries and metadata, as plain text or a regular expression, in the
 * selected canvases or all of them. "Preview" lists every string that would change (untick the ones to keep);
 * "Replace" applies the ticked ones as one undo step. Planning runs on request, not per keystroke, because a
 * pathological regular expression can be slow and JavaScript cannot time one out.
 */
import { useState } from 'react';
import type { FindReplacePlan, FindTarget } from '../../../../shared/iiif/batch';
import { applyFindReplace, planFindReplace } from '../../../../shared/iiif/batch';
import { Dialog } from '../../components/Dialog';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';

const TARGETS: readonly { target: FindTarget; title: string }[] = [
  { target: 'label', title: 'Labels' },
  { target: 'summary', title: 'Summaries' },
  { target: 'metadataLabel', title: 'Metadata labels' },
  { target: 'metadataValue', title: 'Metadata values' },
];
const PREVIEW_ROWS = 100;

export function FindReplaceDialog({ selection, onClose }: { selection: readonly number[]; onClose(): void }) {
  const languages = useDisplayLanguages();
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [scope, setScope] = useState<'selection' | 'all'>(selection.length > 1 ? 'selection' : 'all');
  const [targets, setTargets] = useState<readonly FindTarget[]>(['label', 'metadataValue']);
  const [plan, setPlan] = useState<FindReplacePlan | null>(null);
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());

  const preview = () => {
    const doc = useAppStore.getState().doc;
    if (!doc) return;
    setSkipped(new Set());
    setPlan(
      planFindReplace(
        doc,
        { find, replace, regex, caseSensitive, scope: scope === 'all' ? 'all' : selection, targets },
        languages,
      ),
    );
  };
  // Any change to the query makes the preview stale: it must be run again before replacing.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPlan(null);
    };
  const chosen = plan ? plan.occurrences.filter((_, index) => !skipped.has(index)) : [];
  const apply = () => {
    const state = useAppStore.getState();
    if (!state.doc || !plan || chosen.length === 0) return;
    const next = applyFindReplace(state.doc, { ...plan, occurrences: chosen, count: chosen.length });
    state.commit(`Replace “${find}” (${chosen.length})`, next);
    state.showMessage({
      kind: 'info',
      text: `Replaced ${chosen.length} value${chosen.length === 1 ? '' : 's'} (one undo step).`,
    });
    onClose();
  };

  return (
    <Dialog
      title="Find and replace"
      onCancel={onClose}
      footer={
        <button type="button" onClick={preview} disabled={find === ''}>
          Preview
        </button>
      }
      primary={{
        label: chosen.length > 0 ? `Replace ${chosen.length}` : 'Replace',
        onClick: apply,
        disabled: chosen.length === 0,
      }}
    >
      <form
        className="wide-dialog find-replace"
        onSubmit={(event) => {
          event.preventDefault();
          preview();
        }}
      >
        <label className="inline-field">
          <span>Find</span>
          <input
            value={find}
            onChange={(e) => edit(setFind)(e.target.value)}
            aria-invalid={plan?.error !== undefined}
          />
        </label>
        <label className="inline-field">
          <span>Replace with</span>
          <input value={replace} onChange={(e) => edit(setReplace)(e.target.value)} />
        </label>
        <div className="form-row">
          <label>
            <input type="checkbox" checked={regex} onChange={(e) => edit(setRegex)(e.target.checked)} />{' '}
            Regular expression ($1 in the replacement)
          </label>
          <label>
            <input
              type="checkbox"
              checked={caseSensitive}
              onChange={(e) => edit(setCaseSensitive)(e.target.checked)}
            />{' '}
            Match case
          </label>
        </div>
        <fieldset className="inline-radios">
          <legend>Look in</legend>
          <label>
            <input
              type="radio"
              name="find-scope"
              checked={scope === 'selection'}
              disabled={selection.length === 0}
              onChange={() => edit(setScope)('selection')}
            />
            Selected canvases ({selection.length})
          </label>
          <label>
            <input
              type="radio"
              name="find-scope"
              checked={scope === 'all'}
              onChange={() => edit(setScope)('all')}
            />
            All canvases
          </label>
        </fieldset>
        <fieldset className="inline-radios">
          <legend>Fields</legend>
          {TARGETS.map(({ target, title }) => (
            <label key={target}>
              <input
                type="checkbox"
                checked={targets.includes(target)}
                onChange={(e) =>
                  edit(setTargets)(
                    e.target.checked ? [...targets, target] : targets.filter((t) => t !== target),
                  )
                }
              />
              {title}
            </label>
          ))}
        </fieldset>
        {/* Enter in a field runs the preview. */}
        <button type="submit" hidden />
      </form>
      <FindPreview plan={plan} skipped={skipped} setSkipped={setSkipped} />
    </Dialog>
  );
}

function FindPreview(props: {
  plan: FindReplacePlan | null;
  skipped: ReadonlySet<number>;
  setSkipped(next: ReadonlySet<number>): void;
}) {
  const { plan, skipped, setSkipped } = props;
  if (plan === null) return <p className="muted">Preview shows every change before anything is replaced.</p>;
  if (plan.error !== undefined)
    return (
      <p className="field-error" role="alert">
        {plan.error}
      </p>
    );
  return (
    <div className="change-preview wide-dialog">
      <p className="change-preview-status" role="status" data-testid="find-preview-count">
        {plan.count === 0
          ? 'Nothing found.'
          : `${plan.count} value${plan.count === 1 ? '' : 's'} in ${plan.canvasCount} canvas${plan.canvasCount === 1 ? '' : 'es'}.`}
      </p>
      {plan.count > 0 ? (
        <table className="change-table">
          <thead>
            <tr>
              <th scope="col">Replace</th>
              <th scope="col">Canvas</th>
              <th scope="col">Where</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {plan.occurrences.slice(0, PREVIEW_ROWS).map((occurrence, index) => (
              <tr key={index}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Replace in canvas ${occurrence.index + 1}, ${occurrence.target}`}
                    checked={!skipped.has(index)}
                    onChange={(e) => {
                      const next = new Set(skipped);
                      if (e.target.checked) next.delete(index);
                      else next.add(index);
                      setSkipped(next);
                    }}
                  />
                </td>
                <th scope="row">
                  {occurrence.index + 1}. {occurrence.canvasLabel}
                </th>
                <td>
                  {occurrence.metadataLabel ?? occurrence.target} ({occurrence.language})
                </td>
                <td>{occurrence.before}</td>
                <td>{occurrence.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plan.count > PREVIEW_ROWS ? (
        <p className="muted">
          …and {plan.count - PREVIEW_ROWS} more (all included unless you narrow the search).
        </p>
      ) : null}
    </div>
  );
}
