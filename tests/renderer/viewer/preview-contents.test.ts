import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { currentEntry, previewContents } from '../../../renderer/src/features/preview/preview-contents';

const BASE = 'https://e.org';
const ref = (n: number) => ({ id: `${BASE}/c${n}`, type: 'Canvas' });
const range = (label: string, items: JsonValue[], behavior?: string[]): JsonObject => ({
  id: `${BASE}/range/${label}`,
  type: 'Range',
  label: { en: [label] },
  ...(behavior ? { behavior } : {}),
  items,
});
const manifest = (structures: JsonValue[]): JsonObject => ({
  id: `${BASE}/manifest`,
  type: 'Manifest',
  items: Array.from({ length: 6 }, (_, i) => ({ id: `${BASE}/c${i}`, type: 'Canvas' })),
  structures,
});

describe('the preview’s table of contents', () => {
  const doc = manifest([
    range('Part A', [ref(0), ref(1), range('A.1', [ref(2)])]),
    range('hidden', [range('B', [ref(3), { id: `${BASE}/missing`, type: 'Canvas' }])], ['no-nav']),
    range('Highlights', [ref(4), ref(1), range('inner', [ref(3)])], ['sequence']),
  ]);

  it('lists entries by level, leaves out no-nav ranges (their children move up) and sequences', () => {
    const { entries } = previewContents(doc, []);
    expect(entries.map((e) => [e.label, e.level, e.canvases])).toEqual([
      ['Part A', 1, [0, 1, 2]],
      ['A.1', 2, [2]],
      ['B', 1, [3]],
    ]);
  });

  it('offers each sequence range as a reading order, with everything it holds in order', () => {
    const { sequences } = previewContents(doc, []);
    expect(sequences.map((s) => [s.label, s.canvases])).toEqual([['Highlights', [4, 1, 3]]]);
  });

  it('marks the deepest entry that holds the page being read', () => {
    const { entries } = previewContents(doc, []);
    expect(currentEntry(entries, 1)).toBe(0);
    expect(currentEntry(entries, 2)).toBe(1);
    expect(currentEntry(entries, 5)).toBe(null);
  });
});
