/**
 * What happens to HTML in one value: nothing for plain text; for HTML, a cleaned preview and, when the
 * sanitiser had to remove something, a warning naming it ("script element, onerror attribute"). Labels may
 * not carry HTML at all, so for them any HTML is pointed out.
 */
import { useMemo } from 'react';
import { isHtmlValue, sanitizeValue } from '../../../../shared/iiif/html';
import { SafeHtml } from './SafeHtml';
import { Icon } from '../icons';
import './language.css';

export function HtmlNotice({ value, htmlAllowed }: { value: string; htmlAllowed: boolean }) {
  const result = useMemo(() => (isHtmlValue(value) ? sanitizeValue(value) : null), [value]);
  if (result === null) return null;
  return (
    <div className="html-notice">
      {result.changed ? (
        <p className="field-warning" role="status" data-testid="html-warning">
          <Icon name="warning" /> Unsafe or disallowed HTML (never run or shown): {result.removed.join(', ')}.
        </p>
      ) : null}
      {htmlAllowed ? (
        <p className="html-preview">
          <span className="muted">Shown as: </span>
          <SafeHtml value={value} />
        </p>
      ) : (
        <p className="field-warning">Labels are plain text: viewers may show this markup as typed.</p>
      )}
    </div>
  );
}
