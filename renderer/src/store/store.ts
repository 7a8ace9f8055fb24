/**
 * The one store, made of slices, so that undo, selection and session state change together in one update.
 * Components read it through selectors, and re-render only for what they select.
 */
import { create } from 'zustand';
import { imageInitiatorFrom } from '../features/images/image-src';
import { createDocumentSlice, newDocumentKey, type DocumentSlice } from './document-slice';
import { createDocumentsSlice, type DocumentsSlice } from './documents-slice';
import { followListing } from './grid-list';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type AppState = DocumentSlice & DocumentsSlice & SelectionSlice & SessionSlice;

export const useAppStore = create<AppState>()((set, get, store) => {
  const documentSlice = createDocumentSlice(set, get, store);
  // Undo and redo move canvases; the selection (by index) follows the canvases it named, and the member grid
  // stays in the sub-collection it showed (grid-list.ts).
  const stepHistory = (step: () => void) => {
    const before = get();
    step();
    const after = get();
    if (before.doc && after.doc && before.doc !== after.doc) set(followListing(before, after.doc));
  };
  return {
    ...documentSlice,
    ...createSelectionSlice(set, get, store),
    ...createSessionSlice(set, get, store),
    ...createDocumentsSlice(newDocumentKey)(set, get, store),
    // A message speaks of the document it came with ("Saved book.json", "Recovered …"): another document, or
    // none, makes it stale. Flows that have something to say about the new document say it after loading.
    // Loading replaces the active document in its tab (or opens the first tab); flows that open a document
    // beside the others set the active one aside first (documents/document-tabs.ts).
    loadDocument: (input) => {
      const previousKey = get().documentKey;
      documentSlice.loadDocument(input);
      const key = get().documentKey;
      const list = get().openDocuments;
      const replaced = list.some((entry) => entry.key === previousKey && entry.snapshot === null);
      set({
        message: null,
        memberPath: [],
        openDocuments: replaced
          ? list.map((entry) => (entry.key === previousKey ? { key, snapshot: null } : entry))
          : [...list, { key, snapshot: null }],
      });
    },
    // Closing takes the active document's tab away; the tab after it (else before it) becomes active.
    closeDocument: () => {
      const { openDocuments, documentKey } = get();
      const at = openDocuments.findIndex((entry) => entry.key === documentKey);
      const rest = openDocuments.filter((entry) => entry.key !== documentKey);
      const next = rest[Math.min(Math.max(at, 0), rest.length - 1)]?.snapshot;
      if (next) {
        set({
          ...next,
          message: null,
          openDocuments: rest.map((entry) =>
            entry.key === next.documentKey ? { key: entry.key, snapshot: null } : entry,
          ),
        });
        return;
      }
      documentSlice.closeDocument();
      set({ message: null, memberPath: [], openDocuments: [] });
    },
    undo: () => stepHistory(documentSlice.undo),
    redo: () => stepHistory(documentSlice.redo),
  };
});

// Images the open document names are asked for on its behalf: from the internet, they are a public document's.
imageInitiatorFrom(() => useAppStore.getState().docOrigin);
