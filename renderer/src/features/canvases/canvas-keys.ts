/**
 * The canvas grid's keyboard map, as data: a key press becomes a command, or null when the grid leaves the
 * key alone (Tab, Ctrl+S for saving, typing in fields). One table feeds the key handler, the toolbar's
 * aria-keyshortcuts and the help text, so they never disagree.
 *
 *   Arrows, Home, End, PageUp/Down   move the cursor and select that canvas (Shift extends, Ctrl keeps the selection)
 *   Space (or Ctrl+Space)            toggle the focused canvas in the selection
 *   Ctrl+A / Escape                  select all / none
 *   Alt+Up/Left, Alt+Down/Right      move the selection one place earlier / later
 *   Alt+Home / Alt+End               send the selection to the start / end
 *   Alt+P                            move the selection to a position…
 *   Ctrl+X, Ctrl+C, Ctrl+V           cut or copy the selection; paste after the focused canvas (moves what was
 *                                    cut, inserts new copies of what was copied)
 *   Ctrl+D                           duplicate;  Delete  delete
 *   Alt+R, Alt+S                     reverse; sort by label
 *   F2                               relabel…
 */

export type FocusStep = 'previous' | 'next' | 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last';

export type CanvasCommand =
  | { kind: 'focus'; step: FocusStep; extend: boolean; keepSelection: boolean }
  | { kind: 'toggle-focused' }
  | { kind: 'select-all' }
  | { kind: 'select-none' }
  | { kind: 'move-by'; delta: -1 | 1 }
  | { kind: 'send-to-start' }
  | { kind: 'send-to-end' }
  | { kind: 'move-to' }
  | { kind: 'cut' }
  | { kind: 'copy' }
  | { kind: 'paste' }
  | { kind: 'duplicate' }
  | { kind: 'delete' }
  | { kind: 'reverse' }
  | { kind: 'sort' }
  | { kind: 'relabel' };

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Physical key ('KeyP'): Alt+letter types another character on some layouts (macOS Option+P is π). */
  readonly code?: string;
}

/** aria-keyshortcuts values for the toolbar buttons. */
export const SHORTCUTS = {
  'move-up': 'Alt+ArrowUp',
  'move-down': 'Alt+ArrowDown',
  'send-to-start': 'Alt+Home',
  'send-to-end': 'Alt+End',
  'move-to': 'Alt+P',
  cut: 'Control+X',
  copy: 'Control+C',
  paste: 'Control+V',
  duplicate: 'Control+D',
  delete: 'Delete',
  reverse: 'Alt+R',
  sort: 'Alt+S',
  relabel: 'F2',
  'select-all': 'Control+A',
  'select-none': 'Escape',
} as const;

const FOCUS_KEYS: Readonly<Record<string, FocusStep>> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'first',
  End: 'last',
};

export function canvasCommandFor(press: KeyPress): CanvasCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  const { key, altKey: alt, shiftKey: shift } = press;
  if (alt && !mod && !shift) {
    if (key === 'ArrowUp' || key === 'ArrowLeft') return { kind: 'move-by', delta: -1 };
    if (key === 'ArrowDown' || key === 'ArrowRight') return { kind: 'move-by', delta: 1 };
    if (key === 'Home') return { kind: 'send-to-start' };
    if (key === 'End') return { kind: 'send-to-end' };
    const letter = press.code?.startsWith('Key') ? press.code.slice(3).toLowerCase() : key.toLowerCase();
    if (letter === 'p') return { kind: 'move-to' };
    if (letter === 'r') return { kind: 'reverse' };
    if (letter === 's') return { kind: 'sort' };
    return null;
  }
  if (alt) return null;
  const step = FOCUS_KEYS[key];
  if (step) return { kind: 'focus', step, extend: shift, keepSelection: mod && !shift };
  if (key === ' ' && !shift) return { kind: 'toggle-focused' };
  if (key === 'Escape' && !mod && !shift) return { kind: 'select-none' };
  if ((key === 'Delete' || key === 'Backspace') && !mod && !shift) return { kind: 'delete' };
  if (key === 'F2' && !mod && !shift) return { kind: 'relabel' };
  if (mod && !shift) {
    switch (key.toLowerCase()) {
      case 'a':
        return { kind: 'select-all' };
      case 'x':
        return { kind: 'cut' };
      case 'c':
        return { kind: 'copy' };
      case 'v':
        return { kind: 'paste' };
      case 'd':
        return { kind: 'duplicate' };
    }
  }
  return null;
}
