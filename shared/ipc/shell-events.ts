/**
 * Events between Electron main and the renderer that are not request/response channels: menu commands
 * (main → renderer) and the entries they come from (renderer → main), files to open (main → renderer) and the window state (renderer → main).
 */
/** The native menus a command can appear in (the command table says which; main lays them out). */
export const menuNames = ['file', 'edit', 'view', 'canvases', 'help'] as const;
export type MenuName = (typeof menuNames)[number];

/**
 * One native menu item, as the renderer's command table describes it (renderer → main). Clicking it sends the
 * id back (MENU_EVENT); the renderer runs the command.
 */
export interface MenuEntry {
  readonly id: string;
  readonly label: string;
  readonly menu: MenuName;
  /** aria-keyshortcuts syntax (shared/commands/shortcuts.ts); the first chord is shown, the rest hidden. */
  readonly keys?: string;
  /** The page handles these keys itself (the canvas grid's, only while it has the focus): shown, not bound. */
  readonly pageKeys?: boolean;
}

/** Command ids are short kebab-case names; anything else from the other side is dropped. */
export function isCommandId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9-]{0,63}$/.test(value);
}

/** The entries of a MENU_ENTRIES_EVENT, keeping only well-formed ones (the renderer is not trusted blindly). */
export function menuEntriesFrom(value: unknown): MenuEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: MenuEntry[] = [];
  for (const item of value.slice(0, 200) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, label, menu, keys, pageKeys } = item as Record<string, unknown>;
    if (!isCommandId(id) || typeof label !== 'string' || label.length === 0 || label.length > 80) continue;
    if (!(menuNames as readonly unknown[]).includes(menu)) continue;
    entries.push({
      id,
      label,
      menu: menu as MenuName,
      ...(typeof keys === 'string' && /^[\w+= -]{1,60}$/.test(keys) ? { keys } : {}),
      ...(pageKeys === true ? { pageKeys } : {}),
    });
  }
  return entries;
}

export const MENU_EVENT = 'tessera:menu';
/** Renderer → main: the command table's menu entries, to build the native menu from. */
export const MENU_ENTRIES_EVENT = 'tessera:menu-entries';
/** Renderer → main: document name and unsaved state, for the title bar and the close prompt. */
export const WINDOW_STATE_EVENT = 'tessera:window-state';
/** Main → renderer: a file to open (command line, second instance, Open Recent, file dropped on the dock). */
export const OPEN_PATH_EVENT = 'tessera:open-path';
/** Renderer → main (invoke): grant the path of a file dropped on the window; answers whether it did. */
export const GRANT_DROPPED_CHANNEL = 'tessera:grant-dropped';
/** Renderer → main (invoke): the page listens now; answers the files given at launch, to open instead of the sample. */
export const RENDERER_READY_CHANNEL = 'tessera:renderer-ready';
/**
 * Renderer → main: open another window (File › New Window); with a path, one that opens that file (a tab's
 * "Open in New Window"). Main opens only a path the file policy already allows.
 */
export const NEW_WINDOW_EVENT = 'tessera:new-window';
/**
 * The command table's New Window: its menu item is answered by main itself, since it needs no page (on macOS
 * the menu stays when the last window has closed, and there is no page to send it to).
 */
export const NEW_WINDOW_COMMAND = 'new-window';
/** The one title format, for the page (document.title) and the native window alike. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${name} — Tessera`;
}
