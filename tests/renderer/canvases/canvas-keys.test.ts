import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../../shared/commands/shortcuts';
import { navigationFor } from '../../../renderer/src/features/canvases/canvas-keys';
import { commandForKey } from '../../../renderer/src/commands/run-command';

function press(key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods };
}

/** The id of the command a key press runs in the canvas grid. */
const gridCommand = (p: KeyPress) => commandForKey(p, 'grid')?.id ?? null;

describe('canvas grid keys', () => {
  it('moves the cursor, extending with Shift and keeping the selection with Ctrl', () => {
    expect(navigationFor(press('ArrowDown'))).toEqual({
      kind: 'focus',
      step: 'down',
      extend: false,
      keepSelection: false,
    });
    expect(navigationFor(press('End', { shiftKey: true }))).toMatchObject({ step: 'last', extend: true });
    expect(navigationFor(press('ArrowRight', { ctrlKey: true }))).toMatchObject({ keepSelection: true });
    expect(navigationFor(press(' '))).toEqual({ kind: 'toggle-focused' });
  });

  it('moves the selection with Alt and the arrows, Home and End', () => {
    expect(navigationFor(press('ArrowUp', { altKey: true }))).toBeNull();
    expect(gridCommand(press('ArrowUp', { altKey: true }))).toBe('move-up');
    expect(gridCommand(press('ArrowLeft', { altKey: true }))).toBe('move-up');
    expect(gridCommand(press('ArrowRight', { altKey: true }))).toBe('move-down');
    expect(gridCommand(press('Home', { altKey: true }))).toBe('send-to-start');
    expect(gridCommand(press('End', { altKey: true }))).toBe('send-to-end');
  });

  it('reads Alt+letter by the physical key, whatever character the layout types', () => {
    expect(gridCommand(press('π', { altKey: true, code: 'KeyP' }))).toBe('move-to');
    expect(gridCommand(press('r', { altKey: true }))).toBe('reverse');
    expect(gridCommand(press('s', { altKey: true }))).toBe('sort');
  });

  it('maps the editing shortcuts, with Cmd as well as Ctrl', () => {
    expect(gridCommand(press('x', { ctrlKey: true }))).toBe('cut');
    expect(gridCommand(press('c', { ctrlKey: true }))).toBe('copy');
    expect(gridCommand(press('C', { metaKey: true }))).toBe('copy');
    expect(gridCommand(press('v', { metaKey: true }))).toBe('paste');
    expect(gridCommand(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(gridCommand(press('Delete'))).toBe('delete');
    expect(gridCommand(press('Backspace'))).toBe('delete');
    expect(gridCommand(press('F2'))).toBe('relabel');
    expect(gridCommand(press('Escape'))).toBe('select-none');
    // Ctrl+A is the window's Select All (the same command from the Edit menu), not only the grid's.
    expect(commandForKey(press('a', { ctrlKey: true }), 'window')?.id).toBe('select-all');
  });

  it('leaves other keys (saving, undo, tabbing) to the rest of the app', () => {
    for (const key of [
      press('s', { ctrlKey: true }),
      press('z', { ctrlKey: true }),
      press('Tab'),
      press('ArrowUp', { altKey: true, shiftKey: true }),
      press('Escape', { shiftKey: true }),
      press('q'),
    ]) {
      expect(navigationFor(key)).toBeNull();
      expect(gridCommand(key)).toBeNull();
    }
  });
});
