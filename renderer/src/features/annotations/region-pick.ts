/**
 * A one-shot request to draw a box on the viewer for someone else: the structure panel's region form asks for a
 * region of the focused canvas, the viewer's drawing layer draws one box with its box tool, and the box goes to
 * the requester instead of becoming an annotation. Nothing here touches the document, so a pick that is
 * cancelled (Escape, another tool, the form closed) leaves no undo step behind.
 */
import { create } from 'zustand';
import type { Bounds } from '../../../../shared/iiif/annotations';

export interface RegionPick {
  /** The canvas the box is drawn on: the viewer of any other canvas ignores the request. */
  readonly canvasIndex: number;
  /** Called once with the drawn box, in whole canvas pixels. */
  readonly onBox: (box: Bounds) => void;
}

interface RegionPickState {
  pick: RegionPick | null;
  start(pick: RegionPick): void;
  /** Ends the pick without a box (no-op when none is active). */
  cancel(): void;
  /** Hands the box to the requester and ends the pick. */
  finish(box: Bounds): void;
}

export const useRegionPick = create<RegionPickState>()((set, get) => ({
  pick: null,
  start: (pick) => set({ pick }),
  cancel: () => set({ pick: null }),
  finish: (box) => {
    const { pick } = get();
    if (!pick) return;
    set({ pick: null });
    pick.onBox(box);
  },
}));
