/**
 * Several open documents (issue 17), one per tab. The document slice's fields keep meaning "the active
 * document", so every component that reads `doc`, `history`, `file`... works unchanged; this slice holds the
 * other open documents as snapshots of those same fields (and of their selection), and swaps them in and out
 * on a tab switch. A snapshot is a handful of references to immutable trees: switching copies no document.
 */
import type { StateCreator } from 'zustand';
import { pushHistory } from '../../../shared/iiif/document/history';
import type { TextBase } from '../../../shared/iiif/document/text-patch';
import { writeDocument } from '../../../shared/iiif/document/write';
import type { JsonObject } from '../../../shared/iiif/json';
import type { DocumentSlice } from './document-slice';
import type { SelectionSlice } from './selection-slice';

/** Every field that belongs to one document (not its actions): what a tab switch saves and restores. */
export const DOCUMENT_FIELDS = [
  'doc',
  'format',
  'file',
  'untitledName',
  'savedDoc',
  'documentKey',
  'notices',
  'textBase',
  'upgradedFrom',
  'history',
  'docOrigin',
  'selected',
  'anchor',
  'focus',
  'memberPath',
] as const satisfies readonly (keyof DocumentSlice | keyof SelectionSlice)[];

export type DocumentSnapshot = Pick<DocumentSlice & SelectionSlice, (typeof DOCUMENT_FIELDS)[number]>;

export interface OpenDocument {
  readonly key: string;
  /** Null for the active document, whose fields are the store's own. */
  readonly snapshot: DocumentSnapshot | null;
}

export interface DocumentsSlice {
  /** The open documents in tab order. The active one (the store's `documentKey`) is among them when `doc` is set. */
  openDocuments: readonly OpenDocument[];
  /**
   * The key of the built-in sample while it is open: an untouched sample is a placeholder, which the next
   * opened document replaces instead of opening beside it (see documents/document-tabs.ts).
   */
  sampleKey: string | null;
  /** Makes the document `key` the active one; the active one becomes a snapshot. */
  activateDocument(key: string): void;
  /**
   * Keeps the active document open as a snapshot and empties the active fields, so that the next
   * loadDocument opens a new tab instead of replacing this one.
   */
  setAsideActive(): void;
  /**
   * Changes fields of the open document `key`, active or not (a save that finishes after a tab switch, a
   * paste into another document). The change goes to the live fields when `key` is active.
   */
  updateDocument(key: string, change: (document: DocumentSnapshot) => Partial<DocumentSnapshot>): void;
  /** Commits `next` as one undo step in the open document `key`, active or not (see DocumentSlice.commit). */
  commitIn(key: string, label: string, next: JsonObject): void;
  markSample(key: string | null): void;
  /** Closes the document `key` when it is in the background (the active one closes with closeDocument). */
  forgetDocument(key: string): void;
  /** Drops the texts that documents in the background do not need (see withoutRedundantText). */
  compactBackground(): void;
  /**
   * Puts the tab of document `key` at place `to` (0-based, clamped) among the tabs. Only the tab bar's order
   * changes: no document is edited, so no undo step is made and nothing becomes unsaved.
   */
  moveDocument(key: string, to: number): void;
}

type Full = DocumentsSlice & DocumentSlice & SelectionSlice;

/** The active document's fields, as a snapshot. */
export function snapshotOf(state: DocumentSnapshot): DocumentSnapshot {
  const out: Partial<Record<keyof DocumentSnapshot, unknown>> = {};
  for (const field of DOCUMENT_FIELDS) out[field] = state[field];
  return out as DocumentSnapshot;
}

/** The fields of the open document `key` (active or not), or null when no such document is open. */
export function documentByKey(state: Full, key: string): DocumentSnapshot | null {
  if (state.doc !== null && state.documentKey === key) return snapshotOf(state);
  return state.openDocuments.find((entry) => entry.key === key)?.snapshot ?? null;
}

/** Every open document's fields, in tab order, the active one included. */
export function allDocuments(state: Full): DocumentSnapshot[] {
  return state.openDocuments.flatMap((entry) => {
    if (entry.snapshot) return [entry.snapshot];
    return entry.key === state.documentKey && state.doc !== null ? [snapshotOf(state)] : [];
  });
}

/** The fields that make the store empty (no active document), keeping `documentKey` fresh. */
export function emptyActive(newKey: string): Partial<DocumentSnapshot> {
  return {
    doc: null,
    format: null,
    file: null,
    savedDoc: null,
    notices: [],
    textBase: null,
    upgradedFrom: null,
    history: null,
    documentKey: newKey,
    selected: new Set(),
    anchor: null,
    focus: null,
    memberPath: [],
  };
}

/** Texts found to differ from their tree's own layout: they are needed, and are not compared again. */
const layoutKept = new WeakSet<TextBase>();

/**
 * A document keeps the text it was read from, so that saving rewrites only what changed (text-patch.ts). When
 * that text is exactly what writing its tree gives (a file laid out as JSON.stringify does, which is most of
 * them), the text says nothing the tree does not: dropping it changes no saved byte (a document without a
 * text base is written whole, in the same layout), and halves what a document in the background costs (issue
 * 17: ten open documents within 1.5 times the size of their JSON). A text laid out otherwise is kept.
 */
export function withoutRedundantText(document: DocumentSnapshot): DocumentSnapshot {
  const base = document.textBase;
  if (!base || layoutKept.has(base)) return document;
  if (writeDocument(base.doc, base.format) !== base.text) {
    layoutKept.add(base);
    return document;
  }
  return { ...document, textBase: null };
}

/**
 * `list` with the entry `key` taken out and put back at place `to` (clamped to the list); `list` itself when
 * that changes nothing (no such entry, or already there), so that no update is made.
 */
export function withTabMoved<T extends { readonly key: string }>(
  list: readonly T[],
  key: string,
  to: number,
): readonly T[] {
  const from = list.findIndex((entry) => entry.key === key);
  const place = Math.min(Math.max(0, Math.round(to)), list.length - 1);
  if (from < 0 || from === place) return list;
  const next = list.filter((_, index) => index !== from);
  next.splice(place, 0, list[from] as T);
  return next;
}

export const createDocumentsSlice =
  (newKey: () => string): StateCreator<Full, [], [], DocumentsSlice> =>
  (set, get) => ({
    openDocuments: [],
    sampleKey: null,
    activateDocument: (key) => {
      const state = get();
      if (state.doc !== null && state.documentKey === key) return;
      const target = state.openDocuments.find((entry) => entry.key === key)?.snapshot;
      if (!target) return;
      const current = state.doc !== null ? snapshotOf(state) : null;
      set({
        ...target,
        openDocuments: state.openDocuments.flatMap((entry) => {
          if (entry.key === key) return [{ key, snapshot: null }];
          if (entry.snapshot === null) return current ? [{ key: entry.key, snapshot: current }] : [];
          return [entry];
        }),
      });
    },
    setAsideActive: () => {
      const state = get();
      if (state.doc === null) return;
      const current = snapshotOf(state);
      set({
        ...emptyActive(newKey()),
        openDocuments: state.openDocuments.map((entry) =>
          entry.snapshot === null && entry.key === current.documentKey
            ? { key: entry.key, snapshot: current }
            : entry,
        ),
      });
    },
    updateDocument: (key, change) => {
      const state = get();
      if (state.doc !== null && state.documentKey === key) {
        set(change(snapshotOf(state)));
        return;
      }
      set({
        openDocuments: state.openDocuments.map((entry) =>
          entry.key === key && entry.snapshot
            ? { key, snapshot: { ...entry.snapshot, ...change(entry.snapshot) } }
            : entry,
        ),
      });
    },
    commitIn: (key, label, next) => {
      const state = get();
      if (state.doc !== null && state.documentKey === key) {
        state.commit(label, next);
        return;
      }
      state.updateDocument(key, (document) => {
        if (!document.history) return {};
        const history = pushHistory(document.history, next, label);
        return { history, doc: history.present };
      });
    },
    markSample: (sampleKey) => set({ sampleKey }),
    forgetDocument: (key) =>
      set({ openDocuments: get().openDocuments.filter((entry) => entry.key !== key || !entry.snapshot) }),
    compactBackground: () => {
      const list = get().openDocuments;
      let changed = false;
      const next = list.map((entry) => {
        if (!entry.snapshot) return entry;
        const snapshot = withoutRedundantText(entry.snapshot);
        if (snapshot === entry.snapshot) return entry;
        changed = true;
        return { key: entry.key, snapshot };
      });
      if (changed) set({ openDocuments: next });
    },
    moveDocument: (key, to) => {
      const list = get().openDocuments;
      const next = withTabMoved(list, key, to);
      if (next !== list) set({ openDocuments: next });
    },
  });
