/**
 * `navDate`: a date, a time of day and a time zone, stored as one xsd:dateTime ("1856-01-01T00:00:00Z").
 * A stored value the date inputs cannot show (a year before 1000 or after 9999, a missing zone) is shown as
 * text, with what is wrong, so nothing is silently rewritten.
 */
import { useId, useState } from 'react';
import type { JsonValue } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';
import type { NavDateParts } from './nav-date';
import { composeNavDate, parseNavDate, TIME_ZONES } from './nav-date';
import { Icon } from '../../components/icons';
import './metadata.css';

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<string | undefined>;
  /** Starts the fields' names when another resource's navDate is on screen too ("Canvas navigation date"). */
  owner?: string | undefined;
}

const EMPTY: NavDateParts = { date: '', time: '00:00:00', zone: 'Z' };

export function NavDateField({ value, onChange, owner }: Props) {
  const named = (text: string) => (owner ? `${owner} ${text.toLowerCase()}` : text);
  const errorId = useId();
  const stored = typeof value === 'string' ? value : undefined;
  const parsed = stored === undefined ? EMPTY : parseNavDate(stored);
  const [draft, setDraft] = useState<NavDateParts | null>(null);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setDraft(null);
  }
  const [touched, setTouched] = useState(false);

  if (value !== undefined && parsed === null) {
    return (
      <div className="nav-date">
        <p className="field-warning">
          The stored value <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code> is not a
          date and time with a time zone that these fields can show.
        </p>
        <button type="button" className="small" onClick={() => onChange(undefined, 'action')}>
          Remove it
        </button>
      </div>
    );
  }

  const parts = draft ?? parsed ?? EMPTY;
  const result = composeNavDate(parts);
  const error = touched && draft !== null && 'error' in result ? result.error : null;
  const update = (change: Partial<NavDateParts>) => {
    const next = { ...parts, ...change };
    setDraft(next);
    const composed = composeNavDate(next);
    if ('value' in composed && composed.value !== stored) {
      setShown(composed.value);
      onChange(composed.value, 'typing');
    }
  };
  const described = error !== null ? errorId : undefined;
  return (
    <div className="nav-date" onBlur={() => setTouched(true)}>
      <input
        type="date"
        aria-label={named('Navigation date')}
        aria-invalid={error !== null}
        aria-describedby={described}
        value={parts.date}
        onChange={(event) => update({ date: event.target.value })}
      />
      <input
        type="time"
        step={1}
        aria-label={named('Navigation time')}
        aria-describedby={described}
        value={parts.time}
        onChange={(event) => update({ time: event.target.value })}
      />
      <select
        aria-label={named('Time zone')}
        value={parts.zone}
        onChange={(event) => update({ zone: event.target.value })}
      >
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone}>
            {zone === 'Z' ? 'UTC (Z)' : zone}
          </option>
        ))}
      </select>
      {stored !== undefined ? (
        <button
          type="button"
          className="small"
          aria-label={`Remove the ${named('navigation date').toLowerCase()}`}
          onClick={() => onChange(undefined, 'action')}
        >
          <Icon name="remove" />
        </button>
      ) : null}
      {error !== null ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : stored !== undefined ? (
        <span className="field-hint">
          Stored as <code>{stored}</code>
        </span>
      ) : null}
    </div>
  );
}
