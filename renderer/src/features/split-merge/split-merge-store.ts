/** Which of the Split and Merge dialogs is open (they hold their own inputs while open). */
import { create } from 'zustand';

export type SplitMergeDialog = 'split' | 'merge';

interface SplitMergeState {
  open: SplitMergeDialog | null;
  show(dialog: SplitMergeDialog): void;
  close(): void;
}

export const useSplitMergeStore = create<SplitMergeState>((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));
