/**
 * The close prompt against a stand-in of the two Electron events it uses, in the order Electron documents:
 * BrowserWindow 'close' first, then the page's beforeunload, which (when it cancels) becomes webContents
 * 'will-prevent-unload'; the page unloads only if that event's default is prevented.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardUnsavedClose, type CloseChoice, type QuitState } from '../../../electron/main/unsaved-close';

class StandInWindow extends EventEmitter {
  readonly webContents = new EventEmitter();
  closed = false;
  /** Whether the page's beforeunload cancels the unload (our renderer does while the document is dirty). */
  pageRefusesUnload = false;

  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    if (this.pageRefusesUnload) {
      let allowed = false;
      this.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
      if (!allowed) return;
    }
    this.closed = true;
  }
}

function setUp(choices: CloseChoice[], quitState?: QuitState) {
  const window = new StandInWindow();
  const asked: string[] = [];
  let saves = 0;
  let quits = 0;
  const guard = guardUnsavedClose(window, {
    ask(name) {
      asked.push(name);
      return choices.shift() ?? 'cancel';
    },
    requestSave: () => saves++,
    quit: () => quits++,
    ...(quitState ? { quitState } : {}),
  });
  const edit = () => {
    guard.setState({ name: 'book.json', dirty: true });
    window.pageRefusesUnload = true;
  };
  const saved = (clean: boolean) => {
    if (clean) window.pageRefusesUnload = false;
    guard.setState({ name: 'book.json', dirty: !clean });
  };
  /** app.quit(): 'before-quit', then each window's close. */
  const quit = () => {
    guard.quitRequested();
    window.close();
  };
  return { window, asked, saves: () => saves, quits: () => quits, edit, saved, quit, guard };
}

describe('closing a window with unsaved work', () => {
  it('closes a clean window without asking', () => {
    const t = setUp([]);
    t.window.close();
    expect(t.window.closed).toBe(true);
    expect(t.asked).toEqual([]);
  });

  it('“Don’t Save” closes it, although the page’s beforeunload refuses', () => {
    const t = setUp(['discard']);
    t.edit();
    t.window.close();
    expect(t.asked).toEqual(['book.json']);
    expect(t.window.closed).toBe(true);
  });

  it('“Cancel” keeps it open', () => {
    const t = setUp(['cancel']);
    t.edit();
    t.window.close();
    expect(t.window.closed).toBe(false);
  });

  it('“Save” saves, then closes once the renderer reports the document clean', () => {
    const t = setUp(['save']);
    t.edit();
    t.window.close();
    expect(t.saves()).toBe(1);
    expect(t.window.closed).toBe(false);
    t.saved(true);
    expect(t.window.closed).toBe(true);
    expect(t.asked).toHaveLength(1);
  });

  it('“Save” whose save fails or is cancelled leaves the window open, and a later save does not close it', () => {
    const t = setUp(['save']);
    t.edit();
    t.window.close();
    t.saved(false);
    expect(t.window.closed).toBe(false);
    t.saved(true);
    expect(t.window.closed).toBe(false);
  });

  it('asks from will-prevent-unload when main had not yet heard the document was dirty', () => {
    const t = setUp(['discard']);
    t.window.pageRefusesUnload = true;
    t.window.close();
    expect(t.asked).toHaveLength(1);
    expect(t.window.closed).toBe(true);
  });

  it('“Save” on Quit quits once saved (closing the window alone keeps a macOS app running)', () => {
    const t = setUp(['save']);
    t.edit();
    t.quit();
    expect(t.window.closed).toBe(false);
    t.saved(true);
    expect(t.quits()).toBe(1);
  });

  it('“Save” on Quit whose save fails neither quits nor closes', () => {
    const t = setUp(['save']);
    t.edit();
    t.quit();
    t.saved(false);
    expect(t.quits()).toBe(0);
    expect(t.window.closed).toBe(false);
  });

  it('a quit cancelled with “Cancel” is over: a later close with “Save” only closes the window', () => {
    const t = setUp(['cancel', 'save']);
    t.edit();
    t.quit();
    t.window.close();
    t.saved(true);
    expect(t.quits()).toBe(0);
    expect(t.window.closed).toBe(true);
  });

  it('with two windows, a quit one window cancels is over for the other too', () => {
    // One quit state for the app, as main shares it between its windows' guards.
    const quitState: QuitState = { requested: false };
    const first = setUp(['cancel'], quitState);
    const second = setUp(['save'], quitState);
    first.edit();
    second.edit();
    // app.quit(): 'before-quit' (each window hears of it), then Electron closes the windows one by one; the
    // first's Cancel stops the quit.
    first.guard.quitRequested();
    second.guard.quitRequested();
    first.window.close();
    expect(first.window.closed).toBe(false);
    // Later the user closes the second window alone and saves: it closes, and the app does not quit.
    second.window.close();
    second.saved(true);
    expect(second.window.closed).toBe(true);
    expect(second.quits()).toBe(0);
  });

  it('with two windows, “Don’t Save” in one lets the quit go on to the other', () => {
    const quitState: QuitState = { requested: false };
    const first = setUp(['discard'], quitState);
    const second = setUp(['save'], quitState);
    first.edit();
    second.edit();
    first.guard.quitRequested();
    first.window.close();
    expect(first.window.closed).toBe(true);
    second.window.close();
    second.saved(true);
    expect(second.quits()).toBe(1);
  });
});
