/**
 * Tabs: where an opened document goes, switching, and closing one (issue 17). The store's documents slice
 * (store/documents-slice.ts) keeps the documents; these are the gestures on them.
 *
 * Open…, Open URL…, New, Sample and Recover open a new tab beside the others, never replacing work, with one
 * exception: the built-in sample while it is untouched. It is what Tessera shows when nothing of yours is open,
 * a placeholder like a browser's new-tab page or a word processor's blank first document: the document you
 * open takes its place instead of leaving a stray tab to close. Once edited, it is work, and stays.
 */
import { canUndo } from '../../../../shared/iiif/document/history';
import { documentName, isDirty } from '../../store/document-slice';
import { allDocuments, documentByKey } from '../../store/documents-slice';
import type { AppState } from '../../store/store';
import { useAppStore } from '../../store/store';
import { announce } from '../canvases/announcer';

export function isUntouchedSample(state: AppState): boolean {
  return (
    state.doc !== null &&
    state.sampleKey === state.documentKey &&
    !isDirty(state) &&
    (state.history === null || !canUndo(state.history))
  );
}

let compaction: ReturnType<typeof setTimeout> | null = null;
const compacted = new Set<() => void>();

/** Calls `listener` after each compaction (document-service.ts lets the worker drop the texts shed). */
export function onBackgroundCompacted(listener: () => void): () => void {
  compacted.add(listener);
  return () => compacted.delete(listener);
}

/**
 * Documents that went to the background shed the text they do not need (documents-slice.ts,
 * withoutRedundantText) a moment later, so that a switch itself never waits for it.
 */
function scheduleCompaction(): void {
  if (compaction) clearTimeout(compaction);
  compaction = setTimeout(() => {
    compaction = null;
    useAppStore.getState().compactBackground();
    for (const listener of compacted) listener();
  }, COMPACTION_DELAY_MS);
}

export const COMPACTION_DELAY_MS = 2000;

/** Call right before loadDocument, once the new document is known to open: makes room for it in a new tab. */
export function prepareNewTab(): void {
  const state = useAppStore.getState();
  if (state.doc === null || isUntouchedSample(state)) return;
  state.setAsideActive();
  scheduleCompaction();
}

export function switchToDocument(key: string): void {
  useAppStore.getState().activateDocument(key);
  scheduleCompaction();
}

/** The tab `delta` places from the active one, wrapping around (Ctrl+Tab, Ctrl+Shift+Tab). */
export function cycleDocuments(delta: 1 | -1): void {
  const { openDocuments, documentKey } = useAppStore.getState();
  if (openDocuments.length < 2) return;
  const at = openDocuments.findIndex((entry) => entry.key === documentKey);
  const next = openDocuments[(at + delta + openDocuments.length) % openDocuments.length];
  if (next) switchToDocument(next.key);
}

/**
 * Puts the tab of `key` at place `to` among the tabs (a drag, or the keys) and says where it went: the tab
 * bar reorders silently otherwise. Tab order is not part of any document: no undo step, nothing unsaved.
 */
export function moveTab(key: string, to: number): void {
  const state = useAppStore.getState();
  const before = state.openDocuments;
  state.moveDocument(key, to);
  const after = useAppStore.getState().openDocuments;
  if (after === before) return;
  const document = documentByKey(useAppStore.getState(), key);
  const place = after.findIndex((entry) => entry.key === key) + 1;
  announce(`Moved ${document ? documentName(document) : 'the tab'} to place ${place} of ${after.length}.`);
}

/** Moves the active document's tab one place left (-1) or right (+1): Ctrl+Shift+PageUp / PageDown. */
export function moveActiveTab(delta: 1 | -1): void {
  const { openDocuments, documentKey } = useAppStore.getState();
  const at = openDocuments.findIndex((entry) => entry.key === documentKey);
  if (at < 0) return;
  if (at + delta < 0 || at + delta >= openDocuments.length) {
    announce(delta < 0 ? 'This tab is already the first.' : 'This tab is already the last.');
    return;
  }
  moveTab(documentKey, at + delta);
}

/** Whether any open document has unsaved changes: what closing the window or the page must ask about. */
export function anyDirty(state: AppState): boolean {
  return allDocuments(state).some(isDirty);
}

/**
 * What the window's title bar and its close prompt say: the active document's name, and unsaved when any open
 * document is (closing the window would lose them all). Other unsaved documents are counted in the name, so the
 * prompt does not speak of the active one alone.
 */
export function windowState(state: AppState): { name: string; dirty: boolean } {
  const name = documentName(state);
  const others = allDocuments(state).filter((d) => d.documentKey !== state.documentKey && isDirty(d)).length;
  return {
    name:
      others === 0 ? name : `${name} and ${others} other unsaved ${others === 1 ? 'document' : 'documents'}`,
    dirty: isDirty(state) || others > 0,
  };
}
