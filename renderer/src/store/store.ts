/** The one store, made of slices (architecture §5). Components read it through selectors. */
import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type AppState = DocumentSlice & SelectionSlice & SessionSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createSelectionSlice(...args),
  ...createSessionSlice(...args),
}));
