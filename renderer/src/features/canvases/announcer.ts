/**
 * What the canvas panel says to screen readers: one polite live region (see CanvasAnnouncer) that reads out
 * the result of every edit ("Moved 5 canvases to position 1"), since a reorder is otherwise silent.
 */
import { create } from 'zustand';

interface AnnouncerState {
  text: string;
  /** Changes on every announcement, so saying the same sentence twice is still heard. */
  serial: number;
}

export const useAnnouncer = create<AnnouncerState>()(() => ({ text: '', serial: 0 }));

export function announce(text: string): void {
  useAnnouncer.setState((state) => ({ text, serial: state.serial + 1 }));
}

/** "1 canvas", "5 canvases". */
export function canvasCount(n: number): string {
  return `${n.toLocaleString('en')} ${n === 1 ? 'canvas' : 'canvases'}`;
}
