/**
 * The preview of a spreadsheet import: every cell that would change (before → after) and every problem found
 * (rows skipped, unknown columns, refused values). Nothing is applied until "Apply"; then all the changes are
 * one undo step.
 */
import { applyCsvImport, type CsvImportPlan } from '../../../../shared/iiif/csv';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { Icon } from '../../components/icons';
import './spreadsheet.css';

const PREVIEW_ROWS = 200;

export function CsvImportDialog(props: { plan: CsvImportPlan; fileName: string; onClose(): void }) {
  const { plan, fileName, onClose } = props;
  const errors = plan.problems.filter((p) => p.severity === 'error');
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  const count = plan.changes.length;
  const apply = () => {
    const state = useAppStore.getState();
    if (!state.doc || count === 0) return;
    const next = applyCsvImport(state.doc, plan);
    state.commit(`Import ${fileName}`, next);
    state.showMessage({
      kind: 'info',
      text: `Imported ${fileName}: ${count} change${count === 1 ? '' : 's'} on ${plan.canvasCount} canvas${plan.canvasCount === 1 ? '' : 'es'} (one undo step).`,
    });
    onClose();
  };
  return (
    <Dialog
      title={`Import ${fileName}`}
      onCancel={onClose}
      primary={{
        label: count === 0 ? 'Nothing to apply' : `Apply ${count} change${count === 1 ? '' : 's'}`,
        onClick: apply,
        disabled: count === 0,
      }}
    >
      <div className="wide-dialog csv-import">
        <p role="status" data-testid="csv-import-summary">
          {count === 0
            ? 'The file changes nothing.'
            : `${count} change${count === 1 ? '' : 's'} on ${plan.canvasCount} canvas${plan.canvasCount === 1 ? '' : 'es'}.`}{' '}
          {errors.length > 0
            ? `${errors.length} problem${errors.length === 1 ? '' : 's'} (those cells or rows are skipped).`
            : ''}
          {warnings.length > 0 ? ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.` : ''}
        </p>
        {plan.problems.length > 0 ? (
          <ul className="problem-list" aria-label="Problems" data-testid="csv-problems">
            {plan.problems.map((problem, index) => (
              <li key={index} className={problem.severity}>
                <Icon
                  name={problem.severity === 'error' ? 'error' : 'warning'}
                  label={problem.severity === 'error' ? 'Error:' : 'Warning:'}
                />{' '}
                Row {problem.row}
                {problem.column ? `, ${problem.column}` : ''}: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
        {count > 0 ? (
          <table className="change-table" aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Canvas</th>
                <th scope="col">Column</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.slice(0, PREVIEW_ROWS).map((change, index) => (
                <tr key={index}>
                  <td>{change.row}</td>
                  <th scope="row">
                    {change.index + 1}. {change.canvasLabel}
                  </th>
                  <td>
                    <code>{change.header}</code>
                  </td>
                  <td className="pre">{change.before || '—'}</td>
                  <td className="pre">{change.after || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {count > PREVIEW_ROWS ? <p className="muted">…and {count - PREVIEW_ROWS} more.</p> : null}
      </div>
    </Dialog>
  );
}
