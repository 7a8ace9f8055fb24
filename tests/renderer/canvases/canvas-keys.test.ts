import { describe, expect, it } from 'vitest';
import { canvasCommandFor, type KeyPress } from '../../../renderer/src/features/canvases/canvas-keys';

function press(key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods };
}

describe('canvas grid keys', () => {
  it('moves the cursor, extending with Shift and keeping the selection with Ctrl', () => {
    expect(canvasCommandFor(press('ArrowDown'))).toEqual({
      kind: 'focus',
      step: 'down',
      extend: false,
      keepSelection: false,
    });
    expect(canvasCommandFor(press('End', { shiftKey: true }))).toMatchObject({ step: 'last', extend: true });
    expect(canvasCommandFor(press('ArrowRight', { ctrlKey: true }))).toMatchObject({ keepSelection: true });
  });

  it('moves the selection with Alt and the arrows, Home and End', () => {
    expect(canvasCommandFor(press('ArrowUp', { altKey: true }))).toEqual({ kind: 'move-by', delta: -1 });
    expect(canvasCommandFor(press('ArrowRight', { altKey: true }))).toEqual({ kind: 'move-by', delta: 1 });
    expect(canvasCommandFor(press('Home', { altKey: true }))).toEqual({ kind: 'send-to-start' });
    expect(canvasCommandFor(press('End', { altKey: true }))).toEqual({ kind: 'send-to-end' });
  });

  it('reads Alt+letter by the physical key, whatever character the layout types', () => {
    expect(canvasCommandFor(press('π', { altKey: true, code: 'KeyP' }))).toEqual({ kind: 'move-to' });
    expect(canvasCommandFor(press('r', { altKey: true }))).toEqual({ kind: 'reverse' });
    expect(canvasCommandFor(press('s', { altKey: true }))).toEqual({ kind: 'sort' });
  });

  it('maps the editing shortcuts, with Cmd as well as Ctrl', () => {
    expect(canvasCommandFor(press('x', { ctrlKey: true }))).toEqual({ kind: 'cut' });
    expect(canvasCommandFor(press('c', { ctrlKey: true }))).toEqual({ kind: 'copy' });
    expect(canvasCommandFor(press('C', { metaKey: true }))).toEqual({ kind: 'copy' });
    expect(canvasCommandFor(press('v', { metaKey: true }))).toEqual({ kind: 'paste' });
    expect(canvasCommandFor(press('d', { ctrlKey: true }))).toEqual({ kind: 'duplicate' });
    expect(canvasCommandFor(press('Delete'))).toEqual({ kind: 'delete' });
    expect(canvasCommandFor(press('F2'))).toEqual({ kind: 'relabel' });
    expect(canvasCommandFor(press(' '))).toEqual({ kind: 'toggle-focused' });
    expect(canvasCommandFor(press('a', { ctrlKey: true }))).toEqual({ kind: 'select-all' });
    expect(canvasCommandFor(press('Escape'))).toEqual({ kind: 'select-none' });
  });

  it('leaves other keys (saving, undo, tabbing) to the rest of the app', () => {
    for (const key of [
      press('s', { ctrlKey: true }),
      press('z', { ctrlKey: true }),
      press('Tab'),
      press('ArrowUp', { altKey: true, shiftKey: true }),
      press('q'),
    ])
      expect(canvasCommandFor(key)).toBeNull();
  });
});
