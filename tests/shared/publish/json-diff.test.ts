import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../shared/iiif/publish/json-diff';

describe('diffJson', () => {
  it('lists added, removed and changed paths, one per changed subtree', () => {
    const before = { label: { en: ['A'] }, summary: { en: ['x'] }, rights: 'r', behavior: ['paged'] };
    const after = {
      label: { en: ['B'] },
      rights: 'r',
      behavior: ['paged', 'auto-advance'],
      navDate: '1900-01-01T00:00:00Z',
    };
    expect(diffJson(before, after)).toEqual({
      added: ['$.behavior[1]', '$.navDate'],
      removed: ['$.summary'],
      changed: ['$.label.en[0]'],
      counts: { added: 2, removed: 1, changed: 1 },
    });
  });

  it('matches resources in lists by id, so an insertion is one addition', () => {
    const canvases = ['a', 'b', 'c'].map((id) => ({ id, type: 'Canvas', label: { none: [id] } }));
    const inserted = [
      canvases[0],
      { id: 'new', type: 'Canvas' },
      canvases[1],
      { ...canvases[2], label: { none: ['C'] } },
    ];
    expect(diffJson({ items: canvases }, { items: inserted } as never)).toMatchObject({
      added: ['$.items[1]'],
      removed: [],
      changed: ['$.items[3].label.none[0]'],
    });
  });

  it('reports nothing for equal documents and caps long lists while counting everything', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }).counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
    });
    const many = diffJson({ list: [] }, { list: Array.from({ length: 120 }, (_, i) => i) }, 10);
    expect(many.added).toHaveLength(10);
    expect(many.counts.added).toBe(120);
  });

  it('treats a change of kind (object to list) as a change of that path', () => {
    expect(diffJson({ service: { id: 'x' } }, { service: [{ id: 'x' }] }).changed).toEqual(['$.service']);
  });
});
