/**
 * The native menu as data: File, Edit, View, Canvases, (Window,) Help. The items that run commands come from the
 * renderer's command table (renderer/src/commands/command-table.ts, sent as MenuEntry values), so the menu, the
 * toolbar, the keyboard and the command palette share one label and one shortcut per command; an item sends its
 * command id back and the renderer runs it (it owns the document and the undo history, and gives Undo, Redo and
 * Select All to a focused text field). What stays here is the platform's own part: roles (cut, copy and paste
 * stay native roles so they work in every text field; the canvas grid takes their clipboard events while it has
 * the focus, grid-clipboard-events.ts), Open Recent, Quit, the macOS app and Window menus. A text field's
 * right-click menu is all roles (textFieldMenuTemplate), as in any other application.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import { acceleratorOf, parseShortcut } from '../../shared/commands/shortcuts';
import type { MenuEntry, MenuName } from '../../shared/ipc/shell-events';

export interface MenuActions {
  send(commandId: string): void;
  openRecent(filePath: string): void;
  platform: NodeJS.Platform;
}

/** What Electron's 'context-menu' event says the focused field can do (params.editFlags). */
export interface EditFlags {
  canUndo: boolean;
  canRedo: boolean;
  canCut: boolean;
  canCopy: boolean;
  canPaste: boolean;
  canSelectAll: boolean;
}

/** The right-click menu of a text field: the field's own editing, by Electron's roles. */
export function textFieldMenuTemplate(flags: EditFlags): MenuItemConstructorOptions[] {
  return [
    { role: 'undo', enabled: flags.canUndo },
    { role: 'redo', enabled: flags.canRedo },
    { type: 'separator' },
    { role: 'cut', enabled: flags.canCut },
    { role: 'copy', enabled: flags.canCopy },
    { role: 'paste', enabled: flags.canPaste },
    { type: 'separator' },
    { role: 'selectAll', enabled: flags.canSelectAll },
  ];
}

/**
 * A command's items: the first chord of its shortcut is shown; further chords (Redo's Ctrl+Y beside
 * Shift+Ctrl+Z) are hidden items, whose accelerators work on Linux and Windows. Keys the page handles itself
 * (the canvas grid's Escape, Delete, Alt+arrows) are shown but not registered, or a menu accelerator would take
 * them from every text field; macOS cannot show an unregistered accelerator, so there they are not shown.
 */
function commandItems(entry: MenuEntry, actions: MenuActions): MenuItemConstructorOptions[] {
  const click = () => actions.send(entry.id);
  const chords = entry.keys ? parseShortcut(entry.keys) : [];
  const [first, ...others] = chords;
  if (!first) return [{ label: entry.label, click }];
  if (entry.pageKeys) {
    return actions.platform === 'darwin'
      ? [{ label: entry.label, click }]
      : [{ label: entry.label, accelerator: acceleratorOf(first), registerAccelerator: false, click }];
  }
  return [
    { label: entry.label, accelerator: acceleratorOf(first), click },
    ...(actions.platform === 'darwin'
      ? []
      : others.map((chord) => ({
          label: entry.label,
          accelerator: acceleratorOf(chord),
          visible: false,
          click,
        }))),
  ];
}

export function menuTemplate(
  actions: MenuActions,
  recent: readonly string[],
  entries: readonly MenuEntry[],
): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const commands = (menu: MenuName) =>
    entries.filter((entry) => entry.menu === menu).flatMap((entry) => commandItems(entry, actions));
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((file) => ({
          label: path.basename(file),
          sublabel: file,
          click: () => actions.openRecent(file),
        }));
  const canvases = commands('canvases');
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        ...commands('file'),
        { type: 'separator' },
        { label: 'Open Recent', submenu: recentItems },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        ...commands('edit'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
      ],
    },
    {
      label: '&View',
      submenu: [...commands('view'), { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    ...(canvases.length > 0 ? [{ label: '&Canvases', submenu: canvases }] : []),
    // macOS: the Window menu (Minimize, Zoom, Bring All to Front) and the Help role (its search field).
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: '&Help',
      ...(isMac ? { role: 'help' as const } : {}),
      submenu: commands('help'),
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
