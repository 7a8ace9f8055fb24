/**
 * The open document and its undo history (architecture §5). The document is the manifest's own immutable JSON
 * tree; every change is a new tree made by a pure function from shared/iiif, committed here as one undo step.
 * Thanks to structural sharing a step costs only the changed path, so the history can reach far back.
 */
import type { StateCreator } from 'zustand';
import type { JsonObject } from '../../../shared/iiif/json';
import type { TextFormat } from '../../../shared/iiif/document/text-format';

export const HISTORY_LIMIT = 500;

export interface FileRef {
  path: string;
  name: string;
  mtimeMs: number;
}

export interface HistoryStep {
  doc: JsonObject;
  label: string;
  /** Consecutive commits with the same key (e.g. typing in one field) merge into one step. */
  coalesceKey: string | null;
}

export interface DocumentSlice {
  doc: JsonObject | null;
  format: TextFormat | null;
  file: FileRef | null;
  /** The name shown for an unsaved document. */
  untitledName: string;
  /** The tree as last saved or opened; the document is dirty when it is not this very object. */
  savedDoc: JsonObject | null;
  /** Autosave key of this editing session's document. */
  documentKey: string;
  notices: string[];
  past: HistoryStep[];
  future: HistoryStep[];
  loadDocument(input: {
    doc: JsonObject;
    format: TextFormat;
    file: FileRef | null;
    name?: string;
    notices?: string[];
    dirty?: boolean;
  }): void;
  /** Replaces the document with `next` as one undo step labelled `label`. */
  commit(label: string, next: JsonObject, coalesceKey?: string): void;
  undo(): void;
  redo(): void;
  markSaved(file: FileRef, savedDoc: JsonObject): void;
  closeDocument(): void;
}

let keyCounter = 0;
function newDocumentKey(): string {
  keyCounter += 1;
  return `doc-${Date.now().toString(36)}-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export const createDocumentSlice: StateCreator<DocumentSlice, [], [], DocumentSlice> = (set, get) => ({
  doc: null,
  format: null,
  file: null,
  untitledName: 'Untitled',
  savedDoc: null,
  documentKey: newDocumentKey(),
  notices: [],
  past: [],
  future: [],
  loadDocument: ({ doc, format, file, name, notices, dirty }) =>
    set({
      doc,
      format,
      file,
      untitledName: name ?? 'Untitled',
      savedDoc: dirty ? null : doc,
      documentKey: newDocumentKey(),
      notices: notices ?? [],
      past: [],
      future: [],
    }),
  commit: (label, next, coalesceKey) => {
    const { doc, past } = get();
    if (!doc || next === doc) return;
    const last = past[past.length - 1];
    const merge = coalesceKey !== undefined && last !== undefined && last.coalesceKey === coalesceKey;
    const step: HistoryStep = { doc, label, coalesceKey: coalesceKey ?? null };
    const nextPast = merge ? past : [...past, step].slice(-HISTORY_LIMIT);
    set({ doc: next, past: nextPast, future: [] });
  },
  undo: () => {
    const { doc, past, future } = get();
    const step = past[past.length - 1];
    if (!doc || !step) return;
    set({
      doc: step.doc,
      past: past.slice(0, -1),
      future: [...future, { doc, label: step.label, coalesceKey: null }],
    });
  },
  redo: () => {
    const { doc, past, future } = get();
    const step = future[future.length - 1];
    if (!doc || !step) return;
    set({
      doc: step.doc,
      future: future.slice(0, -1),
      past: [...past, { doc, label: step.label, coalesceKey: null }],
    });
  },
  markSaved: (file, savedDoc) => set({ file, savedDoc }),
  closeDocument: () =>
    set({
      doc: null,
      format: null,
      file: null,
      savedDoc: null,
      notices: [],
      past: [],
      future: [],
      documentKey: newDocumentKey(),
    }),
});

export function documentName(state: Pick<DocumentSlice, 'file' | 'untitledName'>): string {
  return state.file?.name ?? state.untitledName;
}

export function isDirty(state: Pick<DocumentSlice, 'doc' | 'savedDoc'>): boolean {
  return state.doc !== null && state.doc !== state.savedDoc;
}
