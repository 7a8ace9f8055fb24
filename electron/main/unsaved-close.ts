/**
 * Closing a window (or quitting) with unsaved work: ask Save / Don't Save / Cancel once, and make each answer
 * really happen. No 'electron' import: it works on the two events Electron documents, so the unit tests drive it
 * with plain emitters and the harness drives it with the real bundle.
 *
 * Electron's order (docs: BrowserWindow "Event: 'close'", webContents "Event: 'will-prevent-unload'"):
 *  1. the window emits 'close' before the page's beforeunload; preventDefault() there cancels the close;
 *  2. the page's beforeunload runs; our renderer cancels it while the document is dirty (that guard is what
 *     protects the browser shell), which in Electron silently cancels the close...
 *  3. ...unless main handles 'will-prevent-unload': preventDefault() there ignores the page's handler and lets
 *     the page unload.
 * So "Don't Save" must be remembered from 1 to 3, and "Save" must close the window once the save has finished.
 *
 * Quitting (app.quit, Cmd+Q): Electron emits 'before-quit', then closes each window; a window that cancels its
 * close cancels the quit. "Save" cancels it (the save takes a moment), so once the save has finished the quit
 * must be asked for again: closing the window alone would leave a macOS app running without windows.
 *
 * With several windows, a quit is one thing for all of them (QuitState): Electron closes them one by one, and
 * any window's Cancel or Save stops the whole quit, so no other window may still think it is quitting later.
 */
export type CloseChoice = 'save' | 'discard' | 'cancel';

interface PreventableEvent {
  preventDefault(): void;
}

export interface ClosableWindow {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  close(): void;
  readonly webContents: {
    on(event: 'will-prevent-unload', listener: (event: PreventableEvent) => void): unknown;
  };
}

export interface DocumentState {
  name: string;
  dirty: boolean;
}

/** Whether a quit is under way; one object shared by the guards of every window. */
export interface QuitState {
  requested: boolean;
}

export interface UnsavedCloseGuard {
  /** The renderer's latest report (title bar name, unsaved marker); also the end of a save it was asked for. */
  setState(state: DocumentState): void;
  /** The app's 'before-quit': the close that follows is part of quitting. */
  quitRequested(): void;
  readonly state: DocumentState;
}

export function guardUnsavedClose(
  window: ClosableWindow,
  deps: { ask(name: string): CloseChoice; requestSave(): void; quit(): void; quitState?: QuitState },
): UnsavedCloseGuard {
  let state: DocumentState = { name: 'Untitled', dirty: false };
  // "Don't Save" was chosen: the close now in progress must not be stopped by the page's beforeunload.
  let discarding = false;
  // "Save" was chosen: close when the renderer next reports its state (clean: saved; still dirty: the save
  // failed or its dialog was cancelled, so the window stays).
  let closeAfterSave = false;
  // A quit is under way: the next close belongs to it (and "Save" must quit, not only close, once saved).
  const quit = deps.quitState ?? { requested: false };
  let quitAfterSave = false;

  const decide = (event: PreventableEvent, allowUnload: boolean) => {
    const choice = deps.ask(state.name);
    const wasQuitting = quit.requested;
    if (choice === 'discard') {
      discarding = true;
      if (allowUnload) event.preventDefault();
      return;
    }
    // Any answer but "Don't Save" stops the close, and with it the quit (Electron cancels it) in every window.
    quit.requested = false;
    if (!allowUnload) event.preventDefault();
    if (choice === 'save') {
      closeAfterSave = true;
      quitAfterSave = wasQuitting;
      deps.requestSave();
    }
  };

  window.on('close', (event) => {
    if (!state.dirty || discarding) return;
    decide(event, false);
  });
  window.webContents.on('will-prevent-unload', (event) => {
    // The page refused to unload. When the user already said "Don't Save" (or main thought the document clean
    // and the page knew better), let it go or ask now.
    if (discarding) return event.preventDefault();
    decide(event, true);
  });

  return {
    get state() {
      return state;
    },
    setState(next) {
      state = next;
      if (!closeAfterSave) return;
      closeAfterSave = false;
      const quit = quitAfterSave;
      quitAfterSave = false;
      if (next.dirty) return;
      // Quit again (which closes the now clean window): closing it alone would keep a macOS app running.
      if (quit) deps.quit();
      else window.close();
    },
    quitRequested() {
      quit.requested = true;
    },
  };
}
