/**
 * The open document and its undo history. The document is the manifest's own immutable JSON
 * tree; every change is a new tree made by a pure function from shared/iiif, committed here as one undo step.
 * Thanks to structural sharing a step costs only the changed path, so the history can reach far back.
 */
import type { StateCreator } from 'zustand';
import {
  createHistory,
  DEFAULT_HISTORY_LIMIT,
  pushHistory,
  redoHistory,
  undoHistory,
  type History,
} from '../../../shared/iiif/document/history';
import { documentKindOf } from '../../../shared/iiif/document/classify';
import type { JsonObject } from '../../../shared/iiif/json';
import type { TextFormat } from '../../../shared/iiif/document/text-format';
import type { TextBase } from '../../../shared/iiif/document/text-patch';

export const HISTORY_LIMIT = DEFAULT_HISTORY_LIMIT;

export interface FileRef {
  path: string;
  name: string;
  mtimeMs: number;
  /** Size and SHA-256 as last read or written: a save checks them as well as the time. */
  size?: number;
  hash?: string;
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
  /**
   * The text as opened or last saved, with the tree it parses to: saving edits this text (format-preserving),
   * so what nobody changed keeps its bytes. Null for new and upgraded documents, which are written whole.
   */
  textBase: TextBase | null;
  /**
   * The Presentation 2 file this document was upgraded from, until its first save: that save asks for a new
   * name or to replace the original, never overwrites it silently (`file` is null meanwhile).
   */
  upgradedFrom: FileRef | null;
  /** Undo history (shared/iiif/document/history); its present is always `doc`. */
  history: History<JsonObject> | null;
  /**
   * 'public' for a document opened from an internet address: the images it names are asked for as its requests,
   * which may not reach this computer or the private network (electron/services/remote/address-policy.ts).
   */
  docOrigin: 'local' | 'public';
  loadDocument(input: {
    doc: JsonObject;
    format: TextFormat;
    file: FileRef | null;
    name?: string;
    notices?: string[];
    dirty?: boolean;
    textBase?: TextBase | null;
    upgradedFrom?: FileRef | null;
    origin?: 'local' | 'public';
  }): void;
  /**
   * Replaces the document with `next` as one undo step labelled `label`. Consecutive commits with the same
   * `coalesceKey` (e.g. keystrokes in one field during one focus) merge into one step.
   */
  commit(label: string, next: JsonObject, coalesceKey?: string): void;
  undo(): void;
  redo(): void;
  markSaved(file: FileRef, savedDoc: JsonObject, textBase?: TextBase | null): void;
  closeDocument(): void;
}

let keyCounter = 0;
export function newDocumentKey(): string {
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
  textBase: null,
  upgradedFrom: null,
  history: null,
  docOrigin: 'local',
  loadDocument: ({ doc, format, file, name, notices, dirty, textBase, upgradedFrom, origin }) =>
    set({
      docOrigin: origin ?? 'local',
      doc,
      format,
      file,
      untitledName: name ?? 'Untitled',
      savedDoc: dirty ? null : doc,
      documentKey: newDocumentKey(),
      notices: notices ?? [],
      textBase: textBase ?? null,
      upgradedFrom: upgradedFrom ?? null,
      history: createHistory(doc, { limit: HISTORY_LIMIT }),
    }),
  commit: (label, next, coalesceKey) => {
    const { history } = get();
    if (!history) return;
    const updated = pushHistory(
      history,
      next,
      label,
      coalesceKey === undefined ? {} : { coalesce: coalesceKey },
    );
    if (updated !== history) set({ history: updated, doc: updated.present });
  },
  undo: () => {
    const { history } = get();
    if (!history) return;
    const updated = undoHistory(history);
    set({ history: updated, doc: updated.present });
  },
  redo: () => {
    const { history } = get();
    if (!history) return;
    const updated = redoHistory(history);
    set({ history: updated, doc: updated.present });
  },
  markSaved: (file, savedDoc, textBase) =>
    set({ file, savedDoc, textBase: textBase ?? null, upgradedFrom: null }),
  closeDocument: () =>
    set({
      doc: null,
      format: null,
      file: null,
      savedDoc: null,
      notices: [],
      textBase: null,
      upgradedFrom: null,
      history: null,
      documentKey: newDocumentKey(),
    }),
});

export function documentName(state: Pick<DocumentSlice, 'file' | 'untitledName'>): string {
  return state.file?.name ?? state.untitledName;
}

export function isDirty(state: Pick<DocumentSlice, 'doc' | 'savedDoc'>): boolean {
  return state.doc !== null && state.doc !== state.savedDoc;
}

/** What the open document is ('Manifest' or 'Collection'; null for none), derived from its type, never stored. */
export function documentKind(state: Pick<DocumentSlice, 'doc'>): 'Manifest' | 'Collection' | null {
  return documentKindOf(state.doc);
}
