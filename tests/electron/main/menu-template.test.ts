import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, textFieldMenuTemplate } from '../../../electron/main/menu-template';
import type { MenuCommand } from '../../../shared/ipc/shell-events';

function build(recent: string[] = [], platform: NodeJS.Platform = 'linux') {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = menuTemplate(
    { send: (c) => sent.push(c), openRecent: (p) => opened.push(p), platform },
    recent,
  );
  const menu = (label: string) =>
    (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  return { template, menu, sent, opened };
}

const redoItems = (edit: MenuItemConstructorOptions[]) =>
  edit
    .filter((i) => i.label === 'Redo')
    .map((i) => ({ accelerator: i.accelerator, visible: i.visible ?? true }));

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('the native menu', () => {
  it('has File, Edit, View and Help with the usual items and shortcuts', () => {
    const { menu } = build();
    const file = menu('&File');
    const byLabel = (items: MenuItemConstructorOptions[], label: string) =>
      items.find((i) => i.label === label);
    expect(byLabel(file, 'New Manifest…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(file, 'Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel(file, 'Open Recent')).toBeDefined();
    expect(byLabel(file, 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel(file, 'Save As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byLabel(file, 'Close')?.accelerator).toBe('CmdOrCtrl+W');
    const edit = menu('&Edit');
    expect(byLabel(edit, 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste']);
    expect(byLabel(edit, 'Select All')?.accelerator).toBe('CmdOrCtrl+A');
    expect(menu('&View').length).toBeGreaterThan(0);
    expect(menu('&Help').length).toBeGreaterThan(0);
  });

  it('sends document commands to the renderer and opens recent files by path', () => {
    const { menu, sent, opened } = build(['/home/me/book.json']);
    click(menu('&File').find((i) => i.label === 'Save'));
    click(menu('&Edit').find((i) => i.label === 'Undo'));
    const recent = menu('&File').find((i) => i.label === 'Open Recent')
      ?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('book.json');
    click(recent[0]);
    expect(sent).toEqual(['save', 'undo']);
    expect(opened).toEqual(['/home/me/book.json']);
  });

  it('uses the macOS conventions there: an app menu and Shift+Cmd+Z for redo', () => {
    const { template, menu } = build([], 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(redoItems(menu('&Edit'))).toEqual([{ accelerator: 'Shift+Cmd+Z', visible: true }]);
    expect(menu('&File').some((i) => i.role === 'quit')).toBe(false);
    // The Window menu before Help, and Help by its role (macOS adds its search field there).
    expect(template.map((m) => m.role ?? m.label).slice(-2)).toEqual(['windowMenu', 'help']);
  });

  it('answers both Redo shortcuts on Linux (Shift+Ctrl+Z, GNOME) and Windows (Ctrl+Y)', () => {
    expect(redoItems(build([], 'linux').menu('&Edit'))).toEqual([
      { accelerator: 'Shift+Ctrl+Z', visible: true },
      { accelerator: 'Ctrl+Y', visible: false },
    ]);
    const windows = build([], 'win32');
    expect(redoItems(windows.menu('&Edit'))).toEqual([
      { accelerator: 'Ctrl+Y', visible: true },
      { accelerator: 'Shift+Ctrl+Z', visible: false },
    ]);
    // Each sends the same command; no Window menu or Help role off macOS.
    for (const item of windows.menu('&Edit').filter((i) => i.label === 'Redo')) click(item);
    expect(windows.sent).toEqual(['redo', 'redo']);
    expect(windows.template.some((m) => m.role === 'windowMenu' || m.role === 'help')).toBe(false);
  });

  it('gives a text field a right-click menu of editing roles, enabled as the field allows', () => {
    const items = textFieldMenuTemplate({
      canUndo: true,
      canRedo: false,
      canCut: false,
      canCopy: true,
      canPaste: true,
      canSelectAll: true,
    });
    expect(items.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['undo', true],
      ['redo', false],
      ['cut', false],
      ['copy', true],
      ['paste', true],
      ['selectAll', true],
    ]);
  });
});
