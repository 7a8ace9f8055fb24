/**
 * Keyboard shortcuts as written in the command table: aria-keyshortcuts syntax ("Control+Shift+S", "Alt+ArrowUp",
 * "Escape"; alternatives separated by spaces, "Delete Backspace"), so the same string goes into the attribute.
 * "Control" stands for Ctrl, or Cmd on macOS (Electron's CmdOrCtrl). Pure, so the native menu (main) and the
 * page read the same string the same way.
 */

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Physical key ('KeyP'): Alt+letter types another character on some layouts (macOS Option+P is π). */
  readonly code?: string;
}

export interface Chord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** The key's name as KeyboardEvent.key gives it, letters in lower case. */
  readonly key: string;
}

const MODIFIERS = new Set(['Control', 'Shift', 'Alt']);

/** One chord ("Control+Shift+S"); the key is the last part, so "Control++" is not supported (nor needed). */
export function parseChord(text: string): Chord {
  const parts = text.split('+');
  const key = parts.pop() ?? '';
  if (key === '' || parts.some((part) => !MODIFIERS.has(part))) throw new Error(`Not a shortcut: "${text}"`);
  return {
    mod: parts.includes('Control'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
}

/** Every chord of a shortcut string (alternatives separated by spaces). */
export function parseShortcut(keys: string): Chord[] {
  return keys.split(' ').filter(Boolean).map(parseChord);
}

export function matchesChord(chord: Chord, press: KeyPress): boolean {
  if ((press.ctrlKey || press.metaKey) !== chord.mod || press.shiftKey !== chord.shift) return false;
  if (press.altKey !== chord.alt) return false;
  if (chord.key.length > 1) return press.key === chord.key;
  // With Alt the layout may type another character: read the physical key of letters.
  const letter =
    press.altKey && press.code?.startsWith('Key')
      ? press.code.slice(3).toLowerCase()
      : press.key.toLowerCase();
  return letter === chord.key;
}

export function matchesShortcut(keys: string, press: KeyPress): boolean {
  return parseShortcut(keys).some((chord) => matchesChord(chord, press));
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
};

/** The first chord as people read it: "Ctrl+Shift+S" ("⌘⇧S"-style glyphs are left to macOS's own menu). */
export function shortcutText(keys: string, mac = false): string {
  const chord = parseShortcut(keys)[0];
  if (!chord) return '';
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return [chord.mod ? (mac ? 'Cmd' : 'Ctrl') : '', chord.shift ? 'Shift' : '', chord.alt ? 'Alt' : '', key]
    .filter(Boolean)
    .join('+');
}

const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  '+': 'Plus',
  ' ': 'Space',
};

/**
 * A chord as an Electron accelerator ("CmdOrCtrl+Shift+S"). Control+Tab stays Ctrl+Tab on macOS too: Cmd+Tab
 * belongs to the system's application switcher.
 */
export function acceleratorOf(chord: Chord): string {
  const key = ACCELERATOR_KEYS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const mod = chord.key === 'Tab' ? 'Ctrl' : 'CmdOrCtrl';
  return [chord.mod ? mod : '', chord.shift ? 'Shift' : '', chord.alt ? 'Alt' : '', key]
    .filter(Boolean)
    .join('+');
}
