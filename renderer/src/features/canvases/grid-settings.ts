/**
 * How the canvas panel is displayed: grid or list, and the thumbnail size. A viewing preference, not part of
 * the document, so it lives outside the app store and its undo history, and is remembered across sessions.
 */
import { create } from 'zustand';
import { clampThumbSize, type CanvasViewMode } from './grid-geometry';

const STORAGE_KEY = 'tessera.canvasGrid';
export const DEFAULT_THUMB_SIZE = 112;

interface GridSettings {
  mode: CanvasViewMode;
  thumbSize: number;
  setMode(mode: CanvasViewMode): void;
  setThumbSize(size: number): void;
}

function restored(): Pick<GridSettings, 'mode' | 'thumbSize'> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<GridSettings> | null;
    return {
      mode: saved?.mode === 'list' ? 'list' : 'grid',
      thumbSize: clampThumbSize(typeof saved?.thumbSize === 'number' ? saved.thumbSize : DEFAULT_THUMB_SIZE),
    };
  } catch {
    // Storage may be unavailable (privacy settings) or hold junk: fall back to the defaults.
    return { mode: 'grid', thumbSize: DEFAULT_THUMB_SIZE };
  }
}

function persist(settings: Pick<GridSettings, 'mode' | 'thumbSize'>) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not remembering a view preference is harmless.
  }
}

export const useGridSettings = create<GridSettings>()((set, get) => ({
  ...restored(),
  setMode: (mode) => {
    set({ mode });
    persist({ mode, thumbSize: get().thumbSize });
  },
  setThumbSize: (size) => {
    const thumbSize = clampThumbSize(size);
    set({ thumbSize });
    persist({ mode: get().mode, thumbSize });
  },
}));
