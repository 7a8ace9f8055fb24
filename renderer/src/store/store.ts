/**
 * The one store, made of slices, so that undo, selection and session state change together in one update.
 * Components read it through selectors, and re-render only for what they select.
 */
import { create } from 'zustand';
import { imageInitiatorFrom } from '../features/images/image-src';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { followSelection } from './selection-follow';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type AppState = DocumentSlice & SelectionSlice & SessionSlice;

export const useAppStore = create<AppState>()((set, get, store) => {
  const documentSlice = createDocumentSlice(set, get, store);
  // Undo and redo move canvases; the selection (by index) follows the canvases it named.
  const stepHistory = (step: () => void) => {
    const before = get();
    step();
    const after = get();
    if (before.doc && after.doc && before.doc !== after.doc) {
      const { selected, focus, anchor } = before;
      set(followSelection(before.doc, after.doc, { selected, focus, anchor }));
    }
  };
  return {
    ...documentSlice,
    ...createSelectionSlice(set, get, store),
    ...createSessionSlice(set, get, store),
    // A message speaks of the document it came with ("Saved book.json", "Recovered …"): another document, or
    // none, makes it stale. Flows that have something to say about the new document say it after loading.
    loadDocument: (input) => {
      documentSlice.loadDocument(input);
      set({ message: null });
    },
    closeDocument: () => {
      documentSlice.closeDocument();
      set({ message: null });
    },
    undo: () => stepHistory(documentSlice.undo),
    redo: () => stepHistory(documentSlice.redo),
  };
});

// Images the open document names are asked for on its behalf: from the internet, they are a public document's.
imageInitiatorFrom(() => useAppStore.getState().docOrigin);
