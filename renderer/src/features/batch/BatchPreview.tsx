/**
 * The batch editor's preview: how many canvases change, notices (a normalised rights URI), and each canvas's
 * value before and after, or what is still missing, or why the operation is refused.
 */
import type { BatchPlan } from '../../../../shared/iiif/batch';
import type { BatchAction } from './batch-fields';
import { ACTION_TEXT, summariseValue } from './batch-fields';

const PREVIEW_ROWS = 40;

export function BatchPreview(props: {
  plan: BatchPlan | null;
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
  // A plan may set two properties together (a place and its date): then each row names its property.
  const several = new Set(plan.changes.map((change) => change.field)).size > 1;
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
              {several ? <th scope="col">Property</th> : null}
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.slice(0, PREVIEW_ROWS).map((change) => (
              <tr key={`${change.index}:${change.field}`}>
                <th scope="row">
                  {change.index + 1}. {change.label}
                </th>
                {several ? <td>{change.field}</td> : null}
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
