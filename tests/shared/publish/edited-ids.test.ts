/**
 * Republishing after the document's ids were edited: every page, annotation and Range published before is
 * recognised by its fingerprint and keeps its URI, whatever the order; what is really new or gone shows as such.
 */
import { describe, expect, it } from 'vitest';
import {
  getIn,
  isJsonArray,
  isJsonObject,
  setIn,
  type JsonObject,
  type JsonValue,
} from '../../../shared/iiif/json';
import {
  diffUris,
  nextRecord,
  parseRecord,
  serializeRecord,
  type PublicationRecord,
} from '../../../shared/iiif/publish/publication-record';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { loadFixture } from '../validation/helpers';

const BASE = 'https://pub.example.com/hours';
const OLD = 'https://example.org/iiif/book1';

/** Publishes `doc` after the publication `previous` recorded; the record goes through its file format. */
function publish(doc: JsonObject, previous?: PublicationRecord) {
  const result = rewriteIds(doc, { toBase: BASE, ...(previous ? { previous } : {}) });
  const record = parseRecord(serializeRecord(nextRecord(previous, BASE, result.resources)));
  if (!record) throw new Error('the record does not read back');
  return { doc: result.doc as JsonObject, record, uris: diffUris(previous, result.resources) };
}

/** Every resource id in document order, with the type of the resource it names. */
function ids(value: JsonValue, into: string[] = []): string[] {
  if (isJsonArray(value)) value.forEach((v) => ids(v, into));
  else if (isJsonObject(value)) {
    if (typeof value.id === 'string' && typeof value.type === 'string')
      into.push(`${value.type} ${value.id}`);
    Object.values(value).forEach((v) => ids(v, into));
  }
  return into;
}

const TEXT = new Set(['label', 'summary', 'metadata', 'requiredStatement', 'value']);

/** The document after an edit of one id, references to it (with their #fragments) following, as the editor does. */
function renameId(value: JsonValue, from: string, to: string): JsonValue {
  if (typeof value === 'string')
    return value === from ? to : value.startsWith(`${from}#`) ? to + value.slice(from.length) : value;
  if (isJsonArray(value)) return value.map((v) => renameId(v, from, to));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, TEXT.has(k) ? v : renameId(v, from, to)]),
  );
}

/** The validation fixture's book (two canvases, a comment page, nested Ranges). */
function book(): JsonObject {
  return loadFixture('valid-book');
}

/** The book with the ids of its comment page, its comment, both Ranges and the second canvas edited. */
function edited(): JsonObject {
  let doc: JsonValue = book();
  for (const [from, to] of [
    [`${OLD}/comments/p1`, `${OLD}/notes/first-page`],
    [`${OLD}/comments/p1/1`, `${OLD}/notes/initial`],
    [`${OLD}/range/toc`, `${OLD}/range/contents`],
    [`${OLD}/range/hours`, `${OLD}/range/virgin`],
    [`${OLD}/canvas/p2`, `${OLD}/canvas/f1v`],
  ])
    doc = renameId(doc, from as string, to as string);
  return doc as JsonObject;
}

const NO_CHANGE = { changed: [], added: [], removed: [] };

describe('republishing after ids were edited', () => {
  it('keeps the URI of every page, annotation, Range and canvas whose id was edited', () => {
    const first = publish(book());
    const input = edited();
    // The edit touched each kind: otherwise this test would prove nothing.
    expect(getIn(input, ['items', 0, 'annotations', 0, 'id'])).toBe(`${OLD}/notes/first-page`);
    expect(getIn(input, ['items', 0, 'annotations', 0, 'items', 0, 'id'])).toBe(`${OLD}/notes/initial`);
    expect(getIn(input, ['structures', 0, 'id'])).toBe(`${OLD}/range/contents`);
    expect(getIn(input, ['structures', 0, 'items', 1, 'id'])).toBe(`${OLD}/range/virgin`);
    const again = publish(input, first.record);
    expect(ids(again.doc)).toEqual(ids(first.doc));
    expect(again.uris).toEqual(NO_CHANGE);
    // And once more: the record now knows the new ids too.
    expect(ids(publish(input, again.record).doc)).toEqual(ids(first.doc));
  });

  it('keeps them when the canvases are also reversed', () => {
    const first = publish(book());
    const input = edited();
    const reversed = { ...input, items: [...(input.items as JsonValue[])].reverse() };
    const again = publish(reversed, first.record);
    const byCanvas = (doc: JsonObject) => (doc.items as JsonValue[]).map((canvas) => ids(canvas));
    expect(byCanvas(again.doc).reverse()).toEqual(byCanvas(first.doc));
    expect(ids(again.doc.structures ?? [])).toEqual(ids(first.doc.structures ?? []));
    expect(again.uris).toEqual(NO_CHANGE);
  });

  /** A comment on the first canvas. */
  const comment = (id: string, words: string): JsonObject => ({
    id,
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: words, language: 'en', format: 'text/plain' },
    target: `${OLD}/canvas/p1#xywh=10,10,30,30`,
  });
  const COMMENTS = ['items', 0, 'annotations', 0, 'items'];
  const commentIds = (doc: JsonObject) => (getIn(doc, COMMENTS) as JsonObject[]).map((a) => a.id);

  it('gives a new annotation a new URI and lists a deleted one as no longer published', () => {
    const kept = comment(`${OLD}/notes/kept`, 'A fine initial.');
    const deleted = comment(`${OLD}/notes/deleted`, 'A stain.');
    const first = publish(setIn(book(), COMMENTS, [kept, deleted]) as JsonObject);
    const [keptUri, deletedUri] = commentIds(first.doc);
    // The kept one's id is edited, the other deleted, and a genuinely new one added.
    const fresh = comment(`${OLD}/notes/new`, 'A later hand.');
    const input = setIn(book(), COMMENTS, [{ ...kept, id: `${OLD}/notes/renamed` }, fresh]) as JsonObject;
    const again = publish(input, first.record);
    const [renamedUri, freshUri] = commentIds(again.doc);
    expect(renamedUri).toBe(keptUri);
    expect(ids(first.doc)).not.toContain(`Annotation ${freshUri}`);
    expect(again.uris).toEqual({ changed: [], added: [freshUri], removed: [deletedUri] });
    // The page they are on keeps its URI.
    expect(getIn(again.doc, ['items', 0, 'annotations', 0, 'id'])).toBe(
      getIn(first.doc, ['items', 0, 'annotations', 0, 'id']),
    );
  });

  it('treats a fingerprint two resources share as new, rather than guess', () => {
    const unique = comment(`${OLD}/u`, 'Only once.');
    const first = publish(
      setIn(book(), COMMENTS, [
        comment(`${OLD}/a`, 'Twice.'),
        comment(`${OLD}/b`, 'Twice.'),
        unique,
      ]) as JsonObject,
    );
    const input = [
      comment(`${OLD}/c`, 'Twice.'),
      comment(`${OLD}/d`, 'Twice.'),
      { ...unique, id: `${OLD}/v` },
    ];
    const again = publish(setIn(book(), COMMENTS, input) as JsonObject, first.record);
    const before = commentIds(first.doc);
    const after = commentIds(again.doc);
    // The one it tells apart keeps its URI; the twins, which it cannot tell apart, are new.
    expect(after[2]).toBe(before[2]);
    for (const uri of after.slice(0, 2)) expect(before).not.toContain(uri);
    expect([...again.uris.removed].sort()).toEqual(before.slice(0, 2).sort());
  });

  it('reads ids spelled like object properties as ids, in the record too', () => {
    const odd = [comment('constructor', 'One.'), comment('__proto__', 'Two.')];
    const first = publish(setIn(book(), COMMENTS, odd) as JsonObject);
    expect(Object.keys(first.record.ids)).toEqual(expect.arrayContaining(['constructor', '__proto__']));
    const again = publish(setIn(book(), COMMENTS, odd) as JsonObject, first.record);
    expect(commentIds(again.doc)).toEqual(commentIds(first.doc));
    expect(again.uris).toEqual(NO_CHANGE);
  });

  it('still reads a record written before fingerprints, and republishes the same ids from it', () => {
    const first = publish(book());
    const old = JSON.parse(serializeRecord(first.record)) as Record<string, unknown>;
    delete old.fingerprints;
    const record = parseRecord(JSON.stringify(old));
    expect(record?.fingerprints).toEqual({});
    const again = publish(book(), record);
    expect(again.doc).toEqual(first.doc);
    expect(again.uris).toEqual(NO_CHANGE);
    expect(serializeRecord(again.record)).toBe(serializeRecord(first.record));
  });
});
