import { afterEach, describe, expect, it } from 'vitest';
import { parseShortcut } from '../../../shared/commands/shortcuts';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import { menuEntriesFrom } from '../../../shared/ipc/shell-events';
import { commands } from '../../../renderer/src/commands/command-table';
import { paletteMatches } from '../../../renderer/src/commands/CommandPalette';
import { commandById, isEnabled, menuEntries, runCommand } from '../../../renderer/src/commands/run-command';
import { CANVAS_TOOLBAR } from '../../../renderer/src/features/canvases/CanvasToolbar';
import { cutMarks, useCanvasClipboard } from '../../../renderer/src/features/canvases/canvas-clipboard';
import { useAppStore } from '../../../renderer/src/store/store';

const book = {
  id: 'https://example.org/m',
  type: 'Manifest',
  label: { en: ['Book'] },
  items: [1, 2, 3].map((n) => ({ id: `https://example.org/c${n}`, type: 'Canvas', width: 1, height: 1 })),
};

const enabled = (id: string) => isEnabled(commandById(id)!);
const load = () =>
  useAppStore.getState().loadDocument({ doc: book, format: DEFAULT_TEXT_FORMAT, file: null, name: 'b.json' });

afterEach(() => {
  useAppStore.getState().closeDocument();
  useCanvasClipboard.setState({ content: { kind: 'empty' } });
});

describe('the command table', () => {
  it('gives every command a unique id and a label that contains its toolbar text', () => {
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of commands) {
      expect(command.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(command.label.trim()).not.toBe('');
      // WCAG 2.5.3: the accessible name (the label) contains the visible text, punctuation aside.
      const words = (text: string) => text.toLowerCase().replace(/[^a-z ]/g, '');
      if (command.text) expect(words(command.label)).toContain(words(command.text));
    }
  });

  it('gives no two commands the same key where both work, and every shortcut parses', () => {
    const seen = new Map<string, string>();
    for (const command of commands.filter((c) => c.keys)) {
      for (const chord of parseShortcut(command.keys!)) {
        const where = command.keysIn === 'grid' ? 'grid' : 'window';
        const key = `${where}:${JSON.stringify(chord)}`;
        expect(seen.get(key), `${command.id} and ${seen.get(key)} share a key`).toBeUndefined();
        seen.set(key, command.id);
      }
    }
    // The everyday commands keep their usual shortcuts.
    expect(commandById('save')?.keys).toBe('Control+S');
    expect(commandById('command-palette')?.keys).toBe('Control+Shift+P');
    expect(commandById('select-none')?.keys).toBe('Escape');
  });

  it('enables commands only when they have something to act on', () => {
    expect(enabled('save')).toBe(false);
    expect(enabled('select-all')).toBe(false);
    expect(enabled('undo')).toBe(false);
    expect(enabled('open')).toBe(true);
    load();
    expect(enabled('save')).toBe(true);
    expect(enabled('select-all')).toBe(true);
    expect(enabled('cut')).toBe(false);
    expect(enabled('paste')).toBe(false);
    useAppStore.getState().selectOnly(1);
    expect(enabled('cut')).toBe(true);
    runCommand('copy');
    expect(enabled('paste')).toBe(true);
    // A disabled command does nothing, whichever way it is asked for.
    useAppStore.getState().setSelection([], null);
    runCommand('delete');
    expect(useAppStore.getState().doc).toMatchObject({ items: book.items });
  });

  it('cancels a pending cut with Select none from the toolbar or menu, before clearing the selection', () => {
    load();
    useAppStore.getState().selectOnly(0);
    runCommand('cut');
    expect(cutMarks(useCanvasClipboard.getState()).size).toBe(1);
    expect(enabled('select-none')).toBe(true);
    runCommand('select-none');
    expect(cutMarks(useCanvasClipboard.getState()).size).toBe(0);
    expect(useAppStore.getState().selected.size).toBe(1);
    runCommand('select-none');
    expect(useAppStore.getState().selected.size).toBe(0);
    expect(enabled('select-none')).toBe(false);
  });

  it('sends the native menu entries it can take, grid keys marked as the page’s own', () => {
    const entries = menuEntries();
    expect(menuEntriesFrom(entries)).toEqual(entries);
    expect(entries.find((e) => e.id === 'zoom-in')).toEqual({
      id: 'zoom-in',
      label: 'Zoom in',
      menu: 'view',
      keys: 'Control+=',
    });
    expect(entries.find((e) => e.id === 'select-none')).toMatchObject({ menu: 'edit', pageKeys: true });
  });

  it('puts only commands of the table on the canvas toolbar', () => {
    for (const id of CANVAS_TOOLBAR) expect(commandById(id)).toBeDefined();
  });

  it('finds commands in the palette by the words of their labels', () => {
    expect(paletteMatches('').length).toBe(commands.length);
    expect(paletteMatches('save').map((c) => c.id)).toEqual(['save', 'save-as', 'save-all']);
    expect(paletteMatches('ZOOM in').map((c) => c.id)).toEqual(['zoom-in']);
    expect(paletteMatches('label sort').map((c) => c.id)).toEqual(['sort']);
    expect(paletteMatches('nothing like this')).toEqual([]);
  });

  it('keeps the desktop menu items of several documents: Save All, and the tabs on Ctrl+Tab', () => {
    const entry = (id: string) => menuEntries().find((e) => e.id === id);
    expect(entry('save-all')).toMatchObject({ menu: 'file', label: 'Save All' });
    expect(entry('new-collection')).toMatchObject({ menu: 'file' });
    expect(entry('next-document')).toMatchObject({ menu: 'view', keys: 'Control+Tab' });
    expect(entry('previous-document')).toMatchObject({ menu: 'view', keys: 'Control+Shift+Tab' });
    // One document: there is no other tab to go to.
    load();
    expect(enabled('next-document')).toBe(false);
  });

  it('refuses the manifest-only commands for a collection', () => {
    useAppStore.getState().loadDocument({
      doc: { id: 'https://example.org/c', type: 'Collection', label: { en: ['Set'] }, items: [] },
      format: DEFAULT_TEXT_FORMAT,
      file: null,
      name: 'c.json',
    });
    for (const id of ['split', 'add-media', 'add-images', 'toggle-preview']) expect(enabled(id)).toBe(false);
    expect(enabled('merge')).toBe(true);
  });
});
