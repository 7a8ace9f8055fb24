/**
 * Electron main: lifecycle, the windows, menu and IPC binding. Kept thin on purpose: windows live in
 * app-windows.ts and window-registry.ts, everything else in electron/services, which runs the same under the
 * web host and in tests.
 */
import { app, Menu, session, safeStorage } from 'electron';
import path from 'node:path';
import { NEW_WINDOW_COMMAND, type MenuEntry } from '../../shared/ipc/shell-events';
import { APP_VERSION } from '../app-version';
import { cleanDataFolder, dataPaths } from '../services/app-paths';
import { createGrantedPolicy } from '../services/files/path-policy';
import { createRecentFiles } from '../services/files/recent-files';
import { createHandlers } from '../services/handlers';
import { bundledOcrFiles } from '../services/ocr/ocr-files';
import { createAppOcrJobs } from '../services/ocr/ocr-jobs';
import { createAutosaveStore } from '../services/recovery/autosave-store';
import { createWindowRecords } from '../services/recovery/window-records';
import { createRemoteService } from '../services/remote/remote-service';
import { createEncryptedSecretStore, keychainCipher } from '../services/secrets/secret-store';
import { handleSourcesGet } from '../services/sources/routes';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol';
import {
  bindWindowEvents,
  createAppWindowRegistry,
  sendCommand,
  sendOpenPath,
  windowOpener,
} from './app-windows';
import { bindIpc } from './ipc-binding';
import { createLaunchFiles, pathFromArgv } from './launch-files';
import { menuTemplate } from './menu-template';
import { lockDownAllContents } from './navigation-guard';
import type { QuitState } from './unsaved-close';

registerAppScheme();
lockDownAllContents();

// Files to open and their grants exist before any window: macOS sends open-file before 'ready' (Electron docs,
// app "Event: 'open-file'": listen for it early, in will-finish-launching at the latest), and a second instance
// can start at any time. They go to the window used last whose page listens, or wait for one.
const policy = createGrantedPolicy();
const windows = createAppWindowRegistry();
const launchFiles = createLaunchFiles({
  grant: (file) => policy.grant(file),
  deliver(file) {
    const target = windows.lastFocusedReady();
    if (target) sendOpenPath(target, file);
    return target !== null;
  },
});
// Set once the app is ready: opens a window (the first, New Window, and on macOS again after the last closed).
let openWindow: ((files?: readonly string[]) => Promise<void>) | null = null;
const argvOptions = (cwd: string) => ({ defaultApp: process.defaultApp === true, cwd });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const initial = pathFromArgv(process.argv, argvOptions(process.cwd()));
  if (initial) launchFiles.add(initial);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launchFiles.add(file);
    if (windows.all().length === 0) void openWindow?.();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const last = windows.lastFocused()?.window;
    if (last?.isMinimized()) last.restore();
    last?.focus();
    const file = pathFromArgv(argv, argvOptions(workingDirectory));
    if (file) launchFiles.add(file);
    if (!last) void openWindow?.();
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

  // Menu commands go to the window used last (Electron's click(menuItem, focusedWindow) names the same one);
  // New Window is main's own, so that it works with no window open (macOS).
  const send = (commandId: string) =>
    commandId === NEW_WINDOW_COMMAND ? void openWindow?.() : sendCommand(windows.lastFocused(), commandId);
  const openPath = (file: string) => launchFiles.add(file);
  // The menu is rebuilt when the recent files change and when a page sends its command table's entries.
  let recentPaths: readonly string[] = [];
  let menuEntries: readonly MenuEntry[] = [];
  const rebuildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ send, openRecent: openPath, platform: process.platform }, recentPaths, menuEntries),
      ),
    );

  // One remote service for the app: info.json, manifests and every image the windows show
  // (app://…/remote-image) share its per-host limit and its disk cache in the user data folder (offline use).
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
  // Remembered S3 secrets, encrypted by the OS keychain; never in plain text (refused where unavailable).
  const secrets = createEncryptedSecretStore(
    path.join(app.getPath('userData'), 'secrets.json'),
    keychainCipher(safeStorage),
  );
  // One records folder, each window's records its own (window-records.ts).
  const records = createWindowRecords(createAutosaveStore(paths.autosave), (owner) => windows.isOpen(owner));
  // A closed window's records are cleared in the background; quitting waits for that (will-quit below).
  const clearing = new Set<Promise<void>>();
  windows.onClosed((entry) => {
    const cleared = records.windowClosed(entry.owner).catch(() => undefined);
    clearing.add(cleared);
    void cleared.then(() => clearing.delete(cleared));
  });
  app.on('will-quit', (event) => {
    if (clearing.size > 0) {
      // Electron docs, app "Event: 'will-quit'": preventDefault() stops the quit; ask again once cleared.
      event.preventDefault();
      void Promise.all(clearing).then(() => app.quit());
      return;
    }
    ocr.closeAll();
    sources.remote.close();
  });

  const quitState: QuitState = { requested: false };
  openWindow = windowOpener({
    registry: windows,
    preloadPath: path.join(here, 'preload.cjs'),
    quitState,
    quit: () => app.quit(),
    handlersFor: (dialogs, owner) =>
      createHandlers({
        sources,
        ocr,
        secrets,
        shell: 'electron',
        version: APP_VERSION,
        policy,
        recent,
        autosave: records.forWindow(owner),
        onRecentChanged(files) {
          recentPaths = files;
          rebuildMenu();
          // The OS's own recent list too (macOS Dock and File menu, Windows Jump List); newest first.
          if (files[0]) app.addRecentDocument(files[0]);
        },
        dialogs,
      }),
  });

  serveAppProtocol(path.join(here, '../renderer'), (url, range) =>
    handleSourcesGet(sources, url, APP_ORIGIN, { range }),
  );
  bindIpc((sender) => windows.fromSender(sender)?.data.handlers ?? null);
  bindWindowEvents({
    registry: windows,
    policy,
    launchFiles,
    openWindow: (files) => openWindow?.(files) ?? Promise.resolve(),
    setMenuEntries(entries) {
      menuEntries = entries;
      rebuildMenu();
    },
  });
  recentPaths = await recent.list();
  rebuildMenu();

  // On macOS an app outlives its last window (Dock and menu bar stay) and opens a new one when activated;
  // elsewhere closing the last window quits (Electron docs, tutorial "Quick Start": window-all-closed, activate).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    quitState.requested = true;
  });
  app.on('activate', () => {
    if (windows.all().length === 0) void openWindow?.();
  });
  await openWindow();
}
