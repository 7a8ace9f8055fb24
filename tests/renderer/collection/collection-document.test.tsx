/**
 * A collection in the renderer against the real store (issue 17): the properties panel edits the collection
 * and the focused member with their own rules, the grid's actions speak of members and never copy them, and
 * adding members is one undo step that refuses the collection itself.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { insertMembers, localPathOf } from '../../../renderer/src/features/collection/member-actions';
import { useAnnouncer } from '../../../renderer/src/features/canvases/announcer';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  moveSelectionBy,
  reorderCanvases,
} from '../../../renderer/src/features/canvases/canvas-actions';
import { MemberDetails } from '../../../renderer/src/features/collection/MemberDetails';
import { MembersPanel } from '../../../renderer/src/features/collection/MembersPanel';
import { DocumentDialogs } from '../../../renderer/src/features/documents/DocumentDialogs';
import { PropertiesPanel } from '../../../renderer/src/features/properties/PropertiesPanel';
import { documentKind } from '../../../renderer/src/store/document-slice';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const ID = 'https://example.org/shelf/collection.json';

function member(n: number): JsonObject {
  return { id: `https://example.org/${n}/manifest.json`, type: 'Manifest', label: { en: [`Volume ${n}`] } };
}

function collection(count: number): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: ID,
    type: 'Collection',
    label: { en: ['Shelf'] },
    items: Array.from({ length: count }, (_, i) => member(i + 1)),
  };
}

const doc = () => useAppStore.getState().doc as JsonObject;
const ids = () => (doc()['items'] as JsonObject[]).map((m) => m['id']);
const steps = () => useAppStore.getState().history?.past.length ?? 0;

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: collection(4), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(() => cleanup());

describe('a collection in the properties panel', () => {
  it('edits the collection and the focused member, with no canvas tabs', () => {
    render(<PropertiesPanel />);
    expect(documentKind(useAppStore.getState())).toBe('Collection');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Properties']);
    const own = within(screen.getByRole('region', { name: 'Collection' }));
    expect(own.getByLabelText('Label (en)')).toHaveProperty('value', 'Shelf');
    // `start` belongs to manifests and ranges: not offered on a collection.
    expect(own.queryByText('Start canvas')).toBeNull();
    const focused = within(screen.getByRole('region', { name: 'Member 1' }));
    expect(focused.getByLabelText('Member label (en)')).toHaveProperty('value', 'Volume 1');
    // A reference edits what references carry, not a manifest's rights or links.
    expect(focused.queryByText('Rights and credit')).toBeNull();
    expect(focused.queryByText('Behavior')).toBeNull();
  });
});

describe('moving the focused member', () => {
  it("keeps its editor (the same fields) and shows it at the member's new place", () => {
    render(<PropertiesPanel />);
    const before = within(screen.getByRole('region', { name: 'Member 1' })).getByLabelText(
      'Member label (en)',
    );
    act(() => moveSelectionBy(1));
    const after = within(screen.getByRole('region', { name: 'Member 2' })).getByLabelText(
      'Member label (en)',
    );
    expect(after).toHaveProperty('value', 'Volume 1');
    // Re-created fields would be new elements: an editor keyed by position was rebuilt on every move.
    expect(after).toBe(before);
    // Focusing another member is another editor.
    act(() => useAppStore.getState().selectOnly(0));
    const other = within(screen.getByRole('region', { name: 'Member 1' })).getByLabelText(
      'Member label (en)',
    );
    expect(other).toHaveProperty('value', 'Volume 2');
  });
});

describe("the member panel's toolbar", () => {
  it('offers the focused member for editing only while the cursor is on one', () => {
    render(<MembersPanel />);
    const open = () => screen.getByRole('button', { name: 'Open for editing' });
    expect(open()).toHaveProperty('disabled', false);
    act(() => useAppStore.getState().setSelection([], null));
    expect(open()).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move down' })).toHaveProperty('disabled', true);
    act(() => useAppStore.getState().setSelection([], 3));
    expect(open()).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Move down' })).toHaveProperty('disabled', false);
  });
});

describe("the grid's actions on members", () => {
  it('move and remove members, one step each, and say "members"', () => {
    expect(reorderCanvases([2, 3], 0)).toBe(true);
    expect(useAnnouncer.getState().text).toBe('Moved 2 members to position 1.');
    useAppStore.getState().setSelection([1], 1);
    deleteSelection();
    expect(ids()).toEqual([3, 1, 2].map((n) => member(n)['id']));
    expect(steps()).toBe(2);
  });

  it('never copy or duplicate a member (members are references with their own ids)', () => {
    const before = doc();
    act(() => duplicateSelection());
    expect(doc()).toBe(before);
    copySelection();
    expect(useAnnouncer.getState().text).toMatch(/references/);
  });

  it('adds references as one undo step after the focused member, refusing the collection itself', () => {
    expect(insertMembers([member(9), { id: ID, type: 'Collection', label: { en: ['me'] } }])).toBe(1);
    expect(ids()[1]).toBe(member(9)['id']);
    expect(steps()).toBe(1);
    expect(useAppStore.getState().message?.text).toBe('A collection cannot list itself as a member.');
    useAppStore.getState().undo();
    expect(ids()).toHaveLength(4);
  });
});

describe('the member details', () => {
  it('say what an embedded collection holds, at any depth, and that a reference is one', () => {
    const nested = {
      id: 'https://example.org/series',
      type: 'Collection',
      label: { en: ['Series'] },
      items: [{ ...collection(2), id: 'https://example.org/sub' }],
    };
    useAppStore
      .getState()
      .loadDocument({ doc: { ...collection(1), items: [nested, member(2)] }, format, file: null });
    useAppStore.getState().selectOnly(0);
    render(<MemberDetails />);
    expect(screen.getByRole('heading', { name: 'Series' })).toBeTruthy();
    expect(screen.getByText('embedded in this collection, with 1 member')).toBeTruthy();
    act(() => useAppStore.getState().selectOnly(1));
    expect(screen.getByText('by reference')).toBeTruthy();
  });
});

describe('opening a member', () => {
  it('finds a local file behind a file: URL or a path, and nothing behind a web address', () => {
    expect(localPathOf('file:///home/me/volume%201.json')).toBe('/home/me/volume 1.json');
    expect(localPathOf('/srv/iiif/v1.json')).toBe('/srv/iiif/v1.json');
    expect(localPathOf('https://example.org/1/manifest.json')).toBeNull();
  });
});

describe('New collection', () => {
  it('makes an empty, unsaved collection under the base URI, or a manifest when the kind is switched', () => {
    act(() => useAppStore.getState().showDialog({ kind: 'new-manifest', documentType: 'Collection' }));
    render(<DocumentDialogs />);
    expect(screen.getByRole('dialog', { name: 'New collection' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Collection label'), { target: { value: 'Exhibition' } });
    fireEvent.change(screen.getByLabelText('Project base URI'), {
      target: { value: 'https://ex.test/show' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(doc()).toMatchObject({
      id: 'https://ex.test/show/collection.json',
      type: 'Collection',
      items: [],
    });
    expect(doc()['label']).toEqual({ en: ['Exhibition'] });
    expect(useAppStore.getState().savedDoc).toBeNull();

    act(() => useAppStore.getState().showDialog({ kind: 'new-manifest', documentType: 'Collection' }));
    fireEvent.click(screen.getByRole('radio', { name: /^Manifest/ }));
    expect(screen.getByRole('dialog', { name: 'New manifest' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(doc()['type']).toBe('Manifest');
    expect(doc()['label']).toEqual({ en: ['Untitled manifest'] });
  });
});
