/**
 * The grid's operations against the real store: each is one undo step, and the selection and the focus
 * follow the canvases they moved.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { useAnnouncer } from '../../../renderer/src/features/canvases/announcer';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  insertCanvasesAt,
  moveSelectionBy,
  moveSelectionTo,
  pasteAfterFocus,
  reorderCanvases,
  reverseOrder,
  selectAllCanvases,
  sendSelectionToEnd,
  sendSelectionToStart,
  sortByLabel,
} from '../../../renderer/src/features/canvases/canvas-actions';
import { useCanvasClipboard } from '../../../renderer/src/features/canvases/canvas-clipboard';
import { documentIndex } from '../../../shared/iiif/document/id-index';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function manifest(count: number, label = (i: number) => `p. ${i + 1}`): JsonObject {
  return {
    id: 'https://e.org/book/manifest.json',
    type: 'Manifest',
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://e.org/book/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [label(i)] },
      items: [
        {
          id: `https://e.org/book/canvas/${i + 1}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `https://e.org/book/canvas/${i + 1}/anno`,
              type: 'Annotation',
              motivation: 'painting',
              target: `https://e.org/book/canvas/${i + 1}`,
              body: { id: `https://img.org/${i + 1}.jpg`, type: 'Image' },
            },
          ],
        },
      ],
    })),
  };
}

/** Canvas numbers (1-based, from the ids) in document order. */
function order(): number[] {
  const items = useAppStore.getState().doc?.['items'] as JsonObject[];
  return items.map((c) => Number(String(c['id']).split('/').pop()));
}
function undoSteps(): readonly unknown[] {
  return useAppStore.getState().history?.past ?? [];
}
function selection() {
  const { selected, focus } = useAppStore.getState();
  return { selected: [...selected].sort((a, b) => a - b), focus };
}

function load(doc: JsonObject) {
  useAppStore.getState().loadDocument({ doc, format, file: null });
  useAppStore.getState().setSelection([], null);
}

beforeEach(() => {
  useCanvasClipboard.setState({ content: { kind: 'empty' } });
  load(manifest(10));
});

describe('reordering', () => {
  it('drops a selection at a gap as one step; undo restores the order', () => {
    const original = useAppStore.getState().doc;
    useAppStore.getState().setSelection([4, 5, 6, 7, 8], 6);
    expect(reorderCanvases([4, 5, 6, 7, 8], 0)).toBe(true);
    expect(order()).toEqual([5, 6, 7, 8, 9, 1, 2, 3, 4, 10]);
    expect(selection()).toEqual({ selected: [0, 1, 2, 3, 4], focus: 2 });
    expect(undoSteps()).toHaveLength(1);
    expect(useAnnouncer.getState().text).toBe('Moved 5 canvases to position 1.');
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(original);
  });

  it('undoes a drag of 50 canvases at 10,000 in one step', () => {
    load(manifest(10_000));
    const original = useAppStore.getState().doc;
    const fifty = Array.from({ length: 50 }, (_, i) => 9000 + i);
    reorderCanvases(fifty, 10);
    expect(order().slice(10, 12)).toEqual([9001, 9002]);
    expect(undoSteps()).toHaveLength(1);
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(original);
  });

  it('does nothing, and records nothing, when the drop leaves the order as it was', () => {
    useAppStore.getState().setSelection([3, 4], 3);
    expect(reorderCanvases([3, 4], 4)).toBe(false);
    expect(undoSteps()).toHaveLength(0);
  });

  it('moves the focused canvas three places down with three single steps', () => {
    useAppStore.getState().selectOnly(2);
    moveSelectionBy(1);
    moveSelectionBy(1);
    moveSelectionBy(1);
    expect(order()).toEqual([1, 2, 4, 5, 6, 3, 7, 8, 9, 10]);
    expect(selection()).toEqual({ selected: [5], focus: 5 });
    expect(undoSteps()).toHaveLength(3);
  });

  it('moves to a position, and sends to the start and the end', () => {
    useAppStore.getState().setSelection([1, 2], 1);
    moveSelectionTo(6);
    expect(order()).toEqual([1, 4, 5, 6, 7, 2, 3, 8, 9, 10]);
    expect(selection()).toEqual({ selected: [5, 6], focus: 5 });
    sendSelectionToEnd();
    expect(order().slice(-2)).toEqual([2, 3]);
    sendSelectionToStart();
    expect(order().slice(0, 2)).toEqual([2, 3]);
    expect(undoSteps()).toHaveLength(3);
  });

  it('acts on the focused canvas when nothing is selected', () => {
    useAppStore.getState().setFocus(9);
    sendSelectionToStart();
    expect(order()[0]).toBe(10);
    expect(selection()).toEqual({ selected: [0], focus: 0 });
  });
});

describe('cut and paste', () => {
  it('moves the cut canvases after the focused one, in one step, even after other moves', () => {
    useAppStore.getState().setSelection([0, 1], 0);
    cutSelection();
    expect(undoSteps()).toHaveLength(0);
    // Another move in between: the cut marks follow their canvases.
    useAppStore.getState().selectOnly(9);
    sendSelectionToStart();
    useAppStore.getState().selectOnly(7);
    pasteAfterFocus();
    expect(order()).toEqual([10, 3, 4, 5, 6, 7, 1, 2, 8, 9]);
    expect(selection().selected).toEqual([6, 7]);
    expect(undoSteps()).toHaveLength(2);
    pasteAfterFocus();
    expect(useAnnouncer.getState().text).toMatch(/Nothing to paste/);
  });
});

describe('copy and paste', () => {
  function items(): JsonObject[] {
    return useAppStore.getState().doc?.['items'] as JsonObject[];
  }
  function labels(): string[] {
    return items().map((c) => (c['label'] as Record<string, string[]>)['none']?.[0] ?? '');
  }

  it('inserts fresh copies after the focused canvas in one step, selects them, and can paste again', () => {
    useAppStore.getState().setSelection([6, 2], 6);
    copySelection();
    expect(useAnnouncer.getState().text).toMatch(/^Copied 2 canvases/);
    expect(undoSteps()).toHaveLength(0);
    useAppStore.getState().selectOnly(0);
    pasteAfterFocus();
    // Document order, not the order of selecting.
    expect(labels().slice(0, 4)).toEqual(['p. 1', 'p. 3', 'p. 7', 'p. 2']);
    expect(selection()).toEqual({ selected: [1, 2], focus: 2 });
    expect(undoSteps()).toHaveLength(1);
    expect(useAnnouncer.getState().text).toBe('Pasted copies of 2 canvases at position 2.');

    // The copy stays on the clipboard; the second paste continues after the first and mints its own ids.
    pasteAfterFocus();
    expect(labels().slice(0, 6)).toEqual(['p. 1', 'p. 3', 'p. 7', 'p. 3', 'p. 7', 'p. 2']);
    expect(selection()).toEqual({ selected: [3, 4], focus: 4 });
    const doc = useAppStore.getState().doc as JsonObject;
    expect(documentIndex(doc).duplicates).toEqual([]);
    expect(new Set(items().map((c) => c['id'])).size).toBe(14);
    expect(items()[3]).not.toBe(items()[1]);

    useAppStore.getState().undo();
    expect(items()).toHaveLength(12);
    useAppStore.getState().undo();
    expect(order()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('pastes what the canvases were when copied, also into another document', () => {
    useAppStore.getState().setSelection([0], 0);
    copySelection();
    // Relabelling the original after copying does not change what is on the clipboard.
    useAppStore.getState().commit('Relabel', {
      ...(useAppStore.getState().doc as JsonObject),
      items: [{ ...(items()[0] as JsonObject), label: { none: ['changed'] } }, ...items().slice(1)],
    });
    load({ id: 'https://other.org/letters/manifest.json', type: 'Manifest', items: [] });
    pasteAfterFocus();
    expect(labels()).toEqual(['p. 1']);
    expect(items()[0]?.['id']).toBe('https://other.org/letters/canvas/1');
    expect(undoSteps()).toHaveLength(1);
  });

  it('moves after a cut and inserts after a copy: the latest of the two decides', () => {
    useAppStore.getState().setSelection([0], 0);
    copySelection();
    useAppStore.getState().setSelection([1], 1);
    cutSelection();
    useAppStore.getState().selectOnly(4);
    pasteAfterFocus();
    expect(order()).toEqual([1, 3, 4, 5, 2, 6, 7, 8, 9, 10]);
    // The cut is used up; the earlier copy was replaced by it.
    pasteAfterFocus();
    expect(useAnnouncer.getState().text).toMatch(/Nothing to paste/);
    expect(order()).toHaveLength(10);
  });
});

describe('duplicate, delete, reverse, sort', () => {
  it('duplicates with fresh ids and shares no object with the original', () => {
    useAppStore.getState().setSelection([0, 3], 0);
    duplicateSelection();
    const items = useAppStore.getState().doc?.['items'] as JsonObject[];
    expect(items).toHaveLength(12);
    expect(selection()).toEqual({ selected: [1, 5], focus: 1 });
    const [original, copy] = [items[0] as JsonObject, items[1] as JsonObject];
    expect(copy['id']).not.toBe(original['id']);
    const ids = new Set<string>();
    const objects = new Set<object>();
    const walk = (value: unknown, into: (v: object) => void) => {
      if (typeof value !== 'object' || value === null) return;
      into(value);
      Object.values(value).forEach((child) => walk(child, into));
    };
    walk(original, (o) => objects.add(o));
    walk(original, (o) => 'id' in o && ids.add(String((o as JsonObject)['id'])));
    walk(copy, (o) => expect(objects.has(o)).toBe(false));
    // Only the image itself keeps its address: the copy shows the same picture through its own annotation.
    const copiedIds: string[] = [];
    walk(copy, (o) => 'id' in o && copiedIds.push(String((o as JsonObject)['id'])));
    expect(copiedIds.filter((id) => ids.has(id))).toEqual(['https://img.org/1.jpg']);
    expect(undoSteps()).toHaveLength(1);
  });

  it('deletes the selection and puts the cursor on the next canvas', () => {
    useAppStore.getState().setSelection([2, 3], 2);
    deleteSelection();
    expect(order()).toEqual([1, 2, 5, 6, 7, 8, 9, 10]);
    expect(selection()).toEqual({ selected: [2], focus: 2 });
    useAppStore.getState().undo();
    expect(order()).toHaveLength(10);
  });

  it('reverses the selection in place, or everything, and the focus follows its canvas', () => {
    useAppStore.getState().setSelection([1, 2, 3], 1);
    reverseOrder();
    expect(order()).toEqual([1, 4, 3, 2, 5, 6, 7, 8, 9, 10]);
    expect(selection()).toEqual({ selected: [1, 2, 3], focus: 3 });
    useAppStore.getState().selectOnly(0);
    reverseOrder();
    expect(order()[0]).toBe(10);
    expect(selection().focus).toBe(9);
  });

  it('sorts by label in natural order, as one step, with the selection following', () => {
    load(manifest(4, (i) => ['f. 10', 'f. 2', 'f. 1', 'f. 9'][i] as string));
    useAppStore.getState().selectOnly(0);
    sortByLabel();
    expect(order()).toEqual([3, 2, 4, 1]);
    expect(selection()).toEqual({ selected: [3], focus: 3 });
    expect(undoSteps()).toHaveLength(1);
  });
});

describe('selection and insertion', () => {
  it('selects all with the cursor kept', () => {
    useAppStore.getState().selectOnly(4);
    selectAllCanvases();
    expect(selection()).toEqual({ selected: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], focus: 4 });
  });

  it('inserts canvases from outside at a gap as one step and selects them', () => {
    const added = [
      { id: 'https://e.org/book/canvas/new-1', type: 'Canvas' },
      { id: 'https://e.org/book/canvas/new-2', type: 'Canvas' },
    ];
    expect(insertCanvasesAt(3, added)).toEqual([3, 4]);
    const items = useAppStore.getState().doc?.['items'] as JsonObject[];
    expect(items.slice(3, 5)).toEqual(added);
    expect(selection()).toEqual({ selected: [3, 4], focus: 3 });
    expect(undoSteps()).toHaveLength(1);
  });
});
