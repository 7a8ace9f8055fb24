/**
 * What the canvas panel says to screen readers: one polite live region (see CanvasAnnouncer) that reads out
 * the result of every edit ("Moved 5 canvases to position 1"), since a reorder is otherwise silent.
 */
import { create } from 'zustand';
import { documentKind } from '../../store/document-slice';
import { useAppStore } from '../../store/store';

interface AnnouncerState {
  text: string;
  /** Changes on every announcement, so saying the same sentence twice is still heard. */
  serial: number;
}

export const useAnnouncer = create<AnnouncerState>()(() => ({ text: '', serial: 0 }));

export function announce(text: string): void {
  useAnnouncer.setState((state) => ({ text, serial: state.serial + 1 }));
}

/**
 * "1 canvas", "5 canvases"; in a collection "1 member", "5 members": the grid's actions (and their undo labels)
 * are the same for both, and say what they moved.
 */
export function canvasCount(n: number): string {
  const [one, many] =
    documentKind(useAppStore.getState()) === 'Collection' ? ['member', 'members'] : ['canvas', 'canvases'];
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
