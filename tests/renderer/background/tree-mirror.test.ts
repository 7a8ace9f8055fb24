import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  createTreeDecoder,
  createTreeEncoder,
  mirrorElement,
  type EncodedDocument,
} from '../../../renderer/src/features/background/tree-mirror';
import { itemsOf, manifest, relabel } from './fixtures';

/** What crossing to a worker does to a message: a structured clone. */
function send(decoder: ReturnType<typeof createTreeDecoder>, encoded: EncodedDocument): JsonObject {
  const copy = structuredClone(encoded.elements.map(mirrorElement));
  decoder.receive(copy);
  return decoder.decode(structuredClone(encoded.document));
}

describe('the document mirror', () => {
  it('rebuilds the document with the same text, key order included', () => {
    const encoder = createTreeEncoder();
    const decoder = createTreeDecoder();
    const doc = manifest(5);
    const encoded = encoder.encode(doc);
    expect(encoded.elements).toHaveLength(5);
    expect(JSON.stringify(send(decoder, encoded))).toBe(JSON.stringify(doc));
  });

  it('sends only the canvas an edit replaced, and nothing for a reorder', () => {
    const encoder = createTreeEncoder();
    const decoder = createTreeDecoder();
    const doc = manifest(100);
    send(decoder, encoder.encode(doc));

    const edited = relabel(doc, 42, 'renamed');
    const afterEdit = encoder.encode(edited);
    expect(afterEdit.elements).toHaveLength(1);
    expect(send(decoder, afterEdit)).toEqual(edited);

    const items = itemsOf(edited);
    const reordered = { ...edited, items: [...items.slice(5, 10), ...items.slice(0, 5), ...items.slice(10)] };
    const afterReorder = encoder.encode(reordered);
    expect(afterReorder.elements).toEqual([]);
    expect(send(decoder, afterReorder)).toEqual(reordered);
  });

  it('sends a canvas again when an undo brings back one the last document no longer had', () => {
    const encoder = createTreeEncoder();
    const decoder = createTreeDecoder();
    const before = manifest(3);
    send(decoder, encoder.encode(before));
    send(decoder, encoder.encode(relabel(before, 1, 'changed')));
    const undone = encoder.encode(before);
    expect(undone.elements.map(({ value }) => value)).toEqual([itemsOf(before)[1]]);
    expect(send(decoder, undone)).toEqual(before);
  });

  it('keeps what an edited canvas shares with the one it replaced shared in the copy, sending it by reference', () => {
    const encoder = createTreeEncoder();
    const decoder = createTreeDecoder();
    const entry = (text: string) => ({ label: { en: [text] }, value: { none: [text] } });
    const withMetadata = (doc: JsonObject): JsonObject => {
      const items = [...itemsOf(doc)];
      items[1] = { ...items[1], metadata: [entry('a'), entry('b'), entry('c')] };
      return { ...doc, items };
    };
    const doc = withMetadata(manifest(3));
    const before = itemsOf(send(decoder, encoder.encode(doc)))[1] as JsonObject;
    const canvas = itemsOf(doc)[1] as JsonObject;
    const metadata = canvas['metadata'] as readonly JsonObject[];
    const items = [...itemsOf(doc)];
    items[1] = { ...canvas, width: 7, metadata: [...metadata].reverse() };
    const edited = { ...doc, items };
    const encoded = encoder.encode(edited);
    // Its label, its `items` and the three entries go as references, not as copies.
    const [posted] = encoded.elements;
    expect(posted && mirrorElement(posted)[2]).toHaveLength(5);
    const after = itemsOf(send(decoder, encoded))[1] as JsonObject;
    expect(after).toEqual(items[1]);
    const [a, b, c] = before['metadata'] as readonly JsonObject[];
    expect(after['metadata']).toEqual([c, b, a]);
    (after['metadata'] as readonly JsonObject[]).forEach((moved, i) => expect(moved).toBe([c, b, a][i]));
    expect(after['items']).toBe(before['items']);
  });

  it('uses the element still alive when one it let go comes back', () => {
    const encoder = createTreeEncoder();
    const decoder = createTreeDecoder();
    const before = manifest(3);
    const kept = send(decoder, encoder.encode(before));
    send(decoder, encoder.encode(relabel(before, 1, 'changed')));
    expect(itemsOf(send(decoder, encoder.encode(before)))[1]).toBe(itemsOf(kept)[1]);
  });

  it('keeps arrays that are not all objects, and empty ones, in place', () => {
    const encoder = createTreeEncoder();
    const doc: JsonObject = { ...manifest(2), behavior: ['paged', 'unordered'], mixed: [{ a: 1 }, 'b'] };
    const encoded = encoder.encode(doc);
    expect(encoded.document.entries.filter((entry) => 'ids' in entry).map((entry) => entry.key)).toEqual([
      'items',
    ]);
    expect(encoded.document.entries.find((entry) => entry.key === 'behavior')).toEqual({
      key: 'behavior',
      value: ['paged', 'unordered'],
    });
    expect(send(createTreeDecoder(), encoded)).toEqual(doc);
  });

  it('mirrors an object that appears twice in one array', () => {
    const encoder = createTreeEncoder();
    const canvas = itemsOf(manifest(1))[0] as JsonObject;
    const doc: JsonObject = { type: 'Manifest', items: [canvas, canvas] };
    const encoded = encoder.encode(doc);
    expect(encoded.elements).toHaveLength(1);
    expect(send(createTreeDecoder(), encoded)).toEqual(doc);
  });

  it('lets go of elements the latest document does not use (a decoder out of step says so)', () => {
    const decoder = createTreeDecoder();
    const doc = manifest(2);
    send(decoder, createTreeEncoder().encode(doc));
    // A second encoder numbers the same canvases afresh from 1 and assumes the decoder holds none of them.
    const other = createTreeEncoder().encode({ type: 'Manifest', items: [] });
    expect(send(decoder, other)).toEqual({ type: 'Manifest', items: [] });
    expect(() => decoder.decode({ entries: [{ key: 'items', ids: [1] }] })).toThrow(/lacks element 1/);
  });

  it('keeps top-level keys named "__proto__" or like built-in methods, as plain keys in their order', () => {
    // As JSON.parse reads them: "__proto__" becomes an own property, not the prototype.
    const text = JSON.stringify({ type: 'Manifest' }).replace(
      '}',
      ',"__proto__":[{"id":"p1"},{"id":"p2"}],"toString":[{"id":"t1"}],"constructor":[{"id":"c1"}]' +
        ',"valueOf":"v","hasOwnProperty":{"x":1},"items":[{"id":"i1","__proto__":{"a":1}}],"label":null}',
    );
    const doc = JSON.parse(text) as JsonObject;
    expect(Object.keys(doc)).toContain('__proto__');
    const plain = JSON.parse(
      '{"__proto__":"a string","toString":5,"constructor":null,"valueOf":["x"],"items":[{"id":"i1"}]}',
    ) as JsonObject;

    for (const original of [doc, plain]) {
      const encoder = createTreeEncoder();
      const decoder = createTreeDecoder();
      const decoded = send(decoder, encoder.encode(original));
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(original));
      expect(Object.keys(decoded)).toEqual(Object.keys(original));
      expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
      // And again, with the elements already held (references only).
      expect(JSON.stringify(send(decoder, encoder.encode(original)))).toBe(JSON.stringify(original));
      // And an edited element, its "__proto__" member sent as a reference to the one it replaced.
      const items = original['items'] as readonly JsonObject[];
      const edited = { ...original, items: [{ ...items[0], label: { en: ['x'] } }] };
      const again = send(decoder, encoder.encode(edited));
      expect(JSON.stringify(again)).toBe(JSON.stringify(edited));
      expect(Object.getPrototypeOf((again['items'] as JsonObject[])[0])).toBe(Object.prototype);
    }
    expect(JSON.stringify(doc)).toBe(text);
  });
});
