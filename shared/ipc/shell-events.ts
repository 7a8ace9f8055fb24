/**
 * Events between Electron main and the renderer that are not request/response channels: menu commands
 * (main → renderer), files to open (main → renderer) and the window state (renderer → main).
 */
/** Commands the native menu sends to the renderer (main → renderer events, not request channels). */
export const menuCommands = [
  'new',
  'open',
  'open-url',
  'save',
  'save-as',
  'save-all',
  'close',
  'undo',
  'redo',
  'select-all',
  'zoom-in',
  'zoom-out',
  'next-document',
  'previous-document',
  'about',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const MENU_EVENT = 'tessera:menu';
/** Renderer → main: document name and unsaved state, for the title bar and the close prompt. */
export const WINDOW_STATE_EVENT = 'tessera:window-state';
/** Main → renderer: a file to open (command line, second instance, Open Recent, file dropped on the dock). */
export const OPEN_PATH_EVENT = 'tessera:open-path';
/** Renderer → main (invoke): grant the path of a file dropped on the window; answers whether it did. */
export const GRANT_DROPPED_CHANNEL = 'tessera:grant-dropped';
/** Renderer → main (invoke): the page listens now; answers the files given at launch, to open instead of the sample. */
export const RENDERER_READY_CHANNEL = 'tessera:renderer-ready';
/** The one title format, for the page (document.title) and the native window alike. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${name} — Tessera`;
}
