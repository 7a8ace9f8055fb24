/**
 * A warning at the top of the properties panel when the document carries HTML the spec does not allow
 * (scripts, event handlers, javascript: links...): what would be removed and where. The values are only ever
 * displayed sanitised; saving writes them as they are (HTML nobody edited is not rewritten), and "Clean now"
 * removes what is not allowed, only when the person chooses, as one undo step.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useAppStore } from '../../store/store';
import { describeValuePath, documentHtmlWarnings, removeDisallowedHtml, removedKinds } from './html-cleaning';
import { Icon } from '../../components/icons';
import './metadata.css';

const SHOWN = 8;

function cleanNow() {
  const note = removeDisallowedHtml();
  if (note) useAppStore.getState().showMessage({ kind: 'info', text: note });
}

export function HtmlReport() {
  // Deferred: on a 10,000-canvas document the walk takes a moment, and typing must not wait for it.
  const doc = useDeferredValue(useAppStore((s) => s.doc));
  const warnings = useMemo(() => (doc ? documentHtmlWarnings(doc) : []), [doc]);
  const [expanded, setExpanded] = useState(false);
  if (warnings.length === 0) return null;
  const shown = expanded ? warnings : warnings.slice(0, SHOWN);
  return (
    <div className="html-report" role="alert" data-testid="html-report">
      <p>
        <strong>
          <Icon name="warning" /> Disallowed HTML in {warnings.length} value{warnings.length === 1 ? '' : 's'}
        </strong>
        : {removedKinds(warnings).join(', ')}. It is never run or shown, and stays in the file until you clean
        it.
      </p>
      <ul>
        {shown.map((warning, index) => (
          <li key={index}>
            {describeValuePath(warning.path)}: {warning.removed.join(', ')}
          </li>
        ))}
      </ul>
      {warnings.length > SHOWN ? (
        <button type="button" className="small" onClick={() => setExpanded((v) => !v)}>
          {expanded ? 'Show fewer' : `Show all ${warnings.length}`}
        </button>
      ) : null}{' '}
      <button type="button" className="small" onClick={cleanNow}>
        Clean now
      </button>
    </div>
  );
}
