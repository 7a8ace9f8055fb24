/**
 * A BCP 47 language tag field: suggestions from the common list (a shared <datalist>, see LanguageOptions),
 * any other well-formed tag typed by hand. The check result is tied to the input with aria-describedby, and an
 * error is announced as it appears.
 */
import { useId } from 'react';
import { COMMON_LANGUAGES } from '../../../../shared/iiif/language';
import './language.css';

export const LANGUAGE_OPTIONS_ID = 'tessera-language-options';

/** Render once per page: every LanguageTagInput suggests from it. */
export function LanguageOptions() {
  return (
    <datalist id={LANGUAGE_OPTIONS_ID}>
      {COMMON_LANGUAGES.map((option) => (
        <option key={option.tag} value={option.tag}>
          {option.name}
          {option.nativeName !== option.name && option.nativeName !== '—' ? ` (${option.nativeName})` : ''}
        </option>
      ))}
    </datalist>
  );
}

interface Props {
  value: string;
  onChange(text: string): void;
  /** Accessible name, e.g. "New language for Label". */
  label: string;
  error: string | null;
  warnings?: readonly string[];
  onEnter?(): void;
  onEscape?(): void;
  onBlur?(): void;
  autoFocus?: boolean;
  className?: string;
}

export function LanguageTagInput(props: Props) {
  const { value, onChange, label, error, warnings = [], onEnter, onEscape, onBlur, autoFocus } = props;
  const messageId = useId();
  const hasMessage = error !== null || warnings.length > 0;
  return (
    <span className={`language-tag ${props.className ?? ''}`}>
      <input
        value={value}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={hasMessage ? messageId : undefined}
        list={LANGUAGE_OPTIONS_ID}
        size={6}
        spellCheck={false}
        autoComplete="off"
        // Only when the person just asked to add a language: focus goes where they will type.
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onEnter?.();
          } else if (event.key === 'Escape') {
            // The field's own Escape (it abandons the new tag): not the dialog's, which would close.
            event.preventDefault();
            event.stopPropagation();
            onEscape?.();
          }
        }}
      />
      {error !== null ? (
        <span id={messageId} className="field-error" role="alert">
          {error}
        </span>
      ) : warnings.length > 0 ? (
        <span id={messageId} className="field-warning">
          {warnings.join('; ')}
        </span>
      ) : null}
    </span>
  );
}
