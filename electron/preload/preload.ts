/**
 * The preload: builds `window.api` from the contract, one function per channel, and nothing else. ipcRenderer
 * itself is never exposed (checklist item 20). Bundled as CommonJS because sandboxed preloads cannot be modules.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from '../../shared/ipc/api';
import { channelNames, ipcChannel } from '../../shared/ipc/channel-names';
import {
  GRANT_DROPPED_CHANNEL,
  isCommandId,
  MENU_ENTRIES_EVENT,
  MENU_EVENT,
  type MenuEntry,
  NEW_WINDOW_EVENT,
  OPEN_PATH_EVENT,
  RENDERER_READY_CHANNEL,
  WINDOW_STATE_EVENT,
} from '../../shared/ipc/shell-events';
import type { Result } from '../../shared/ipc/result';

const api = createApi(
  (channel, request) => ipcRenderer.invoke(ipcChannel(channel), request) as Promise<Result<unknown>>,
  channelNames,
);

const shellEvents = {
  onMenuCommand(listener: (command: string) => void): () => void {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isCommandId(command)) listener(command);
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => ipcRenderer.removeListener(MENU_EVENT, wrapped);
  },
  onOpenPath(listener: (path: string) => void): () => void {
    const wrapped = (_event: unknown, file: unknown) => {
      if (typeof file === 'string') listener(file);
    };
    ipcRenderer.on(OPEN_PATH_EVENT, wrapped);
    return () => ipcRenderer.removeListener(OPEN_PATH_EVENT, wrapped);
  },
  /**
   * The file-system path of a file dropped on the window (sandboxed pages cannot see paths otherwise), granted
   * by main so that it can be opened and saved back; '' when the File has no path (made by a script).
   */
  async pathForFile(file: File): Promise<string> {
    const path = webUtils.getPathForFile(file);
    if (!path) return '';
    return (await ipcRenderer.invoke(GRANT_DROPPED_CHANNEL, path)) === true ? path : '';
  },
  /** Called once the page listens for files to open; resolves to the files given at launch (may be none). */
  async rendererReady(): Promise<string[]> {
    const files: unknown = await ipcRenderer.invoke(RENDERER_READY_CHANNEL);
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  },
  /** The command table's menu entries; main checks them again (menuEntriesFrom) and rebuilds the menu. */
  setMenuEntries(entries: readonly MenuEntry[]): void {
    ipcRenderer.send(MENU_ENTRIES_EVENT, JSON.parse(JSON.stringify(entries)) as unknown);
  },
  setWindowState(state: { name: string; dirty: boolean }): void {
    ipcRenderer.send(WINDOW_STATE_EVENT, { name: String(state.name), dirty: Boolean(state.dirty) });
  },
  /** Opens another window; with a path (a saved document's file), one that opens that file. */
  newWindow(path?: string): void {
    ipcRenderer.send(NEW_WINDOW_EVENT, typeof path === 'string' ? path : null);
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('tesseraShell', shellEvents);

export type ShellEvents = typeof shellEvents;
