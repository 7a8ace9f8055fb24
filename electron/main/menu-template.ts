/**
 * The native menu as data: File, Edit, View, (Window,) Help with each platform's shortcuts (macOS Human Interface
 * Guidelines, Windows, GNOME HIG). Document commands go to the renderer, which owns the document and the undo
 * history and gives Undo, Redo and Select All to a focused text field (documents/commands.ts); cut, copy and
 * paste stay native roles so they work in every text field. The canvas grid takes their clipboard events while
 * it has the focus (grid-clipboard-events.ts). A text field's right-click menu is all roles
 * (textFieldMenuTemplate), as in any other application.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../../shared/ipc/shell-events';

export interface MenuActions {
  send(command: MenuCommand): void;
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
 * Redo: Shift+Cmd+Z on macOS; Shift+Ctrl+Z on Linux (GNOME HIG) and Ctrl+Y on Windows, each also answering the
 * other's (a menu item has one accelerator, so the second is a hidden item; hidden items' accelerators work on
 * Linux and Windows).
 */
function redoAccelerators(platform: NodeJS.Platform): { shown: string; hidden?: string } {
  if (platform === 'darwin') return { shown: 'Shift+Cmd+Z' };
  if (platform === 'win32') return { shown: 'Ctrl+Y', hidden: 'Shift+Ctrl+Z' };
  return { shown: 'Shift+Ctrl+Z', hidden: 'Ctrl+Y' };
}

export function menuTemplate(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  const isMac = actions.platform === 'darwin';
  const redo = redoAccelerators(actions.platform);
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(cmd),
  });
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((file) => ({
          label: path.basename(file),
          sublabel: file,
          click: () => actions.openRecent(file),
        }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        command('New Manifest…', 'new', 'CmdOrCtrl+N'),
        command('Open…', 'open', 'CmdOrCtrl+O'),
        command('Open from URL…', 'open-url', 'CmdOrCtrl+Shift+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        command('Save', 'save', 'CmdOrCtrl+S'),
        command('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        command('Save All', 'save-all'),
        { type: 'separator' },
        command('Close', 'close', 'CmdOrCtrl+W'),
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the document history, or on the focused text field's typing (the renderer decides).
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', redo.shown),
        ...(redo.hidden ? [{ ...command('Redo', 'redo', redo.hidden), visible: false }] : []),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        command('Select All', 'select-all', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        command('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        { type: 'separator' },
        // The open documents' tabs, as in browsers and editors on every platform.
        command('Next Document', 'next-document', 'Ctrl+Tab'),
        command('Previous Document', 'previous-document', 'Ctrl+Shift+Tab'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    // macOS: the Window menu (Minimize, Zoom, Bring All to Front) and the Help role (its search field).
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: '&Help',
      ...(isMac ? { role: 'help' as const } : {}),
      submenu: [command('About Tessera', 'about')],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
