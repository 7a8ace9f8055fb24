/**
 * `behavior`: only the values valid for this resource type are offered, and a value that contradicts one
 * already chosen is disabled with the reason (switch the other off first). Values the editor does not offer
 * (an extension's, or wrong for the type) are listed so they can be removed, never dropped silently.
 */
import type { JsonValue } from '../../../../shared/iiif/json';
import { isJsonArray } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';
import type { BehaviorHost } from './behaviors';
import { behaviorOptions, conflictsWith, unofferedBehaviors } from './behaviors';
import { Icon } from '../../components/icons';
import './metadata.css';

interface Props {
  host: BehaviorHost;
  value: JsonValue | undefined;
  onChange: ChangeHandler<readonly string[] | undefined>;
}

function valuesOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return isJsonArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function BehaviorEditor({ host, value, onChange }: Props) {
  const present = valuesOf(value);
  const set = (next: readonly string[]) => onChange(next.length === 0 ? undefined : next, 'action');
  const others = unofferedBehaviors(host, present);
  return (
    <div className="behavior-editor">
      <ul className="checkbox-list">
        {behaviorOptions(host).map((option) => {
          const checked = present.includes(option.value);
          const clash = checked ? [] : conflictsWith(option.value, present);
          return (
            <li key={option.value}>
              <label className={clash.length > 0 ? 'disabled' : undefined}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={clash.length > 0}
                  onChange={() =>
                    set(checked ? present.filter((v) => v !== option.value) : [...present, option.value])
                  }
                />
                <code>{option.value}</code> <span className="muted">{option.description}</span>
                {clash.length > 0 ? <span className="muted"> — contradicts {clash.join(', ')}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <div className="field-warning">
          Not offered for a {host}:
          {others.map((other) => (
            <span key={other} className="chip">
              <code>{other}</code>
              <button
                type="button"
                className="small icon"
                aria-label={`Remove behavior ${other}`}
                onClick={() => set(present.filter((v) => v !== other))}
              >
                <Icon name="remove" />
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
