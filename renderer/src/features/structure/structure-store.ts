/**
 * The structure panel's own state: whether it is shown, which Ranges are collapsed, the keyboard cursor and
 * the row being renamed. None of it is the document (the tree is derived from the document on each change),
 * so it lives outside the document store and its undo history, like the Sources panel's store.
 */
import { create } from 'zustand';

export interface StructureState {
  open: boolean;
  /** Collapsed Ranges by TreeRow.collapseKey: Ranges start expanded, so a new one shows what it holds. */
  collapsed: ReadonlySet<string>;
  /** TreeRow.key of the keyboard cursor. */
  focusKey: string | null;
  /** TreeRow.key of the row whose label is being edited. */
  editingKey: string | null;
  /** The live region's sentence, and a serial so the same sentence twice is heard twice. */
  announcement: { text: string; serial: number };
  setOpen(open: boolean): void;
  toggleCollapsed(key: string, collapsed?: boolean): void;
  setFocusKey(key: string | null): void;
  setEditingKey(key: string | null): void;
}

export const useStructureStore = create<StructureState>()((set, get) => ({
  open: false,
  collapsed: new Set(),
  focusKey: null,
  editingKey: null,
  announcement: { text: '', serial: 0 },
  setOpen: (open) => set({ open }),
  toggleCollapsed: (key, collapsed) => {
    const next = new Set(get().collapsed);
    const collapse = collapsed ?? !next.has(key);
    if (collapse) next.add(key);
    else next.delete(key);
    set({ collapsed: next });
  },
  setFocusKey: (focusKey) => set({ focusKey }),
  setEditingKey: (editingKey) => set({ editingKey }),
}));

export function announceStructure(text: string): void {
  useStructureStore.setState((s) => ({ announcement: { text, serial: s.announcement.serial + 1 } }));
}
