/**
 * Which canvases are selected, by index into the manifest's items. Kept out of the undo history: selecting is
 * not editing. The anchor is where a Shift-click range starts; `focus` is the keyboard cursor.
 *
 * In a collection the grid may show an embedded sub-collection instead of the document's own members
 * (`memberPath`, shared/iiif/collection/member-path.ts); the selection then counts that collection's members.
 * Like the selection, where one is in the document is not an edit.
 */
import type { StateCreator } from 'zustand';
import type { MemberPath } from '../../../shared/iiif/collection';

export interface SelectionSlice {
  selected: ReadonlySet<number>;
  anchor: number | null;
  focus: number | null;
  /** The embedded sub-collection the member grid shows ([]: the document's own members). */
  memberPath: MemberPath;
  selectOnly(index: number): void;
  toggle(index: number): void;
  selectRange(index: number): void;
  selectAll(count: number): void;
  selectNone(): void;
  setSelection(indices: Iterable<number>, focus?: number | null): void;
  /** Moves the keyboard cursor without changing the selection (Ctrl+arrow keys in the canvas grid). */
  setFocus(index: number | null): void;
  /** Shows the collection at `path` in the member grid, with the member at `focus` (if any) selected. */
  showMembersAt(path: MemberPath, focus: number | null): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set, get) => ({
  selected: new Set(),
  anchor: null,
  focus: null,
  memberPath: [],
  selectOnly: (index) => set({ selected: new Set([index]), anchor: index, focus: index }),
  toggle: (index) => {
    const next = new Set(get().selected);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    set({ selected: next, anchor: index, focus: index });
  },
  selectRange: (index) => {
    const anchor = get().anchor ?? index;
    const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
    const next = new Set<number>();
    for (let i = from; i <= to; i++) next.add(i);
    set({ selected: next, focus: index });
  },
  selectAll: (count) => {
    const next = new Set<number>();
    for (let i = 0; i < count; i++) next.add(i);
    set({ selected: next });
  },
  selectNone: () => set({ selected: new Set(), anchor: null }),
  setSelection: (indices, focus) => {
    const next = new Set(indices);
    set({ selected: next, focus: focus ?? null, anchor: focus ?? null });
  },
  setFocus: (index) => set({ focus: index }),
  showMembersAt: (path, focus) =>
    set({ memberPath: path, selected: new Set(focus === null ? [] : [focus]), focus, anchor: focus }),
});
