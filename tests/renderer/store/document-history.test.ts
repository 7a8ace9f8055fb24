import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { setIn } from '../../../shared/iiif/json';
import { isDirty } from '../../../renderer/src/store/document-slice';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function manifest(count: number): JsonObject {
  return {
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['M'] },
    items: Array.from({ length: count }, (_, i) => ({ id: `https://example.org/c/${i}`, type: 'Canvas' })),
  };
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: manifest(100), format, file: null });
});

describe('undo history', () => {
  it('undoes a change of 50 canvases in one step and redoes it', () => {
    const before = useAppStore.getState().doc as JsonObject;
    const items = before['items'] as JsonObject[];
    const moved = [...items.slice(50), ...items.slice(0, 50)];
    useAppStore.getState().commit('Move 50 canvases', { ...before, items: moved });
    expect(useAppStore.getState().history?.past).toHaveLength(1);
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(before);
    useAppStore.getState().redo();
    expect((useAppStore.getState().doc?.['items'] as JsonObject[])[0]).toBe(items[50]);
  });

  it('coalesces keystrokes of one gesture into one step, but not separate gestures', () => {
    const start = useAppStore.getState().doc as JsonObject;
    for (const text of ['T', 'Ti', 'Tit', 'Title']) {
      const doc = useAppStore.getState().doc as JsonObject;
      useAppStore
        .getState()
        .commit('Edit label', setIn(doc, ['label'], { en: [text] }) as JsonObject, 'label:1');
    }
    const afterFirst = useAppStore.getState().doc;
    useAppStore
      .getState()
      .commit(
        'Edit label',
        setIn(afterFirst as JsonObject, ['label'], { en: ['X'] }) as JsonObject,
        'label:2',
      );
    expect(useAppStore.getState().history?.past).toHaveLength(2);
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(afterFirst);
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(start);
  });

  it('reaches back 500 steps, and forgets only the oldest beyond that', () => {
    const start = useAppStore.getState().doc as JsonObject;
    const edit = (i: number) => {
      const doc = useAppStore.getState().doc as JsonObject;
      useAppStore.getState().commit('Edit', setIn(doc, ['label'], { en: [`v${i}`] }) as JsonObject);
    };
    for (let i = 0; i < 500; i++) edit(i);
    for (let i = 0; i < 500; i++) useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(start);

    // One edit more than the history holds: undoing everything stops at the first edit, not the start.
    for (let i = 0; i < 501; i++) edit(i);
    for (let i = 0; i < 600; i++) useAppStore.getState().undo();
    expect((useAppStore.getState().doc as JsonObject)['label']).toEqual({ en: ['v0'] });
  });

  it('is dirty after an edit and clean again after undoing to the saved tree', () => {
    expect(isDirty(useAppStore.getState())).toBe(false);
    const doc = useAppStore.getState().doc as JsonObject;
    useAppStore.getState().commit('Edit', setIn(doc, ['label'], { en: ['x'] }) as JsonObject);
    expect(isDirty(useAppStore.getState())).toBe(true);
    useAppStore.getState().undo();
    expect(isDirty(useAppStore.getState())).toBe(false);
  });

  it('drops the redo branch when a new change is made', () => {
    const doc = useAppStore.getState().doc as JsonObject;
    useAppStore.getState().commit('A', setIn(doc, ['label'], { en: ['a'] }) as JsonObject);
    useAppStore.getState().undo();
    useAppStore.getState().commit('B', setIn(doc, ['label'], { en: ['b'] }) as JsonObject);
    expect(useAppStore.getState().history?.future).toHaveLength(0);
  });
});

describe('selection', () => {
  it('selects ranges from the anchor, toggles, and selects all or none', () => {
    const s = () => useAppStore.getState();
    s().selectOnly(4);
    s().selectRange(8);
    expect([...s().selected].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8]);
    s().toggle(6);
    expect(s().selected.has(6)).toBe(false);
    s().selectAll(10);
    expect(s().selected.size).toBe(10);
    s().selectNone();
    expect(s().selected.size).toBe(0);
  });
});

describe('the selection across undo and redo', () => {
  const items = () => useAppStore.getState().doc?.['items'] as JsonObject[];

  it('follows moved canvases back and forth', () => {
    const before = useAppStore.getState().doc as JsonObject;
    const moved = [...items().slice(2), ...items().slice(0, 2)];
    useAppStore.getState().commit('Move 2 canvases to the end', { ...before, items: moved });
    useAppStore.getState().setSelection([98, 99], 99);
    useAppStore.getState().undo();
    expect([...useAppStore.getState().selected].sort((a, b) => a - b)).toEqual([0, 1]);
    expect(useAppStore.getState().focus).toBe(1);
    useAppStore.getState().redo();
    expect([...useAppStore.getState().selected].sort((a, b) => a - b)).toEqual([98, 99]);
    expect(useAppStore.getState().focus).toBe(99);
  });

  it('follows an edited canvas by its id, and drops canvases that are gone', () => {
    const before = useAppStore.getState().doc as JsonObject;
    const relabelled = setIn(before, ['items', 5, 'label'], { en: ['five'] }) as JsonObject;
    useAppStore.getState().commit('Relabel', relabelled);
    const pasted = { ...relabelled, items: [{ id: 'https://example.org/new', type: 'Canvas' }, ...items()] };
    useAppStore.getState().commit('Paste', pasted);
    useAppStore.getState().setSelection([0, 6], 6);
    useAppStore.getState().undo();
    // The pasted canvas is gone; canvas 5 (now at 5 again) stays selected.
    expect([...useAppStore.getState().selected]).toEqual([5]);
    useAppStore.getState().undo();
    expect([...useAppStore.getState().selected]).toEqual([5]);
    expect(useAppStore.getState().doc).toBe(before);
  });
});
