import { describe, expect, it } from 'vitest';
import { setIn, updateIn, type JsonObject } from '../../shared/iiif/json';

describe('path edits of JSON trees', () => {
  // JSON.parse keeps "__proto__" as an ordinary own key; an edit must neither drop it nor set a prototype.
  const parsed = JSON.parse('{"__proto__":{"x":1},"label":"a","toString":"b"}') as JsonObject;

  it('keeps a "__proto__" key, in its place, when another key is removed', () => {
    const edited = setIn(parsed, ['label'], undefined) as JsonObject;
    expect(JSON.stringify(edited)).toBe('{"__proto__":{"x":1},"toString":"b"}');
    expect(Object.getPrototypeOf(edited)).toBe(Object.prototype);
  });

  it('keeps it when another key is changed, and changes it as any key', () => {
    expect(JSON.stringify(setIn(parsed, ['label'], 'c'))).toBe(
      '{"__proto__":{"x":1},"label":"c","toString":"b"}',
    );
    expect(JSON.stringify(updateIn(parsed, ['__proto__', 'x'], () => 2))).toBe(
      '{"__proto__":{"x":2},"label":"a","toString":"b"}',
    );
    expect(JSON.stringify(setIn(parsed, ['__proto__'], undefined))).toBe('{"label":"a","toString":"b"}');
  });
});
