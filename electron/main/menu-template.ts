/**
 * The native menu as data: File, Edit, View, Help with the usual shortcuts. Document commands go to the renderer,
 * which owns the document and the undo history; text-editing roles (cut, copy, paste) stay native so they work in
 * every text field. The canvas grid takes their clipboard events while it has the focus (grid-clipboard-events.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../../shared/ipc/shell-events';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  isMac: boolean;
}

export function menuTemplate(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
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
        { type: 'separator' },
        command('Close', 'close', 'CmdOrCtrl+W'),
        ...(actions.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the document history, not on the focused text field alone.
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', actions.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
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
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', submenu: [command('About Tessera', 'about')] },
  ];
  if (actions.isMac) template.unshift({ role: 'appMenu' });
  return template;
}
