/**
 * A text input whose value reaches the document only while it is valid (a URI, a media type): every valid
 * keystroke is committed (coalesced by the binding into one undo step), an invalid draft stays on screen with
 * its error, announced once the person leaves the field or presses Enter.
 */
import { useId, useState } from 'react';
import type { ChangeHandler } from '../../components/language/editor-types';
import './metadata.css';

interface Props {
  label: string;
  value: string;
  onChange: ChangeHandler<string>;
  check(text: string): string | null;
  placeholder?: string;
  testId?: string;
  /** Extra guidance under the field (not an error). */
  hint?: string | null;
}

export function CheckedInput({ label, value, onChange, check, placeholder, testId, hint }: Props) {
  const messageId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The document changed from elsewhere (undo, another editor): drop the draft.
    setShown(value);
    setDraft(null);
  }
  const [touched, setTouched] = useState(false);
  const text = draft ?? value;
  const problem = draft === null ? null : check(draft);
  const visibleProblem = touched ? problem : null;
  return (
    <span className="checked-input">
      <input
        value={text}
        aria-label={label}
        aria-invalid={visibleProblem !== null}
        aria-describedby={visibleProblem !== null || hint ? messageId : undefined}
        placeholder={placeholder}
        data-testid={testId}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (check(next) === null && next.trim() !== value) {
            setShown(next.trim());
            onChange(next.trim(), 'typing');
          }
        }}
        onBlur={() => setTouched(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setTouched(true);
        }}
      />
      {visibleProblem !== null ? (
        <span id={messageId} className="field-error" role="alert">
          {visibleProblem}
        </span>
      ) : hint ? (
        <span id={messageId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </span>
  );
}
