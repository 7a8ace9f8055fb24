import { describe, expect, it } from 'vitest';
import {
  canvasAt,
  canvasIdOf,
  canvasItems,
  canvasLabel,
  canvasList,
  canvasSlots,
} from '../../shared/iiif/canvases';
import type { JsonObject } from '../../shared/iiif/json';

const c1: JsonObject = { id: 'https://e.org/c1', type: 'Canvas', label: { en: ['One'], fr: ['Un'] } };
const c2: JsonObject = { id: 'https://e.org/c2', type: 'Canvas', label: 'Two' };
const doc: JsonObject = { type: 'Manifest', items: ['not a canvas', c1, null, c2] };

describe('canvases', () => {
  it('index N is items[N]: entries that are not objects are skipped, never renumbering the rest', () => {
    expect(canvasList(doc)).toEqual([
      { index: 1, canvas: c1 },
      { index: 3, canvas: c2 },
    ]);
    expect(canvasAt(doc, 1)).toBe(c1);
    expect(canvasAt(doc, 3)).toBe(c2);
    expect(canvasAt(doc, 0)).toBeNull();
    expect(canvasAt(doc, 2)).toBeNull();
    expect(canvasAt(doc, 4)).toBeNull();
    expect(canvasAt(doc, null)).toBeNull();
    expect(canvasSlots(doc)).toBe(4);
    expect(canvasItems(doc)).toBe(doc['items']);
  });

  it('reads nothing from documents without items', () => {
    expect(canvasList(null)).toEqual([]);
    expect(canvasList({ type: 'Manifest', items: 'x' })).toEqual([]);
    expect(canvasSlots(undefined)).toBe(0);
    expect(canvasAt({ type: 'Manifest' }, 0)).toBeNull();
  });

  it('caches the list per items array, and a new array gets a new list', () => {
    expect(canvasList(doc)).toBe(canvasList(doc));
    const next = { ...doc, items: [c2] };
    expect(canvasList(next)).toEqual([{ index: 0, canvas: c2 }]);
  });

  it('labels in the display languages, ids as strings', () => {
    expect(canvasLabel(c1, ['fr'])).toBe('Un');
    expect(canvasLabel(c1, ['en'])).toBe('One');
    expect(canvasLabel(c2, ['fr'])).toBe('Two');
    expect(canvasLabel('x', ['en'])).toBe('');
    expect(canvasIdOf(c1)).toBe('https://e.org/c1');
    expect(canvasIdOf({ id: 3 })).toBe('');
    expect(canvasIdOf(null)).toBe('');
  });
});
