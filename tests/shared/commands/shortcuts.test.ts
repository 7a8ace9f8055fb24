import { describe, expect, it } from 'vitest';
import {
  acceleratorOf,
  matchesShortcut,
  parseChord,
  shortcutText,
  type KeyPress,
} from '../../../shared/commands/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts in aria-keyshortcuts syntax', () => {
  it('matches Ctrl or Cmd for Control, and the modifiers exactly', () => {
    expect(matchesShortcut('Control+S', press('s', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut('Control+S', press('s', { metaKey: true }))).toBe(true);
    expect(matchesShortcut('Control+S', press('S', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesShortcut('Control+Shift+S', press('S', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut('Control+S', press('s', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut('Escape', press('Escape', { ctrlKey: true }))).toBe(false);
  });

  it('takes any of the alternatives, and Alt+letter by the physical key', () => {
    expect(matchesShortcut('Delete Backspace', press('Backspace'))).toBe(true);
    expect(matchesShortcut('Alt+P', press('π', { altKey: true, code: 'KeyP' }))).toBe(true);
  });

  it('reads them out and turns them into Electron accelerators', () => {
    expect(shortcutText('Control+Shift+P')).toBe('Ctrl+Shift+P');
    expect(shortcutText('Control+Shift+P', true)).toBe('Cmd+Shift+P');
    expect(shortcutText('Alt+ArrowUp Alt+ArrowLeft')).toBe('Alt+Up');
    expect(acceleratorOf(parseChord('Control+='))).toBe('CmdOrCtrl+=');
    expect(acceleratorOf(parseChord('Alt+ArrowDown'))).toBe('Alt+Down');
    expect(acceleratorOf(parseChord('Control+Shift+Tab'))).toBe('Ctrl+Shift+Tab');
    expect(() => parseChord('Hyper+X')).toThrow(/Not a shortcut/);
  });
});
