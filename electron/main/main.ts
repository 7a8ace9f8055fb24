/**
 * Electron main: lifecycle, the one window, menu and IPC binding. Kept thin on purpose: everything else lives
 * in electron/services and runs the same under the web host and in tests.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  safeStorage,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import path from 'node:path';
import {
  GRANT_DROPPED_CHANNEL,
  MENU_ENTRIES_EVENT,
  MENU_EVENT,
  menuEntriesFrom,
  OPEN_PATH_EVENT,
  RENDERER_READY_CHANNEL,
  WINDOW_STATE_EVENT,
  windowTitle,
  type MenuEntry,
} from '../../shared/ipc/shell-events';
import { APP_VERSION } from '../app-version';
import { cleanDataFolder, dataPaths } from '../services/app-paths';
import { createGrantedPolicy } from '../services/files/path-policy';
import { createRecentFiles } from '../services/files/recent-files';
import { createHandlers } from '../services/handlers';
import { bundledOcrFiles } from '../services/ocr/ocr-files';
import { createAppOcrJobs } from '../services/ocr/ocr-jobs';
import { createAutosaveStore } from '../services/recovery/autosave-store';
import { createRemoteService } from '../services/remote/remote-service';
import { createEncryptedSecretStore, keychainCipher } from '../services/secrets/secret-store';
import { handleSourcesGet } from '../services/sources/routes';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol';
import { grantDroppedPath } from './dropped-files';
import { bindIpc, isTrustedSender } from './ipc-binding';
import { createLaunchFiles, pathFromArgv } from './launch-files';
import { menuTemplate, textFieldMenuTemplate } from './menu-template';
import { lockDownAllContents, lockDownSession } from './navigation-guard';
import { guardUnsavedClose, type UnsavedCloseGuard } from './unsaved-close';
import { mainWindowOptions } from './window-options';

registerAppScheme();
lockDownAllContents();

// Files to open and their grants exist before the window: macOS sends open-file before 'ready' (Electron docs,
// app "Event: 'open-file'": listen for it early, in will-finish-launching at the latest), and a second instance
// can start at any time.
const policy = createGrantedPolicy();
let window: BrowserWindow | null = null;
const launchFiles = createLaunchFiles({
  grant: (file) => policy.grant(file),
  deliver: (file) => window?.webContents.send(OPEN_PATH_EVENT, file),
});
// Set once the app is ready: opens the window (again, on macOS, where the app outlives its last window).
let openWindow: (() => Promise<void>) | null = null;
const argvOptions = (cwd: string) => ({ defaultApp: process.defaultApp === true, cwd });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const initial = pathFromArgv(process.argv, argvOptions(process.cwd()));
  if (initial) launchFiles.add(initial);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launchFiles.add(file);
    if (!window) void openWindow?.();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const file = pathFromArgv(argv, argvOptions(workingDirectory));
    if (file) launchFiles.add(file);
    if (!window) void openWindow?.();
  });
  void start();
}

async function start() {
  await app.whenReady();
  const here = __dirname;
  const paths = dataPaths(app.getPath('userData'));
  // In the background: the window need not wait for leftovers of killed saves to go.
  void cleanDataFolder(paths);
  const recent = createRecentFiles(paths.recent);
  for (const file of await recent.list()) policy.grant(file);

  const send = (commandId: string) => window?.webContents.send(MENU_EVENT, commandId);
  const openPath = (file: string) => launchFiles.add(file);
  // The menu is rebuilt when the recent files change and when the page sends its command table's entries.
  let recentPaths: readonly string[] = [];
  let menuEntries: readonly MenuEntry[] = [];
  const rebuildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ send, openRecent: openPath, platform: process.platform }, recentPaths, menuEntries),
      ),
    );

  // One remote service for the app: info.json, manifests and every image the window shows (app://…/remote-image)
  // share its per-host limit and its disk cache in the user data folder (offline use).
  const sources = {
    // Through the system's proxy settings (PAC and WPAD included), resolved by Chromium for each address.
    remote: createRemoteService({
      cacheDir: paths.cache,
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    }),
    localImagesDir: path.join(app.getPath('userData'), 'local-images'),
  };
  // Text recognition in worker threads of this process, fed through the same sources.
  const ocr = createAppOcrJobs(sources, bundledOcrFiles(here), APP_ORIGIN);
  app.on('will-quit', () => {
    ocr.closeAll();
    sources.remote.close();
  });
  // Dialogs are sheets of the window when there is one; never of a hidden window made for the purpose (one
  // would be left behind per dialog).
  const showOpenDialog = (options: OpenDialogOptions) =>
    window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  const showSaveDialog = (options: SaveDialogOptions) =>
    window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  const handlers = createHandlers({
    sources,
    ocr,
    // Remembered S3 secrets, encrypted by the OS keychain; never in plain text (refused where unavailable).
    secrets: createEncryptedSecretStore(
      path.join(app.getPath('userData'), 'secrets.json'),
      keychainCipher(safeStorage),
    ),
    shell: 'electron',
    version: APP_VERSION,
    policy,
    recent,
    autosave: createAutosaveStore(paths.autosave),
    onRecentChanged(files) {
      recentPaths = files;
      rebuildMenu();
      // The OS's own recent list too (macOS Dock and File menu, Windows Jump List); newest first.
      if (files[0]) app.addRecentDocument(files[0]);
    },
    dialogs: {
      async chooseFileToOpen() {
        const result = await showOpenDialog({
          properties: ['openFile'],
          filters: [{ name: 'IIIF manifests', extensions: ['json', 'jsonld'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFolder() {
        const result = await showOpenDialog({
          properties: ['openDirectory', 'createDirectory'],
          title: 'Choose the publication folder',
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFileToSave(suggestedName) {
        const result = await showSaveDialog({
          defaultPath: suggestedName,
          filters: [{ name: 'IIIF manifest', extensions: ['json'] }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
    },
  });

  serveAppProtocol(path.join(here, '../renderer'), (url, range) =>
    handleSourcesGet(sources, url, APP_ORIGIN, { range }),
  );
  bindIpc(handlers);
  recentPaths = await recent.list();
  rebuildMenu();
  ipcMain.on(MENU_ENTRIES_EVENT, (event, entries: unknown) => {
    if (!isTrustedSender(event) || event.sender !== window?.webContents) return;
    menuEntries = menuEntriesFrom(entries);
    rebuildMenu();
  });
  ipcMain.handle(GRANT_DROPPED_CHANNEL, (event, file: unknown) =>
    grantDroppedPath(policy, isTrustedSender(event) && event.sender === window?.webContents, file),
  );
  ipcMain.handle(RENDERER_READY_CHANNEL, (event) =>
    isTrustedSender(event) && event.sender === window?.webContents ? launchFiles.takeWaiting() : [],
  );

  let closeGuard: UnsavedCloseGuard | null = null;
  ipcMain.on(WINDOW_STATE_EVENT, (event, state: unknown) => {
    const current = window;
    if (!current || event.sender !== current.webContents) return;
    const s = state as { name?: unknown; dirty?: unknown };
    const next = { name: typeof s.name === 'string' ? s.name : 'Untitled', dirty: s.dirty === true };
    current.setTitle(windowTitle(next.name, next.dirty));
    current.setDocumentEdited(next.dirty);
    closeGuard?.setState(next);
  });

  openWindow = async () => {
    const shown = new BrowserWindow(mainWindowOptions(path.join(here, 'preload.cjs')));
    window = shown;
    lockDownSession(shown.webContents.session);
    shown.once('ready-to-show', () => shown.show());
    // Right-click in a text field: its own Undo, Cut, Copy, Paste, Select All (Chromium shows none by itself).
    shown.webContents.on('context-menu', (_event, params) => {
      if (params.isEditable)
        Menu.buildFromTemplate(textFieldMenuTemplate(params.editFlags)).popup({ window: shown });
    });
    closeGuard = guardUnsavedClose(shown, {
      ask(name) {
        const choice = dialog.showMessageBoxSync(shown, {
          type: 'warning',
          buttons: ['Save', 'Don’t Save', 'Cancel'],
          defaultId: 0,
          cancelId: 2,
          message: `Save changes to ${name} before closing?`,
          detail: 'Your changes will be lost if you don’t save them.',
        });
        return choice === 0 ? 'save' : choice === 1 ? 'discard' : 'cancel';
      },
      // "Save" in the close prompt saves every unsaved document of the window, not only the one in front.
      requestSave: () => send('save-all'),
      quit: () => app.quit(),
    });
    shown.on('closed', () => {
      if (window !== shown) return;
      window = null;
      closeGuard = null;
      launchFiles.notReady();
    });
    await shown.loadURL(`${APP_ORIGIN}/`);
  };
  // On macOS an app outlives its last window (Dock and menu bar stay) and opens a new one when activated;
  // elsewhere closing the last window quits (Electron docs, tutorial "Quick Start": window-all-closed, activate).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => closeGuard?.quitRequested());
  app.on('activate', () => {
    if (!window) void openWindow?.();
  });
  await openWindow();
}
