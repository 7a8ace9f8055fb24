import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  canRedo,
  canUndo,
  createHistory,
  moveCanvases,
  pushHistory,
  redoHistory,
  redoLabel,
  sealHistory,
  setLabel,
  undoHistory,
  undoLabel,
} from '../../../shared/iiif/document';
import { manifest } from './sample-docs';

describe('undo history', () => {
  it('undoes a move of 50 canvases in one step, and redoes it', () => {
    const doc = manifest(100);
    const indices = Array.from({ length: 50 }, (_, i) => i * 2);
    const moved = moveCanvases(doc, indices, 100);
    let history = pushHistory(createHistory(doc), moved, 'Move 50 canvases');
    expect(history.past).toHaveLength(1);
    expect(undoLabel(history)).toBe('Move 50 canvases');
    history = undoHistory(history);
    expect(history.present).toBe(doc);
    expect(canUndo(history)).toBe(false);
    expect(redoLabel(history)).toBe('Move 50 canvases');
    history = redoHistory(history);
    expect(history.present).toBe(moved);
    expect(canRedo(history)).toBe(false);
  });

  it('merges keystrokes of one gesture into one step', () => {
    const doc = manifest(2);
    let history = createHistory(doc);
    for (const text of ['T', 'Ti', 'Tit', 'Title']) {
      history = pushHistory(history, setLabel(history.present, ['items', 0], { en: [text] }), 'Edit label', {
        coalesce: 'label:items/0',
      });
    }
    expect(history.past).toHaveLength(1);
    expect(undoHistory(history).present).toBe(doc);
  });

  it('starts a new step after a seal, another key, or an undo', () => {
    const doc = manifest(2);
    const edit = (h: ReturnType<typeof createHistory<JsonObject>>, text: string, key = 'label:0') =>
      pushHistory(h, setLabel(h.present, ['items', 0], { en: [text] }), 'Edit label', { coalesce: key });
    let history = edit(edit(createHistory(doc), 'a'), 'ab');
    history = edit(sealHistory(history), 'abc');
    expect(history.past).toHaveLength(2);
    history = edit(history, 'x', 'label:1');
    expect(history.past).toHaveLength(3);
    history = edit(undoHistory(history), 'y', 'label:1');
    expect(history.past).toHaveLength(3);
    // Pushes without a key never merge.
    history = pushHistory(history, setLabel(history.present, [], { en: ['1'] }), 'a');
    history = pushHistory(history, setLabel(history.present, [], { en: ['2'] }), 'b');
    expect(history.past).toHaveLength(5);
  });

  it('ignores a no-op push and clears the redo future on a new push', () => {
    const doc = manifest(3);
    let history = createHistory(doc);
    expect(pushHistory(history, doc, 'nothing')).toBe(history);
    history = pushHistory(history, moveCanvases(doc, [0], 3), 'Move');
    history = undoHistory(history);
    expect(canRedo(history)).toBe(true);
    history = pushHistory(history, moveCanvases(doc, [2], 0), 'Move again');
    expect(canRedo(history)).toBe(false);
    expect(undoHistory(createHistory(doc)).present).toBe(doc);
  });

  it('keeps 500 steps by default and drops the oldest beyond the limit', () => {
    const doc = manifest(3);
    let history = createHistory(doc);
    const versions: JsonObject[] = [doc];
    for (let i = 1; i <= 520; i += 1) {
      const next = setLabel(history.present, [], { en: [`v${i}`] });
      versions.push(next);
      history = pushHistory(history, next, `v${i}`);
    }
    expect(history.past).toHaveLength(500);
    for (let i = 0; i < 500; i += 1) history = undoHistory(history);
    expect(history.present).toBe(versions[20]);
    expect(canUndo(history)).toBe(false);
    expect(() => createHistory(doc, { limit: 0 })).toThrow(RangeError);
  });
});
