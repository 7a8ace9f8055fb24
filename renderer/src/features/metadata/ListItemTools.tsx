/**
 * The tools of one item in an ordered list property (metadata entries, providers, homepage, seeAlso...): move up,
 * move down, remove. Each click is one undo step ('action'); the aria names say which item they act on.
 */
import { moveItem } from './linked-resources';
import { Icon } from '../../components/icons';
import './metadata.css';

interface Props<T> {
  /** Shown beside the tools, e.g. "Entry 2". */
  label: string;
  /** Used in the buttons' accessible names, e.g. "metadata entry 2". */
  name: string;
  items: readonly T[];
  index: number;
  onChange(next: readonly T[]): void;
}

export function ListItemTools<T>({ label, name, items, index, onChange }: Props<T>) {
  return (
    <div className="pair-tools">
      <span className="muted">{label}</span>
      {items.length > 1 ? (
        <>
          <button
            type="button"
            className="small icon"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onChange(moveItem(items, index, index - 1))}
          >
            <Icon name="move-up" />
          </button>
          <button
            type="button"
            className="small icon"
            aria-label={`Move ${name} down`}
            disabled={index === items.length - 1}
            onClick={() => onChange(moveItem(items, index, index + 1))}
          >
            <Icon name="move-down" />
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="small icon"
        aria-label={`Remove ${name}`}
        onClick={() => onChange(items.filter((_, i) => i !== index))}
      >
        <Icon name="remove" />
      </button>
    </div>
  );
}
