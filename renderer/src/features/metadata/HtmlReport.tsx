/**
 * A warning at the top of the properties panel when the document carries HTML the spec does not allow
 * (scripts, event handlers, javascript: links...): what would be removed and where. The values are only ever
 * displayed sanitised; saving keeps only the allowed HTML, and "Clean now" does it at once as one undo step.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useAppStore } from '../../store/store';
import { describeValuePath, documentHtmlWarnings, removeDisallowedHtml, removedKinds } from './html-cleaning';

const SHOWN = 8;

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
          ⚠ Disallowed HTML in {warnings.length} value{warnings.length === 1 ? '' : 's'}
        </strong>
        : {removedKinds(warnings).join(', ')}. It is never run or shown; saving keeps only the allowed HTML.
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
      <button type="button" className="small" onClick={() => removeDisallowedHtml()}>
        Clean now
      </button>
    </div>
  );
}
