/**
 * Open in New Window moves a document by its file, so it must refuse one with unsaved changes (they would be
 * lost on the way) and one never saved; New Window needs the desktop shell.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const opened: (string | undefined)[] = [];
const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

beforeEach(() => {
  opened.length = 0;
  vi.resetModules();
  // The preload's object, as the desktop shell exposes it (shell.ts reads it once, when loaded).
  (window as unknown as { tesseraShell: object }).tesseraShell = {
    newWindow: (path?: string) => opened.push(path),
    setWindowState: () => undefined,
  };
});
afterEach(() => {
  delete (window as unknown as { tesseraShell?: object }).tesseraShell;
});

async function load() {
  const { useAppStore } = await import('../../../../renderer/src/store/store');
  const windows = await import('../../../../renderer/src/features/documents/new-window');
  const doc = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m.json',
    type: 'Manifest',
    label: { en: ['Book'] },
    items: [],
  };
  return { store: useAppStore, windows, doc };
}

describe('more windows from the page', () => {
  it('moves a saved document by its file, and closes its tab here', async () => {
    const { store, windows, doc } = await load();
    store
      .getState()
      .loadDocument({ doc, format, file: { path: '/books/m.json', name: 'm.json', mtimeMs: 1 } });
    expect(windows.canMoveToNewWindow()).toBe(true);
    windows.moveToNewWindow();
    expect(opened).toEqual(['/books/m.json']);
    expect(store.getState().doc).toBeNull();
  });

  it('keeps a document with unsaved changes, or without a file, where it is', async () => {
    const { store, windows, doc } = await load();
    store
      .getState()
      .loadDocument({ doc, format, file: { path: '/books/m.json', name: 'm.json', mtimeMs: 1 } });
    store.getState().commit('Relabel', { ...doc, label: { en: ['Edited'] } });
    expect(windows.canMoveToNewWindow()).toBe(false);
    windows.moveToNewWindow();
    store.getState().loadDocument({ doc, format, file: null });
    expect(windows.canMoveToNewWindow()).toBe(false);
    windows.moveToNewWindow();
    expect(opened).toEqual([]);
    // New Window itself needs nothing of the document.
    windows.openNewWindow();
    expect(opened).toEqual([undefined]);
  });
});
