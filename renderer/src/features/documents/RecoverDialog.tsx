/**
 * Recovering unsaved work after a crash. Several documents may have been open (issue 17): each comes back in
 * its own tab, one by one or all at once; the list shrinks as they are restored.
 */
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { openSample, recover } from './document-service';
import '../files/file-picker.css';

type Item = ResponseOf<'listRecoverable'>['items'][number];

export function RecoverDialog({ items, onClose }: { items: readonly Item[]; onClose(): void }) {
  const [left, setLeft] = useState(items);
  const [busy, setBusy] = useState(false);
  /** Closes the dialog; with nothing restored, the window shows the sample as on any other start. */
  const notNow = () => {
    onClose();
    if (useAppStore.getState().doc === null) void openSample();
  };
  const restore = async (chosen: readonly Item[]) => {
    setBusy(true);
    // One after another: each opens its own tab, in the order listed.
    for (const item of chosen) await recover(item.key);
    const rest = left.filter((item) => !chosen.includes(item));
    setBusy(false);
    setLeft(rest);
    if (rest.length === 0) onClose();
  };
  return (
    <Dialog
      title="Recover unsaved work?"
      onCancel={notNow}
      cancel="Not now"
      {...(left.length > 1
        ? {
            primary: {
              label: `Restore all ${left.length}`,
              onClick: () => void restore(left),
              disabled: busy,
            },
          }
        : {})}
    >
      <p>Tessera closed with unsaved changes. Restore them:</p>
      <ul className="file-list">
        {left.map((item) => (
          <li key={item.key}>
            <button type="button" className="file-entry" disabled={busy} onClick={() => void restore([item])}>
              {item.name} — {new Date(item.savedAt).toLocaleString()}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
