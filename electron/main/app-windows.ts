/**
 * Opening the app's windows and answering what their pages send outside the contract (menu entries, title bar
 * state, dropped files, "ready", "new window"). Every window is made alike (window-options.ts: the security
 * checklist's settings; navigation-guard.ts locks down every web contents), and each message is taken from
 * the window whose page sent it: a page can speak only for its own window.
 */
import { BrowserWindow, ipcMain, Menu, type WebContents } from 'electron';
import {
  GRANT_DROPPED_CHANNEL,
  MENU_ENTRIES_EVENT,
  MENU_EVENT,
  menuEntriesFrom,
  NEW_WINDOW_EVENT,
  OPEN_PATH_EVENT,
  RENDERER_READY_CHANNEL,
  WINDOW_STATE_EVENT,
  windowTitle,
  type MenuEntry,
} from '../../shared/ipc/shell-events';
import type { Handlers } from '../../shared/ipc/dispatch';
import type { PathPolicy } from '../services/files/path-policy';
import type { Dialogs } from '../services/handlers';
import { APP_ORIGIN } from './app-origin';
import { grantDroppedPath } from './dropped-files';
import { isTrustedSender } from './ipc-binding';
import type { LaunchFiles } from './launch-files';
import { textFieldMenuTemplate } from './menu-template';
import { askToSaveBeforeClosing, nativeDialogs } from './native-dialogs';
import { lockDownSession } from './navigation-guard';
import { guardUnsavedClose, type QuitState, type UnsavedCloseGuard } from './unsaved-close';
import { mainWindowOptions } from './window-options';
import { createWindowRegistry, type WindowEntry, type WindowRegistry } from './window-registry';

export interface AppWindowData {
  guard: UnsavedCloseGuard;
  handlers: Handlers;
  /** Files this window opens once its page is ready ("Open in New Window"). */
  files: string[];
}
export type AppWindowRegistry = WindowRegistry<BrowserWindow, AppWindowData>;
export type AppWindow = WindowEntry<BrowserWindow, AppWindowData>;

export const createAppWindowRegistry = (): AppWindowRegistry =>
  createWindowRegistry<BrowserWindow, AppWindowData>();

/** Sends a menu command or a file to a window's page. */
export const sendCommand = (entry: AppWindow | null, commandId: string) =>
  entry?.window.webContents.send(MENU_EVENT, commandId);
export const sendOpenPath = (entry: AppWindow, file: string) =>
  entry.window.webContents.send(OPEN_PATH_EVENT, file);

export interface WindowOpenerDeps {
  registry: AppWindowRegistry;
  preloadPath: string;
  /** The handlers of one window: its dialogs, its view of the recovery records (owner). */
  handlersFor(dialogs: Dialogs, owner: string): Handlers;
  quitState: QuitState;
  quit(): void;
}

/** Returns the function that opens a window (with files for its page to open instead of the sample). */
export function windowOpener(deps: WindowOpenerDeps) {
  return async (files: readonly string[] = []): Promise<void> => {
    const last = deps.registry.lastFocused()?.window;
    const after = last && !last.isDestroyed() ? (last.getPosition() as [number, number]) : undefined;
    const shown = new BrowserWindow(mainWindowOptions(deps.preloadPath, after));
    lockDownSession(shown.webContents.session);
    shown.once('ready-to-show', () => shown.show());
    // Right-click in a text field: its own Undo, Cut, Copy, Paste, Select All (Chromium shows none by itself).
    shown.webContents.on('context-menu', (_event, params) => {
      if (params.isEditable)
        Menu.buildFromTemplate(textFieldMenuTemplate(params.editFlags)).popup({ window: shown });
    });
    deps.registry.add(shown, (owner) => ({
      guard: guardUnsavedClose(shown, {
        ask: (name) => askToSaveBeforeClosing(shown, name),
        // "Save" in the close prompt saves every unsaved document of the window, not only the one in front.
        requestSave: () => shown.webContents.send(MENU_EVENT, 'save-all'),
        quit: deps.quit,
        quitState: deps.quitState,
      }),
      handlers: deps.handlersFor(nativeDialogs(shown), owner),
      files: [...files],
    }));
    await shown.loadURL(`${APP_ORIGIN}/`);
  };
}

export interface WindowEventsDeps {
  registry: AppWindowRegistry;
  policy: PathPolicy;
  launchFiles: LaunchFiles;
  openWindow(files?: readonly string[]): Promise<void>;
  /** The command table's entries arrived (every window sends the same table): rebuild the menu. */
  setMenuEntries(entries: readonly MenuEntry[]): void;
}

/** Listens for the pages' shell events; each is taken only from our own top frame in one of our windows. */
export function bindWindowEvents(deps: WindowEventsDeps): void {
  const { registry } = deps;
  const senderWindow = (event: Parameters<typeof isTrustedSender>[0]): AppWindow | null =>
    isTrustedSender(event) ? registry.fromSender(event.sender as WebContents) : null;

  ipcMain.on(MENU_ENTRIES_EVENT, (event, entries: unknown) => {
    if (senderWindow(event)) deps.setMenuEntries(menuEntriesFrom(entries));
  });
  ipcMain.handle(GRANT_DROPPED_CHANNEL, (event, file: unknown) =>
    grantDroppedPath(deps.policy, senderWindow(event) !== null, file),
  );
  ipcMain.handle(RENDERER_READY_CHANNEL, (event) => {
    const entry = senderWindow(event);
    if (!entry) return [];
    entry.ready = true;
    const own = entry.data.files.splice(0);
    return [...own, ...deps.launchFiles.takeWaiting()];
  });
  ipcMain.on(WINDOW_STATE_EVENT, (event, state: unknown) => {
    const entry = senderWindow(event);
    if (!entry) return;
    const s = state as { name?: unknown; dirty?: unknown };
    const next = { name: typeof s.name === 'string' ? s.name : 'Untitled', dirty: s.dirty === true };
    entry.window.setTitle(windowTitle(next.name, next.dirty));
    entry.window.setDocumentEdited(next.dirty);
    entry.data.guard.setState(next);
  });
  ipcMain.on(NEW_WINDOW_EVENT, (event, file: unknown) => {
    if (!senderWindow(event)) return;
    if (file === undefined || file === null) return void deps.openWindow();
    if (typeof file !== 'string') return;
    // Only a file this session may already read: the page must not widen its own grants.
    void deps.policy.resolve(file, 'read').then(
      (allowed) => deps.openWindow([allowed]),
      () => undefined,
    );
  });
}
