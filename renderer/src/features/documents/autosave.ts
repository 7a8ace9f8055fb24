/**
 * Autosave for crash recovery: within a couple of seconds of each change, an unsaved document goes to the app
 * data folder (electron/services/recovery). A saved or closed document clears its record. The text is written in
 * the background worker: JSON.stringify of a 10k-canvas manifest would hold the main thread for a few hundred
 * milliseconds after every pause in typing.
 *
 * Every open document is protected, not only the active one (issue 17): each has its own record under its own
 * key. Leaving a tab writes its pending changes at once, so a crash right after a switch loses nothing.
 *
 * Each record says its document's place among the tabs, so that recovery reopens them in the order they had.
 * Opening appends a tab and closing one keeps the order of the others, so places written at different times
 * still sort right; reordering the tabs changes it, so it rewrites the record of every unsaved document.
 */
import { DEFAULT_TEXT_FORMAT } from '../../../../shared/iiif/document/text-format';
import { documentName, isDirty } from '../../store/document-slice';
import { allDocuments, documentByKey } from '../../store/documents-slice';
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

/** The document's place among the tabs, for its recovery record (none when it is not in the tab bar). */
function tabOf(key: string): { tab?: number } {
  const tab = useAppStore.getState().openDocuments.findIndex((entry) => entry.key === key);
  return tab < 0 ? {} : { tab };
}

/** Whether the same tabs are now in another order (not opened or closed: that keeps the others' order). */
function reordered(before: readonly { key: string }[], after: readonly { key: string }[]): boolean {
  if (before.length !== after.length) return false;
  const keys = new Set(before.map((entry) => entry.key));
  return (
    after.every((entry) => keys.has(entry.key)) && after.some((entry, k) => entry.key !== before[k]?.key)
  );
}

function isOpen(key: string): boolean {
  const state = useAppStore.getState();
  return (
    (state.doc !== null && state.documentKey === key) ||
    state.openDocuments.some((entry) => entry.key === key)
  );
}

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet handed to a write was made. */
  let pendingSince: number | null = null;
  /** The documents with changes not yet handed to a write. */
  const pending = new Set<string>();
  let writing = false;
  /** The documents whose autosave last failed. */
  const failing = new Set<string>();

  const writeOne = async (key: string) => {
    const document = documentByKey(useAppStore.getState(), key);
    if (!document?.doc || !isDirty(document)) return;
    const outcome = await autosaveInBackground(document.doc, document.format ?? DEFAULT_TEXT_FORMAT, {
      key,
      path: document.file?.path ?? null,
      name: documentName(document),
      origin: document.docOrigin,
      ...tabOf(key),
    });
    // A failing autosave leaves the work unprotected against a crash: say so once per document, until one
    // succeeds again.
    if (outcome && !outcome.ok && !failing.has(key)) {
      useAppStore.getState().showMessage({
        kind: 'error',
        text: `${outcome.error.message} Until this is fixed your unsaved changes to ${documentName(document)} are not protected against a crash: save them now.`,
      });
    }
    if (outcome) {
      if (outcome.ok) failing.delete(key);
      else failing.add(key);
    }
    // Meanwhile the document may have been saved or closed and its record cleared. In the web host the worker
    // sends the write itself, outside the renderer's ordered queue (autosave-records.ts), so that clear may
    // have gone first: clear again, or a saved document would be offered for recovery on the next start.
    const now = documentByKey(useAppStore.getState(), key);
    if (!now || !isDirty(now)) await clearRecoveryRecord(key);
  };

  const write = async () => {
    timer = null;
    pendingSince = null;
    if (writing) return;
    writing = true;
    try {
      while (pending.size > 0) {
        const key = pending.values().next().value as string;
        pending.delete(key);
        await writeOne(key);
      }
    } finally {
      writing = false;
    }
  };
  const schedule = (key: string) => {
    pending.add(key);
    if (timer) clearTimeout(timer);
    const now = Date.now();
    pendingSince ??= now;
    const untilMaxWait = Math.max(0, pendingSince + AUTOSAVE_MAX_WAIT_MS - now);
    timer = setTimeout(() => void write(), Math.min(AUTOSAVE_DELAY_MS, untilMaxWait));
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    // A document in the background changed (canvases pasted or dropped into it from the active one).
    if (state.openDocuments !== previous.openDocuments) {
      if (reordered(previous.openDocuments, state.openDocuments)) {
        for (const document of allDocuments(state)) if (isDirty(document)) schedule(document.documentKey);
      }
      for (const entry of state.openDocuments) {
        const before = previous.openDocuments.find((e) => e.key === entry.key)?.snapshot;
        if (entry.snapshot && before && entry.snapshot.doc !== before.doc && isDirty(entry.snapshot))
          schedule(entry.key);
      }
    }
    if (state.documentKey !== previous.documentKey) {
      if (!isOpen(previous.documentKey)) {
        // Closed, or replaced in its tab by another document: its unsaved work was saved or knowingly
        // discarded, so its recovery record must not come back on the next start.
        pending.delete(previous.documentKey);
        void clearRecoveryRecord(previous.documentKey);
      } else if (pending.has(previous.documentKey)) {
        // Another tab came to the front: write what is waiting now, not after the next pause.
        if (timer) clearTimeout(timer);
        void write();
      }
      return;
    }
    if (state.doc !== previous.doc && isDirty(state)) schedule(state.documentKey);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
