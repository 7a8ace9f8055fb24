/**
 * The validation panel: findings live while editing, grouped by resource. Clicking a finding selects its canvas
 * and focuses the field it is about; a certain fix is one click (one undo step), and "fix all" applies every fix
 * of that kind at once (also one step).
 */
import { useMemo } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { applyAllOfKind, applyFix, describeFix } from '../../../../shared/iiif/validation/fixes';
import type { Finding } from '../../../../shared/iiif/validation/types';
import { useAppStore } from '../../store/store';
import { countBySeverity, groupFindings } from './use-findings';
import { Icon } from '../../components/icons';
import './validation.css';

/**
 * Moves focus to the editor of the property a finding is about: in the canvas's or the manifest's section of the
 * properties panel, opening its collapsed group first (closed <details> hide their fields from focus).
 */
function focusField(finding: Finding) {
  const [first, second, third] = finding.path;
  const onCanvas = first === 'items' && typeof second === 'number';
  const property = onCanvas ? third : first;
  if (typeof property !== 'string') return;
  requestAnimationFrame(() => {
    const scope = document.querySelector(`[data-resource="${onCanvas ? 'canvas' : 'manifest'}"]`) ?? document;
    const field = scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(property)}"]`);
    if (!field) return;
    const group = field.closest('details');
    if (group && !group.open) group.open = true;
    const target = field.querySelector<HTMLElement>('input, select, textarea, button') ?? field;
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  });
}

function select(finding: Finding) {
  const [first, second] = finding.path;
  if (first === 'items' && typeof second === 'number') useAppStore.getState().selectOnly(second);
  focusField(finding);
}

export function ValidationPanel({ findings }: { findings: readonly Finding[] }) {
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = countBySeverity(findings);
  const fixKinds = useMemo(() => {
    const kinds = new Map<string, { code: string; fix: NonNullable<Finding['fix']>; count: number }>();
    for (const f of findings) {
      if (!f.fix) continue;
      const entry = kinds.get(f.code) ?? { code: f.code, fix: f.fix, count: 0 };
      entry.count++;
      kinds.set(f.code, entry);
    }
    return [...kinds.values()].filter((k) => k.count > 1);
  }, [findings]);

  const fixOne = (finding: Finding) => {
    const { doc, commit } = useAppStore.getState();
    if (!doc) return;
    commit(
      `Fix: ${describeFix(finding.fix as NonNullable<Finding['fix']>)}`,
      applyFix(doc, finding) as JsonObject,
    );
  };
  const fixAll = (code: string, fix: NonNullable<Finding['fix']>) => {
    const { doc, commit } = useAppStore.getState();
    if (!doc) return;
    commit(`Fix all: ${describeFix(fix)}`, applyAllOfKind(doc, code) as JsonObject);
  };

  return (
    <section className="validation-panel" aria-label="Validation" data-testid="validation-panel">
      <header className="validation-summary" aria-live="polite">
        <strong>Validation</strong>
        <span data-testid="validation-errors">{counts.errors} errors</span>
        <span>{counts.warnings} warnings</span>
        <span>{counts.infos} notes</span>
        {fixKinds.map((k) => (
          <button key={k.code} type="button" onClick={() => fixAll(k.code, k.fix)}>
            Fix all {k.count}: {describeFix(k.fix)}
          </button>
        ))}
      </header>
      {findings.length === 0 ? (
        <p className="muted">No problems found: this document follows the specification.</p>
      ) : null}
      {groups.map((group) => (
        <div key={group.key} className="finding-group">
          <h3>{group.title}</h3>
          <ul>
            {group.findings.map((finding, i) => (
              <li key={`${finding.code}:${finding.pathText}:${i}`} className={`finding ${finding.severity}`}>
                <button type="button" className="finding-jump" onClick={() => select(finding)}>
                  <Icon name={finding.severity} label={finding.severity} /> {finding.message}{' '}
                  <code>{finding.pathText}</code>
                </button>
                {finding.fix ? (
                  <button type="button" onClick={() => fixOne(finding)}>
                    Fix: {describeFix(finding.fix)}
                  </button>
                ) : null}
                <a href={finding.specUrl} target="_blank" rel="noopener noreferrer">
                  spec
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
