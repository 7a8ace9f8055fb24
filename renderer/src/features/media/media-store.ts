/** The "Add audio or video" dialog's state: open or not, what it is doing, and what went wrong. */
import { create } from 'zustand';

export interface AddMediaState {
  readonly open: boolean;
  readonly url: string;
  /** Add as one more clip of the focused time-based canvas (else: a new canvas after the focused one). */
  readonly asClip: boolean;
  readonly busy: string | null;
  readonly error: string | null;
  readonly added: string | null;
  show(): void;
  close(): void;
  update(patch: Partial<Pick<AddMediaState, 'url' | 'asClip' | 'busy' | 'error' | 'added'>>): void;
}

export const useAddMediaStore = create<AddMediaState>((set) => ({
  open: false,
  url: '',
  asClip: false,
  busy: null,
  error: null,
  added: null,
  show: () => set({ open: true, busy: null, error: null, added: null }),
  close: () => set({ open: false, busy: null }),
  update: (patch) => set(patch),
}));
