import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, textFieldMenuTemplate } from '../../../electron/main/menu-template';
import { menuEntriesFrom, type MenuEntry } from '../../../shared/ipc/shell-events';

/** Entries as the renderer's command table sends them (a few of each kind). */
const ENTRIES: MenuEntry[] = [
  { id: 'new', label: 'New manifest…', menu: 'file', keys: 'Control+N' },
  { id: 'save', label: 'Save', menu: 'file', keys: 'Control+S' },
  { id: 'save-as', label: 'Save As…', menu: 'file', keys: 'Control+Shift+S' },
  { id: 'undo', label: 'Undo', menu: 'edit', keys: 'Control+Z' },
  { id: 'redo', label: 'Redo', menu: 'edit', keys: 'Control+Shift+Z Control+Y' },
  { id: 'zoom-in', label: 'Zoom in', menu: 'view', keys: 'Control+=' },
  { id: 'next-document', label: 'Next document', menu: 'view', keys: 'Control+Tab' },
  { id: 'select-none', label: 'Select none', menu: 'canvases', keys: 'Escape', pageKeys: true },
  { id: 'move-up', label: 'Move up', menu: 'canvases', keys: 'Alt+ArrowUp Alt+ArrowLeft', pageKeys: true },
  { id: 'about', label: 'About Tessera', menu: 'help' },
];

function build(recent: string[] = [], platform: NodeJS.Platform = 'linux', entries = ENTRIES) {
  const sent: string[] = [];
  const opened: string[] = [];
  const template = menuTemplate(
    { send: (c) => sent.push(c), openRecent: (p) => opened.push(p), platform },
    recent,
    entries,
  );
  const menu = (label: string) =>
    (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  return { template, menu, sent, opened };
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);

const redoItems = (edit: MenuItemConstructorOptions[]) =>
  edit
    .filter((i) => i.label === 'Redo')
    .map((i) => ({ accelerator: i.accelerator, visible: i.visible ?? true }));

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('the native menu', () => {
  it('lays out the command table’s entries in File, Edit, View, Canvases and Help with their shortcuts', () => {
    const { menu } = build();
    const file = menu('&File');
    expect(byLabel(file, 'New manifest…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(file, 'Open Recent')).toBeDefined();
    expect(byLabel(file, 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel(file, 'Save As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    const edit = menu('&Edit');
    expect(byLabel(edit, 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    // Cut, copy and paste stay native roles, so that they work in every text field.
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste']);
    expect(byLabel(menu('&View'), 'Zoom in')?.accelerator).toBe('CmdOrCtrl+=');
    // Ctrl+Tab on macOS too: Cmd+Tab is the system's application switcher.
    expect(byLabel(build([], 'darwin').menu('&View'), 'Next document')?.accelerator).toBe('Ctrl+Tab');
    expect(menu('&Help').map((i) => i.label)).toEqual(['About Tessera']);
  });

  it('shows the canvas grid’s keys without binding them, so text fields keep Escape and the arrows', () => {
    const canvases = build().menu('&Canvases');
    expect(canvases.map((i) => [i.label, i.accelerator, i.registerAccelerator])).toEqual([
      ['Select none', 'Escape', false],
      ['Move up', 'Alt+Up', false],
    ]);
    // macOS cannot show an accelerator it does not bind: there the items have none.
    const mac = build([], 'darwin').menu('&Canvases');
    expect(mac.map((i) => i.accelerator)).toEqual([undefined, undefined]);
  });

  it('sends the command ids to the renderer and opens recent files by path', () => {
    const { menu, sent, opened } = build(['/home/me/book.json']);
    click(byLabel(menu('&File'), 'Save'));
    click(byLabel(menu('&Edit'), 'Undo'));
    click(byLabel(menu('&View'), 'Zoom in'));
    click(byLabel(menu('&Canvases'), 'Select none'));
    const recent = byLabel(menu('&File'), 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('book.json');
    click(recent[0]);
    expect(sent).toEqual(['save', 'undo', 'zoom-in', 'select-none']);
    expect(opened).toEqual(['/home/me/book.json']);
  });

  it('uses the macOS conventions there: an app menu, one Redo shortcut', () => {
    const { template, menu } = build([], 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(redoItems(menu('&Edit'))).toEqual([{ accelerator: 'CmdOrCtrl+Shift+Z', visible: true }]);
    expect(menu('&File').some((i) => i.role === 'quit')).toBe(false);
    // The Window menu before Help, and Help by its role (macOS adds its search field there).
    expect(template.map((m) => m.role ?? m.label).slice(-2)).toEqual(['windowMenu', 'help']);
  });

  it('answers both Redo shortcuts elsewhere (Shift+Ctrl+Z, GNOME; Ctrl+Y, Windows)', () => {
    const windows = build([], 'win32');
    expect(redoItems(windows.menu('&Edit'))).toEqual([
      { accelerator: 'CmdOrCtrl+Shift+Z', visible: true },
      { accelerator: 'CmdOrCtrl+Y', visible: false },
    ]);
    for (const item of windows.menu('&Edit').filter((i) => i.label === 'Redo')) click(item);
    expect(windows.sent).toEqual(['redo', 'redo']);
    expect(windows.template.some((m) => m.role === 'windowMenu' || m.role === 'help')).toBe(false);
  });

  it('keeps Open Recent and Quit before the page has sent its commands', () => {
    const { menu } = build([], 'linux', []);
    expect(menu('&File').map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'separator',
      'Open Recent',
      'separator',
      'quit',
    ]);
  });

  it('takes only well-formed entries from the page', () => {
    expect(
      menuEntriesFrom([
        { id: 'save', label: 'Save', menu: 'file', keys: 'Control+S' },
        { id: 'Bad Id', label: 'x', menu: 'file' },
        { id: 'x', label: '', menu: 'file' },
        { id: 'y', label: 'Y', menu: 'window' },
        { id: 'z', label: 'Z', menu: 'edit', keys: '<script>', pageKeys: 'yes' },
        'save',
      ]),
    ).toEqual([
      { id: 'save', label: 'Save', menu: 'file', keys: 'Control+S' },
      { id: 'z', label: 'Z', menu: 'edit' },
    ]);
    expect(menuEntriesFrom({ length: 1 })).toEqual([]);
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
