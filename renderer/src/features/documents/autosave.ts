/**
 * Autosave for crash recovery: within a couple of seconds of each change, the unsaved document goes to the app
 * data folder (electron/services/recovery). A saved or closed document clears its record. The text is written in
 * the background worker: JSON.stringify of a 10k-canvas manifest would hold the main thread for a few hundred
 * milliseconds after every pause in typing.
 */
import { DEFAULT_TEXT_FORMAT } from '../../../../shared/iiif/document/text-format';
import { documentName, isDirty } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { autosaveInBackground } from '../background/background-work';
import { clearRecoveryRecord } from './autosave-records';

export const AUTOSAVE_DELAY_MS = 1500;
/**
 * The longest unsaved work waits. Waiting for a pause alone never writes while someone keeps typing or
 * dragging (27 s of steady edits left nothing to recover after a kill -9), so a change older than this is
 * written even though the next one came less than AUTOSAVE_DELAY_MS later.
 */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet handed to a write was made. */
  let pendingSince: number | null = null;
  let writing = false;
  let again = false;
  /** The document whose autosave last failed (null: the last one succeeded). */
  let failingFor: string | null = null;

  const write = async () => {
    timer = null;
    pendingSince = null;
    if (writing) {
      again = true;
      return;
    }
    const state = useAppStore.getState();
    if (!isDirty(state) || !state.doc) return;
    writing = true;
    try {
      const outcome = await autosaveInBackground(state.doc, state.format ?? DEFAULT_TEXT_FORMAT, {
        key: state.documentKey,
        path: state.file?.path ?? null,
        name: documentName(state),
      });
      // A failing autosave leaves the work unprotected against a crash: say so once per document (loading
      // another one clears messages), until one succeeds again.
      if (outcome && !outcome.ok && failingFor !== state.documentKey) {
        useAppStore.getState().showMessage({
          kind: 'error',
          text: `${outcome.error.message} Until this is fixed your unsaved changes are not protected against a crash: save them now.`,
        });
      }
      if (outcome) failingFor = outcome.ok ? null : state.documentKey;
      // Meanwhile the document may have been saved or replaced and its record cleared. In the web host the
      // worker sends the write itself, outside the renderer's ordered queue (autosave-records.ts), so that clear
      // may have gone first: clear again, or a saved document would be offered for recovery on the next start.
      const now = useAppStore.getState();
      if (now.documentKey !== state.documentKey || !isDirty(now))
        await clearRecoveryRecord(state.documentKey);
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
    const now = Date.now();
    pendingSince ??= now;
    const untilMaxWait = Math.max(0, pendingSince + AUTOSAVE_MAX_WAIT_MS - now);
    timer = setTimeout(() => void write(), Math.min(AUTOSAVE_DELAY_MS, untilMaxWait));
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
