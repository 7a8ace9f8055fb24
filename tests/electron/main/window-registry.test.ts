/**
 * The registry of open windows against plain emitters with the two events Electron documents for it:
 * BrowserWindow 'focus' and 'closed'.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createWindowRegistry } from '../../../electron/main/window-registry';

class StandInWindow extends EventEmitter {
  readonly webContents = { id: Math.random() };
}

describe('the window registry', () => {
  it('knows each window by its page, and the one used last', () => {
    const registry = createWindowRegistry<StandInWindow, { name: string }>();
    const first = new StandInWindow();
    const second = new StandInWindow();
    const a = registry.add(first, () => ({ name: 'first' }));
    const b = registry.add(second, () => ({ name: 'second' }));
    expect(registry.fromSender(first.webContents)).toBe(a);
    expect(registry.fromSender(second.webContents)).toBe(b);
    // A page that is not one of our windows' (another web contents) is nobody's.
    expect(registry.fromSender({ id: 1 })).toBeNull();
    // A new window is in front; focusing the first brings it back.
    expect(registry.lastFocused()).toBe(b);
    first.emit('focus');
    expect(registry.lastFocused()).toBe(a);
    expect(registry.all().map((e) => e.data.name)).toEqual(['first', 'second']);
  });

  it('gives each window its own owner token, which stops being open when it closes', () => {
    const registry = createWindowRegistry<StandInWindow, null>();
    const closed: string[] = [];
    registry.onClosed((entry) => closed.push(entry.owner));
    const first = new StandInWindow();
    const a = registry.add(first, () => null);
    const b = registry.add(new StandInWindow(), () => null);
    expect(a.owner).not.toBe(b.owner);
    expect(a.owner).toMatch(/^[0-9a-f-]{36}$/);
    expect(registry.isOpen(a.owner)).toBe(true);
    first.emit('closed');
    expect(registry.isOpen(a.owner)).toBe(false);
    expect(registry.fromSender(first.webContents)).toBeNull();
    expect(closed).toEqual([a.owner]);
    // A late focus event of a closed window does not bring it back.
    first.emit('focus');
    expect(registry.all()).toEqual([b]);
  });

  it('sends files to the window used last whose page listens', () => {
    const registry = createWindowRegistry<StandInWindow, null>();
    const older = new StandInWindow();
    const a = registry.add(older, () => null);
    expect(registry.lastFocusedReady()).toBeNull();
    a.ready = true;
    // A window still loading is skipped: its page would lose the file.
    registry.add(new StandInWindow(), () => null);
    expect(registry.lastFocusedReady()).toBe(a);
  });
});
