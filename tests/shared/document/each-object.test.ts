/** The one walk of the upgrade's clean-ups: every object once, after its own visit, and no recursion. */
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { forEachObject } from '../../../shared/iiif/document/each-object';

describe('forEachObject', () => {
  it('visits every object in arrays and objects once, reading its children after its visit', () => {
    const doc: JsonObject = {
      id: 'm',
      items: [{ id: 'a', items: [{ id: 'b' }] }, 'text', 3, null, { id: 'c' }],
    };
    const seen: string[] = [];
    forEachObject([doc], (node) => {
      seen.push(String(node['id']));
      // A child added by the visit is walked; one removed is not.
      if (node['id'] === 'c') (node as Record<string, JsonValue>)['added'] = { id: 'd' };
      if (node['id'] === 'a') (node as Record<string, JsonValue>)['items'] = [];
    });
    expect(seen.sort()).toEqual(['a', 'c', 'd', 'm']);
  });

  it('walks a tree far deeper than the call stack allows', () => {
    let deep: JsonObject = { type: 'Range', items: [] };
    for (let i = 0; i < 100_000; i += 1) deep = { type: 'Range', items: [deep] };
    let count = 0;
    forEachObject([deep], () => (count += 1));
    expect(count).toBe(100_001);
  });
});
