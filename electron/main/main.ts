/**
 * Electron main: lifecycle, the one window, menu and IPC binding. Kept thin on purpose (architecture §3):
 * everything else lives in electron/services and runs the same under the web host and in tests.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import path from 'node:path';
import {
  MENU_EVENT,
  OPEN_PATH_EVENT,
  WINDOW_STATE_EVENT,
  type MenuCommand,
} from '../../shared/ipc/shell-events';
import { APP_VERSION } from '../app-version';
import { dataPaths } from '../services/app-paths';
import { createGrantedPolicy } from '../services/files/path-policy';
import { createRecentFiles } from '../services/files/recent-files';
import { createHandlers } from '../services/handlers';
import { createAutosaveStore } from '../services/recovery/autosave-store';
import { createRemoteService } from '../services/remote/remote-service';
import { handleSourcesGet } from '../services/sources/routes';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol';
import { bindIpc } from './ipc-binding';
import { menuTemplate } from './menu-template';
import { lockDownAllContents, lockDownSession } from './navigation-guard';
import { mainWindowOptions } from './window-options';

registerAppScheme();
lockDownAllContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

/** The path given on the command line, if any (skipping Electron's own arguments and flags). */
function pathFromArgv(argv: readonly string[]): string | null {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  const candidate = args[args.length - 1];
  return candidate ? path.resolve(candidate) : null;
}

async function start() {
  await app.whenReady();
  const here = __dirname;
  const paths = dataPaths(app.getPath('userData'));
  const policy = createGrantedPolicy();
  const recent = createRecentFiles(paths.recent);
  for (const file of await recent.list()) policy.grant(file);
  let window: BrowserWindow | null = null;
  let documentState = { name: 'Untitled', dirty: false };

  const send = (command: MenuCommand) => window?.webContents.send(MENU_EVENT, command);
  const openPath = (file: string) => {
    policy.grant(file);
    window?.webContents.send(OPEN_PATH_EVENT, file);
  };
  const rebuildMenu = (recentPaths: readonly string[]) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ send, openRecent: openPath, isMac: process.platform === 'darwin' }, recentPaths),
      ),
    );

  // One remote service for the app: info.json, manifests and every image the window shows (app://…/remote-image)
  // share its per-host limit and its disk cache in the user data folder (offline use).
  const sources = {
    remote: createRemoteService({ cacheDir: paths.cache }),
    localImagesDir: path.join(app.getPath('userData'), 'local-images'),
  };
  app.on('will-quit', () => sources.remote.close());
  const handlers = createHandlers({
    sources,
    shell: 'electron',
    version: APP_VERSION,
    policy,
    recent,
    autosave: createAutosaveStore(paths.autosave),
    onRecentChanged: rebuildMenu,
    dialogs: {
      async chooseFileToOpen() {
        const result = await dialog.showOpenDialog(window ?? new BrowserWindow({ show: false }), {
          properties: ['openFile'],
          filters: [{ name: 'IIIF manifests', extensions: ['json', 'jsonld'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFolder() {
        const result = await dialog.showOpenDialog(window ?? new BrowserWindow({ show: false }), {
          properties: ['openDirectory', 'createDirectory'],
          title: 'Choose the publication folder',
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFileToSave(suggestedName) {
        const result = await dialog.showSaveDialog(window ?? new BrowserWindow({ show: false }), {
          defaultPath: suggestedName,
          filters: [{ name: 'IIIF manifest', extensions: ['json'] }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
    },
  });

  serveAppProtocol(path.join(here, '../renderer'), (url) => handleSourcesGet(sources, url, APP_ORIGIN));
  bindIpc(handlers);
  rebuildMenu(await recent.list());
  ipcMain.on(WINDOW_STATE_EVENT, (event, state: unknown) => {
    if (event.sender !== window?.webContents) return;
    const s = state as { name?: unknown; dirty?: unknown };
    documentState = { name: typeof s.name === 'string' ? s.name : 'Untitled', dirty: s.dirty === true };
    window.setTitle(`${documentState.name}${documentState.dirty ? ' •' : ''} — Tessera`);
    window.setDocumentEdited(documentState.dirty);
  });

  window = new BrowserWindow(mainWindowOptions(path.join(here, 'preload.cjs')));
  lockDownSession(window.webContents.session);
  window.once('ready-to-show', () => window?.show());
  window.on('close', (event) => {
    if (!documentState.dirty || !window) return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save changes to ${documentState.name} before closing?`,
      detail: 'Your changes will be lost if you don’t save them.',
    });
    if (choice === 1) return;
    event.preventDefault();
    if (choice === 0) send('save');
  });
  await window.loadURL(`${APP_ORIGIN}/`);
  const initial = pathFromArgv(process.argv);
  if (initial) openPath(initial);

  app.on('second-instance', (_event, argv) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const file = pathFromArgv(argv);
    if (file) openPath(file);
  });
  app.on('window-all-closed', () => app.quit());
}
