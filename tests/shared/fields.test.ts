import { describe, expect, it } from 'vitest';
import { arrayOnly, asArray, idOf, p2IdOf } from '../../shared/iiif/fields';

describe('the fields every resource shares', () => {
  it('reads a list written as a lone value as a list of one, and nothing as none', () => {
    const list = [{ id: 'a' }, null];
    expect(asArray(list)).toBe(list);
    expect(asArray('paged')).toEqual(['paged']);
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
  });

  it('takes only an array for a list where publishing rewrites what the list holds', () => {
    const list = [{ id: 'a' }];
    expect(arrayOnly(list)).toBe(list);
    expect(arrayOnly({ id: 'a' })).toEqual([]);
    expect(arrayOnly(undefined)).toEqual([]);
  });

  it('reads ids: Presentation 3 `id` first, Presentation 2 `@id` first, a reference string as itself', () => {
    const both = { id: 'https://e.org/p3', '@id': 'https://e.org/p2' };
    expect(idOf(both)).toBe('https://e.org/p3');
    expect(p2IdOf(both)).toBe('https://e.org/p2');
    expect(idOf({ '@id': 'x' })).toBe('x');
    expect(p2IdOf({ id: 'y' })).toBe('y');
    expect(idOf('https://e.org/c1')).toBe('https://e.org/c1');
    expect(p2IdOf('https://e.org/c1')).toBe('https://e.org/c1');
    expect(idOf({ id: 5 })).toBeNull();
    expect(p2IdOf(null)).toBeNull();
  });
});
