import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/main/menu-template';
import type { MenuCommand } from '../../../shared/ipc/shell-events';

function build(recent: string[] = [], isMac = false) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = menuTemplate(
    { send: (c) => sent.push(c), openRecent: (p) => opened.push(p), isMac },
    recent,
  );
  const menu = (label: string) =>
    (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  return { template, menu, sent, opened };
}

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
    expect(byLabel(edit, 'Redo')?.accelerator).toBe('Ctrl+Y');
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
    const { template, menu } = build([], true);
    expect(template[0]?.role).toBe('appMenu');
    expect(menu('&Edit').find((i) => i.label === 'Redo')?.accelerator).toBe('Shift+Cmd+Z');
    expect(menu('&File').some((i) => i.role === 'quit')).toBe(false);
  });
});
