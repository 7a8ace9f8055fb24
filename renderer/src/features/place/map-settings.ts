/**
 * The place map's base map: the built-in offline world (the default) or, when the user gives one, a tile
 * address for use online, with its attribution. A preference of this machine, not of the document: it lives
 * outside the app store and its undo history, and is remembered across sessions (like the grid settings).
 */
import { create } from 'zustand';

const STORAGE_KEY = 'tessera.placeMap';

interface MapSettings {
  /** An XYZ tile address checked by checkTileTemplate, or '' for the built-in world map only. */
  tileTemplate: string;
  attribution: string;
  setTiles(tileTemplate: string, attribution: string): void;
}

function restored(): Pick<MapSettings, 'tileTemplate' | 'attribution'> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<MapSettings> | null;
    return {
      tileTemplate: typeof saved?.tileTemplate === 'string' ? saved.tileTemplate : '',
      attribution: typeof saved?.attribution === 'string' ? saved.attribution : '',
    };
  } catch {
    // Storage may be unavailable or hold junk: the offline map needs nothing from it.
    return { tileTemplate: '', attribution: '' };
  }
}

export const useMapSettings = create<MapSettings>()((set) => ({
  ...restored(),
  setTiles: (tileTemplate, attribution) => {
    set({ tileTemplate, attribution });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ tileTemplate, attribution }));
    } catch {
      // Not remembering a preference is harmless.
    }
  },
}));
