/**
 * Autosave for crash recovery: within a couple of seconds of each change, the unsaved document goes to the app
 * data folder (electron/services/recovery). A saved or closed document clears its record.
 */
import { documentName, isDirty } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { clearRecoveryRecord, writeRecoveryRecord } from './autosave-records';
import { currentText } from './document-service';

export const AUTOSAVE_DELAY_MS = 1500;

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = false;
  let again = false;

  const write = async () => {
    timer = null;
    if (writing) {
      again = true;
      return;
    }
    const state = useAppStore.getState();
    if (!isDirty(state)) return;
    const text = currentText();
    if (text === null) return;
    writing = true;
    try {
      await writeRecoveryRecord({
        key: state.documentKey,
        path: state.file?.path ?? null,
        name: documentName(state),
        text,
      });
    } finally {
      writing = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void write(), AUTOSAVE_DELAY_MS);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    // Another document replaced this one (open, new, sample, recover): its unsaved work was saved or knowingly
    // discarded, so its recovery record must not come back on the next start.
    if (state.documentKey !== previous.documentKey) void clearRecoveryRecord(previous.documentKey);
    if (state.doc !== previous.doc && isDirty(state)) schedule();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
