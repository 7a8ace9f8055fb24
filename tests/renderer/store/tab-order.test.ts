/**
 * Reordering the tabs of the open documents (issue 17): the tab bar's own order, never an edit of a document.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { commandForKey, runCommand } from '../../../renderer/src/commands/run-command';
import { navigationFor } from '../../../renderer/src/features/canvases/canvas-keys';
import { useAnnouncer } from '../../../renderer/src/features/canvases/announcer';
import { moveTab, prepareNewTab } from '../../../renderer/src/features/documents/document-tabs';
import { gapOfTabDrop } from '../../../renderer/src/features/documents/tab-drag';
import { isDirty } from '../../../renderer/src/store/document-slice';
import { allDocuments, withTabMoved } from '../../../renderer/src/store/documents-slice';
import { useAppStore } from '../../../renderer/src/store/store';

const store = useAppStore;
const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function open(name: string): string {
  prepareNewTab();
  const doc: JsonObject = {
    id: `https://example.org/${name}`,
    type: 'Manifest',
    label: { en: [name] },
    items: [],
  };
  store
    .getState()
    .loadDocument({ doc, format, file: { path: `/w/${name}.json`, name: `${name}.json`, mtimeMs: 1 } });
  return store.getState().documentKey;
}

const order = () => store.getState().openDocuments.map((entry) => entry.key);

beforeEach(() => {
  while (store.getState().doc !== null) store.getState().closeDocument();
  store.getState().markSample(null);
});

describe('withTabMoved', () => {
  const list = ['a', 'b', 'c', 'd'].map((key) => ({ key }));
  const keys = (l: readonly { key: string }[]) => l.map((e) => e.key).join('');

  it('takes the entry out and puts it back at the place asked for', () => {
    expect(keys(withTabMoved(list, 'a', 2))).toBe('bcad');
    expect(keys(withTabMoved(list, 'd', 0))).toBe('dabc');
    expect(keys(withTabMoved(list, 'b', 3))).toBe('acdb');
  });

  it('clamps the place to the list, and returns the list itself when nothing changes', () => {
    expect(keys(withTabMoved(list, 'c', 99))).toBe('abdc');
    expect(keys(withTabMoved(list, 'c', -5))).toBe('cabd');
    expect(withTabMoved(list, 'b', 1)).toBe(list);
    expect(withTabMoved(list, 'x', 0)).toBe(list);
  });
});

describe('gapOfTabDrop', () => {
  it('drops before a tab on its leading half and after it on its trailing half', () => {
    const box = { left: 100, width: 40 };
    expect(gapOfTabDrop(box, 110, 2)).toBe(2);
    expect(gapOfTabDrop(box, 130, 2)).toBe(3);
  });
});

describe('moving tabs in the store', () => {
  it('reorders the tabs, active or not, without an undo step or an unsaved mark in any document', () => {
    const a = open('a');
    const b = open('b');
    const c = open('c');
    store.getState().commit('Relabel', { ...(store.getState().doc as JsonObject), label: { en: ['C!'] } });
    const pastBefore = allDocuments(store.getState()).map((d) => d.history?.past.length);

    moveTab(c, 0);
    expect(order()).toEqual([c, a, b]);
    moveTab(a, 2);
    expect(order()).toEqual([c, b, a]);
    expect(useAnnouncer.getState().text).toBe('Moved a.json to place 3 of 3.');
    // The active document stays the active one, with its fields; the others keep their snapshots.
    expect(store.getState().documentKey).toBe(c);
    expect(allDocuments(store.getState()).map((d) => d.documentKey)).toEqual([c, b, a]);
    expect(allDocuments(store.getState()).map((d) => d.history?.past.length)).toEqual([
      pastBefore[2],
      pastBefore[1],
      pastBefore[0],
    ]);
    expect(allDocuments(store.getState()).map((d) => isDirty(d))).toEqual([true, false, false]);
  });

  it('moves the active tab one place with the commands of the table, and says so at either end', () => {
    const a = open('a');
    const b = open('b');
    runCommand('move-tab-left');
    expect(order()).toEqual([b, a]);
    runCommand('move-tab-left');
    expect(order()).toEqual([b, a]);
    expect(useAnnouncer.getState().text).toBe('This tab is already the first.');
    runCommand('move-tab-right');
    expect(order()).toEqual([a, b]);
    expect(useAnnouncer.getState().text).toBe('Moved b.json to place 2 of 2.');
    // Undo has nothing to take back: the order is not an edit.
    expect(store.getState().history?.past).toHaveLength(0);
  });

  it('leaves Ctrl+Shift+PageUp/PageDown to the window even in the canvas grid, where PageUp pages', () => {
    const press = (key: string) => ({ key, ctrlKey: true, shiftKey: true, altKey: false, metaKey: false });
    expect(navigationFor(press('PageUp'))).toBeNull();
    expect(navigationFor(press('PageDown'))).toBeNull();
    expect(commandForKey(press('PageUp'), 'window')?.id).toBe('move-tab-left');
    expect(commandForKey(press('PageDown'), 'window')?.id).toBe('move-tab-right');
    expect(navigationFor({ ...press('PageUp'), ctrlKey: false })).not.toBeNull();
  });
});
