/**
 * `rights`: a picklist of every Creative Commons 4.0 licence, CC0, the Public Domain Mark and every
 * RightsStatements.org statement, stored in the canonical http:// form the spec requires. Any other URI can be
 * typed: https and page-address variants are normalised (and the change is explained), unknown URIs are
 * accepted with a warning, anything that is not an http(s) URI is refused.
 */
import { useId, useState } from 'react';
import type { JsonValue } from '../../../../shared/iiif/json';
import { groupedRightsOptions, normaliseRights } from '../../../../shared/iiif/rights';
import type { ChangeHandler } from '../../components/language/editor-types';
import { ExternalLink } from './ExternalLink';
import { Icon } from '../../components/icons';
import './metadata.css';

const OTHER = '__other__';
const GROUPS = groupedRightsOptions();

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<string | undefined>;
  label?: string;
}

export function RightsField({ value, onChange, label = 'Rights' }: Props) {
  const selectId = useId();
  const messageId = useId();
  const current = typeof value === 'string' ? value : '';
  const status = current === '' ? null : normaliseRights(current);
  const listed = status?.status === 'canonical' && status.option !== undefined;
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const showOther = typing || (current !== '' && !listed);

  const applyTyped = () => {
    const typed = normaliseRights(draft);
    if (typed.status === 'invalid') {
      setError(typed.notice ?? 'Not a rights URI.');
      return;
    }
    setError(null);
    // Only a rewrite needs explaining here; an unknown URI's warning is shown by RightsStatus below.
    setNotice(typed.status === 'normalised' ? (typed.notice ?? null) : null);
    setTyping(false);
    setDraft('');
    onChange(typed.uri, 'action');
  };

  return (
    <div className="rights-field">
      <label htmlFor={selectId} className="visually-hidden">
        {label}
      </label>
      <select
        id={selectId}
        value={showOther ? OTHER : current}
        aria-describedby={messageId}
        onChange={(event) => {
          const chosen = event.target.value;
          setNotice(null);
          setError(null);
          if (chosen === OTHER) {
            setTyping(true);
            setDraft(current);
            return;
          }
          setTyping(false);
          onChange(chosen === '' ? undefined : chosen, 'action');
        }}
      >
        <option value="">No rights statement</option>
        {GROUPS.map(({ group, options }) => (
          <optgroup key={group} label={group}>
            {options.map((option) => (
              <option key={option.uri} value={option.uri}>
                {option.code} — {option.title}
              </option>
            ))}
          </optgroup>
        ))}
        <option value={OTHER}>Other URI…</option>
      </select>
      {showOther ? (
        <span className="rights-other">
          {typing ? (
            <>
              <input
                value={draft}
                aria-label={`${label} URI`}
                aria-invalid={error !== null}
                placeholder="http://…"
                spellCheck={false}
                onChange={(event) => {
                  setDraft(event.target.value);
                  setError(null);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    applyTyped();
                  }
                }}
              />
              <button type="button" className="small" onClick={applyTyped}>
                Use
              </button>
            </>
          ) : (
            <>
              <code className="rights-uri">{current}</code>
              <button
                type="button"
                className="small"
                onClick={() => {
                  setTyping(true);
                  setDraft(current);
                }}
              >
                Edit
              </button>
            </>
          )}
        </span>
      ) : null}
      <div id={messageId}>
        {error !== null ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {notice !== null ? (
          <p className="field-notice" role="status">
            {notice}
          </p>
        ) : null}
        {status && !typing ? <RightsStatus uri={current} onFix={(uri) => onChange(uri, 'action')} /> : null}
      </div>
    </div>
  );
}

/** What the stored value is: a known licence (with a link), a fixable variant, or an unknown URI. */
function RightsStatus({ uri, onFix }: { uri: string; onFix(uri: string): void }) {
  const status = normaliseRights(uri);
  switch (status.status) {
    case 'canonical':
      return (
        <p className="field-hint">
          {status.option?.title ?? status.label} · <ExternalLink href={status.uri}>read it</ExternalLink>
        </p>
      );
    case 'normalised':
      return (
        <p className="field-warning">
          Not the identifier the spec requires. {status.notice}{' '}
          <button type="button" className="small" onClick={() => onFix(status.uri)}>
            Use {status.uri}
          </button>
        </p>
      );
    case 'unknown':
      return (
        <p className="field-warning">
          <Icon name="warning" /> {status.notice}
        </p>
      );
    case 'invalid':
      return (
        <p className="field-error" role="alert">
          {status.notice}
        </p>
      );
  }
}
