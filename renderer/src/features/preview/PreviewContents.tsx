/**
 * The table of contents beside the preview, as a reader's viewer shows it: each entry a link-like button that
 * goes to its first page, the entry being read marked as current; and, when the manifest has `sequence`
 * Ranges, a choice of reading order (the manifest's, or one of those).
 */
import type { ContentsEntry, PreviewContents as Contents } from './preview-contents';
import './preview-contents.css';

interface Props {
  contents: Contents;
  /** Index in `contents.entries` of the entry being read, or null. */
  current: number | null;
  /** `key` of the chosen sequence, or null for the manifest's order. */
  sequence: number | null;
  onOpen(entry: ContentsEntry): void;
  onSequence(key: number | null): void;
}

export function PreviewContents({ contents, current, sequence, onOpen, onSequence }: Props) {
  const { entries, sequences } = contents;
  if (entries.length === 0 && sequences.length === 0) return null;
  return (
    <section className="preview-contents" aria-label="Contents">
      {sequences.length > 0 ? (
        <label className="preview-sequence">
          Reading order
          <select
            value={sequence === null ? '' : String(sequence)}
            onChange={(event) => onSequence(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">The manifest’s order</option>
            {sequences.map((s) => (
              <option key={s.key} value={s.key}>
                {`${s.label} (${s.canvases.length} ${s.canvases.length === 1 ? 'page' : 'pages'})`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {entries.length > 0 ? (
        <nav aria-label="Table of contents" data-testid="preview-contents">
          <h3>Contents</h3>
          <ul>
            {entries.map((entry, i) => (
              <li key={entry.key} style={{ paddingLeft: (entry.level - 1) * 14 }}>
                <button
                  type="button"
                  className="preview-contents-entry"
                  aria-current={current === i ? 'true' : undefined}
                  disabled={entry.canvases.length === 0}
                  onClick={() => onOpen(entry)}
                >
                  {entry.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
