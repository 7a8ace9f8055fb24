/** The Add images dialog's state: what was asked for, how far the batch is, and what failed and why. */
import { create } from 'zustand';

export interface AddFailure {
  /** The input as given (an address, a content state, a file name). */
  readonly input: string;
  readonly reason: string;
}

/** An input whose image the manifest already showed before it was added (again). */
export interface AddDuplicate {
  readonly input: string;
  /** 1-based position of the canvas that already showed it, when the batch was added. */
  readonly position: number;
}

export type AddPhase = 'edit' | 'running' | 'done';

export interface AddImagesState {
  open: boolean;
  text: string;
  /** 1-based position of the first new canvas; null = after the last canvas. */
  position: number | null;
  phase: AddPhase;
  /** What the progress line says is being done. */
  activity: string;
  total: number;
  completed: number;
  added: number;
  failures: readonly AddFailure[];
  /** Some answers came from the offline cache because a server could not be reached. */
  staleCount: number;
  duplicates: readonly AddDuplicate[];
  show(options?: { text?: string; position?: number | null }): void;
  close(): void;
  setText(text: string): void;
  setPosition(position: number | null): void;
  update(patch: Partial<Omit<AddImagesState, 'show' | 'close' | 'setText' | 'setPosition' | 'update'>>): void;
}

export const useAddImagesStore = create<AddImagesState>()((set) => ({
  open: false,
  text: '',
  position: null,
  phase: 'edit',
  activity: '',
  total: 0,
  completed: 0,
  added: 0,
  failures: [],
  staleCount: 0,
  duplicates: [],
  show: (options = {}) =>
    set((state) => ({
      open: true,
      text: options.text ?? (state.phase === 'done' ? '' : state.text),
      position: options.position !== undefined ? options.position : state.position,
      ...(state.phase === 'done'
        ? {
            phase: 'edit' as const,
            total: 0,
            completed: 0,
            added: 0,
            failures: [],
            staleCount: 0,
            duplicates: [],
          }
        : {}),
    })),
  close: () => set({ open: false }),
  setText: (text) => set({ text }),
  setPosition: (position) => set({ position }),
  update: (patch) => set(patch),
}));
