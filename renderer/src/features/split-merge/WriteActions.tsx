/**
 * The end of the Split and Merge dialogs: write the files, and when some exist already, say so and offer to
 * replace them (a second, explicit click) rather than overwrite silently.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { writeResults } from './write-results';

interface Props {
  /**
   * Makes the files to write, or null while the inputs cannot make any (the button is then disabled). Called on
   * Write only: printing a 10,000-canvas manifest on every keystroke of the preview would make typing lag.
   */
  makeFiles: (() => readonly { name: string; text: string }[]) | null;
  /** How many files makeFiles makes. */
  count: number;
  folder: string;
  /** What the files are, for the closing message ("2 parts and their collection"). */
  what: string;
  onCancel(): void;
  onWritten(): void;
}

export function WriteActions({ makeFiles, count, folder, what, onCancel, onWritten }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; exists: boolean } | null>(null);
  const write = async (overwrite: boolean) => {
    if (!makeFiles) return;
    setBusy(true);
    const outcome = await writeResults(folder, makeFiles(), overwrite);
    setBusy(false);
    if (outcome.kind === 'written') {
      useAppStore.getState().showMessage({ kind: 'info', text: `Wrote ${what} to ${outcome.folder}.` });
      onWritten();
    } else setProblem({ message: outcome.message, exists: outcome.kind === 'exists' });
  };
  return (
    <>
      {problem ? (
        <p role="alert" className="error">
          {problem.message}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {problem?.exists ? (
          <button type="button" disabled={busy} onClick={() => void write(true)}>
            Replace and write
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={busy || makeFiles === null || folder.trim() === ''}
          onClick={() => {
            setProblem(null);
            void write(false);
          }}
        >
          Write {count} file{count === 1 ? '' : 's'}
        </button>
      </div>
    </>
  );
}
