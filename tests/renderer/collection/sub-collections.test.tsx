/**
 * Embedded sub-collections in the renderer against the real store (issue 17): opening one shows its members in
 * the member grid; the grid's actions, adding, and the properties panel then edit that collection in place,
 * each one undo step in the document; undo keeps the grid where it was; the breadcrumb leads back out.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionAtPath } from '../../../shared/iiif/collection';
import type { JsonObject } from '../../../shared/iiif/json';
import { runCommand } from '../../../renderer/src/commands/run-command';
import { useAnnouncer } from '../../../renderer/src/features/canvases/announcer';
import {
  deleteSelection,
  moveSelectionBy,
  reorderCanvases,
} from '../../../renderer/src/features/canvases/canvas-actions';
import { CollectionBreadcrumb } from '../../../renderer/src/features/collection/CollectionBreadcrumb';
import { insertMembers } from '../../../renderer/src/features/collection/member-actions';
import {
  openSubCollection,
  showCollectionAt,
} from '../../../renderer/src/features/collection/member-navigation';
import { prepareNewTab } from '../../../renderer/src/features/documents/document-tabs';
import { PropertiesPanel } from '../../../renderer/src/features/properties/PropertiesPanel';
import { listOwner } from '../../../renderer/src/store/grid-list';
import { useAppStore } from '../../../renderer/src/store/store';
import { ref, SHELF_BASE as BASE, shelf } from '../../shared/collection/shelf';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const store = useAppStore;
const state = () => store.getState();
const names = (collection: JsonObject | null | undefined) =>
  ((collection?.['items'] as JsonObject[] | undefined) ?? []).map(
    (m) => (m['label'] as { en: string[] }).en[0],
  );
const shown = () => names(listOwner(state()));
const steps = () => state().history?.past.length ?? 0;

beforeEach(() => {
  while (state().doc !== null) state().closeDocument();
  state().loadDocument({ doc: shelf(), format, file: null, name: 'shelf.json' });
  state().selectOnly(1);
});
afterEach(() => cleanup());

describe('opening embedded sub-collections', () => {
  it('steps in from the focused member (the Enter command), to any depth, and not into references', () => {
    runCommand('open-member');
    expect(state().memberPath).toEqual([1]);
    expect(shown()).toEqual(['a1', 'a2', 'Folder']);
    expect([...state().selected]).toEqual([0]);
    expect(useAnnouncer.getState().text).toBe('Opened “Box A”: 3 members.');
    openSubCollection(2);
    expect(shown()).toEqual(['f1', 'f2', 'f3']);
    openSubCollection(0);
    expect(state().memberPath).toEqual([1, 2]);
    // Nothing about where the grid is goes into the history.
    expect(steps()).toBe(0);
  });

  it('edits the open sub-collection in place: move, remove, add, each one undo step', () => {
    openSubCollection(1);
    openSubCollection(2);
    state().selectOnly(2);
    moveSelectionBy(-1);
    expect(shown()).toEqual(['f1', 'f3', 'f2']);
    expect(state().focus).toBe(1);
    reorderCanvases([0], 3);
    expect(shown()).toEqual(['f3', 'f2', 'f1']);
    state().selectOnly(1);
    deleteSelection();
    expect(shown()).toEqual(['f3', 'f1']);
    insertMembers([ref('new')], 1);
    expect(shown()).toEqual(['f3', 'new', 'f1']);
    expect(steps()).toBe(4);
    // The levels above are untouched: the edits are the sub-collection's.
    expect(names(state().doc)).toEqual(['m1', 'Box A', 'm2']);
    expect(names(collectionAtPath(state().doc, [1]))).toEqual(['a1', 'a2', 'Folder']);
    for (const expected of [
      ['f3', 'f1'],
      ['f3', 'f2', 'f1'],
      ['f1', 'f3', 'f2'],
      ['f1', 'f2', 'f3'],
    ]) {
      state().undo();
      expect(shown()).toEqual(expected);
      expect(state().memberPath).toEqual([1, 2]);
    }
    expect(state().doc).toEqual(shelf());
  });

  it('refuses a collection that contains the open one as its member', () => {
    openSubCollection(1);
    expect(insertMembers([{ id: `${BASE}/shelf.json`, type: 'Collection' }], 0)).toBe(0);
    expect(state().message?.text).toBe(
      'A collection cannot list itself, or a collection it is in, as a member.',
    );
    expect(steps()).toBe(0);
  });

  it('steps back out when an undo takes the open collection away', () => {
    openSubCollection(1);
    // Remove the folder from Box A, open… it is gone; then undo the removal while in Box A, and redo it from
    // inside the folder after opening it again.
    state().selectOnly(2);
    deleteSelection();
    state().undo();
    openSubCollection(2);
    expect(state().memberPath).toEqual([1, 2]);
    state().redo();
    expect(state().memberPath).toEqual([1]);
    expect(shown()).toEqual(['a1', 'a2']);
    expect(state().selected.size).toBe(0);
  });

  it('edits the open collection’s label and its members’ labels in the properties panel', () => {
    openSubCollection(1);
    render(<PropertiesPanel />);
    const own = within(screen.getByRole('region', { name: 'Collection (embedded)' }));
    expect(own.getByLabelText('Label (en)')).toHaveProperty('value', 'Box A');
    fireEvent.change(own.getByLabelText('Label (en)'), { target: { value: 'Box A, sorted' } });
    const focused = within(screen.getByRole('region', { name: 'Member 1' }));
    expect(focused.getByLabelText('Member label (en)')).toHaveProperty('value', 'a1');
    fireEvent.change(focused.getByLabelText('Member label (en)'), { target: { value: 'a1, first' } });
    const box = collectionAtPath(state().doc, [1]);
    expect((box?.['label'] as { en: string[] }).en[0]).toBe('Box A, sorted');
    expect(names(box)[0]).toBe('a1, first');
    expect((state().doc?.['label'] as { en: string[] }).en[0]).toBe('Shelf');
  });
});

describe('the breadcrumb', () => {
  it('names every level, marks the current one, and leads back out with the way in selected', () => {
    render(<CollectionBreadcrumb />);
    expect(screen.queryByRole('navigation')).toBeNull();
    act(() => {
      openSubCollection(1);
      openSubCollection(2);
    });
    const nav = screen.getByRole('navigation', { name: 'Collection path' });
    expect(
      within(nav)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Shelf', 'Box A', 'Folder']);
    expect(within(nav).getByText('Folder').getAttribute('aria-current')).toBe('location');
    fireEvent.click(within(nav).getByRole('button', { name: 'Box A' }));
    expect(state().memberPath).toEqual([1]);
    expect([...state().selected]).toEqual([2]);
    act(() => runCommand('open-enclosing-collection'));
    expect(state().memberPath).toEqual([]);
    expect(state().focus).toBe(1);
    expect(screen.queryByRole('navigation')).toBeNull();
    act(() => showCollectionAt(0));
    expect(state().memberPath).toEqual([]);
  });

  it('is kept per tab: another document opens at its own top level, and switching back returns inside', () => {
    openSubCollection(1);
    const shelfKey = state().documentKey;
    prepareNewTab();
    state().loadDocument({ doc: shelf(), format, file: null, name: 'other.json' });
    expect(state().memberPath).toEqual([]);
    state().activateDocument(shelfKey);
    expect(state().memberPath).toEqual([1]);
    expect(shown()).toEqual(['a1', 'a2', 'Folder']);
  });
});
