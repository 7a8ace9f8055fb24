/**
 * No prototype surprises (issue 14.3, 20.1): keys that name Object.prototype members (`__proto__`,
 * `constructor`, `toString`...) are data like any other. Each is put at every level of a manifest and into
 * every language map, then the document goes through open, edit, validate, fixes, CSV, batch, find/replace,
 * publish and save. Every step must finish, keep the key as an own property, and give the verdict it gives
 * for an ordinary key of the same shape (the key with each letter shifted by one: `__proto__` -> `__qspup__`).
 */
import { describe, expect, it } from 'vitest';
import { applyBatchEdit, applyFindReplace, planBatchEdit, planFindReplace } from '../../shared/iiif/batch';
import { exportCanvasCsv, applyCsvImport, planCsvImport } from '../../shared/iiif/csv';
import {
  createIdMinter,
  duplicateCanvases,
  moveCanvases,
  readDocument,
  setLabel,
  writeDocument,
} from '../../shared/iiif/document';
import type { JsonObject, JsonValue } from '../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../shared/iiif/json';
import {
  displayStringOf,
  normaliseLanguageMap,
  pickLanguage,
  removeLanguage,
} from '../../shared/iiif/language';
import { rewriteIds, serializePublication } from '../../shared/iiif/publish';
import { applyAllFixes, validate } from '../../shared/iiif/validation';

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** An ordinary key of the same shape: letters shifted by one, so BCP 47 well-formedness and length agree. */
function shapeTwin(key: string): string {
  return key.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 1) % 26) + base);
  });
}

const BASE = 'https://example.org/iiif/book';
const LANGUAGE_MAP_KEYS = new Set(['label', 'summary', 'value']);

function canvas(n: number): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`page ${n}`] },
    width: 1000,
    height: 800,
    metadata: [{ label: { en: ['Folio'] }, value: { none: [`${n}r`] } }],
    requiredStatement: { label: { en: ['Held by'] }, value: { en: ['A library'] } },
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/a`,
            type: 'Annotation',
            motivation: 'painting',
            target: id,
            body: {
              id: `https://images.example.org/iiif/${n}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              width: 1000,
              height: 800,
              service: [
                { id: `https://images.example.org/iiif/${n}`, type: 'ImageService3', profile: 'level1' },
              ],
            },
          },
        ],
      },
    ],
  };
}

function manifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest`,
    type: 'Manifest',
    label: { en: ['A book'] },
    summary: { en: ['About the book'] },
    metadata: [{ label: { en: ['Date'] }, value: { en: ['1500'] } }],
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['A library'] } },
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    homepage: [{ id: `${BASE}/home`, type: 'Text', label: { en: ['Home'] }, format: 'text/html' }],
    items: [canvas(1), canvas(2), canvas(3)],
    structures: [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Part'] },
        items: [{ id: `${BASE}/canvas/1`, type: 'Canvas' }],
      },
    ],
  };
}

/** Adds `key` to every object (a string value) and to every language map (a language with one value). */
function withKeyEverywhere(node: JsonValue, key: string, inLanguageMap = false): JsonValue {
  if (isJsonArray(node)) return node.map((item) => withKeyEverywhere(item, key));
  if (!isJsonObject(node)) return node;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = inLanguageMap ? v : withKeyEverywhere(v, key, LANGUAGE_MAP_KEYS.has(k));
  out[key] = inLanguageMap ? [`text in ${key}`] : `value of ${key}`;
  return out;
}

/** The text of a manifest carrying `key` everywhere; special keys go in by text, as a file would bring them. */
function textWith(key: string): string {
  const twin = shapeTwin(key);
  const text = JSON.stringify(withKeyEverywhere(manifest(), twin), null, 2);
  return key === twin ? text : text.split(twin).join(key);
}

function open(text: string): JsonObject {
  const read = readDocument(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.doc;
}

/** JSON text with `from` renamed to `to`, to compare a result for a special key with its twin's. */
function renamed(value: unknown, from: string, to: string): string {
  // Messages may quote a key lower-cased (language tags compare case-insensitively).
  return (JSON.stringify(value) ?? 'undefined')
    .split(from)
    .join(to)
    .split(from.toLowerCase())
    .join(to.toLowerCase());
}

function ownKeyEverywhere(node: JsonValue, key: string): number {
  let count = 0;
  const stack: JsonValue[] = [node];
  while (stack.length > 0) {
    const item = stack.pop() as JsonValue;
    if (isJsonArray(item)) stack.push(...item);
    else if (isJsonObject(item)) {
      if (Object.getPrototypeOf(item) !== Object.prototype && Object.getPrototypeOf(item) !== null) return -1;
      if (Object.prototype.hasOwnProperty.call(item, key)) count += 1;
      stack.push(...Object.values(item));
    }
  }
  return count;
}

describe.each(SPECIAL_KEYS)('the key %s', (key) => {
  const twin = shapeTwin(key);
  const text = textWith(key);
  const twinText = textWith(twin);
  const expectedCount = ownKeyEverywhere(JSON.parse(twinText) as JsonValue, twin);

  it('opens, and saves byte for byte with the key kept everywhere', () => {
    const read = readDocument(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(ownKeyEverywhere(read.doc, key)).toBe(expectedCount);
    expect(writeDocument(read.doc, read.format)).toBe(text);
  });

  it('validates as an ordinary key of the same shape does, and repairs the same way', () => {
    const findings = validate(open(text));
    const twinFindings = validate(open(twinText));
    expect(renamed(findings, key, twin)).toBe(JSON.stringify(twinFindings));
    const fixed = applyAllFixes(open(text));
    expect(renamed(fixed, key, twin)).toBe(JSON.stringify(applyAllFixes(open(twinText))));
  });

  it('reads language maps as an ordinary language', () => {
    const map = JSON.parse(`{"${key}": ["a"], "en": ["b"]}`) as JsonObject;
    const twinMap = { [twin]: ['a'], en: ['b'] };
    expect(renamed(normaliseLanguageMap(map), key, twin)).toBe(JSON.stringify(normaliseLanguageMap(twinMap)));
    expect(pickLanguage(map as never, [key])).toEqual({ language: key, values: ['a'] });
    expect(displayStringOf(map, [key])).toBe('a');
    expect(Object.keys(removeLanguage(map as never, 'en'))).toEqual([key]);
    // A language absent from the map is absent, even when Object.prototype has a member of that name.
    expect(pickLanguage({ en: ['b'] }, [key])).toEqual({ language: 'en', values: ['b'] });
    const p2 = normaliseLanguageMap([{ '@value': 'x', '@language': key }, 'y']);
    expect(Object.keys(p2.map)).toEqual([key, 'none']);
  });

  it('edits: label, move and duplicate keep the key', () => {
    let doc = open(text);
    doc = setLabel(doc, ['items', 0], JSON.parse(`{"${key}": ["new"]}`) as never);
    doc = moveCanvases(doc, [0], 2);
    doc = duplicateCanvases(doc, [1], createIdMinter(BASE, new Set()));
    const items = doc['items'] as JsonObject[];
    expect(Object.keys(items[2]?.['label'] as JsonObject)).toEqual([key]);
    expect(ownKeyEverywhere(doc, key)).toBeGreaterThan(expectedCount);
  });

  it('goes through the CSV round trip with the key as a language and a metadata label', () => {
    const doc = open(text);
    const csv = exportCanvasCsv(doc);
    expect(csv).toContain(`label@${key}`);
    expect(renamed(csv, key, twin)).toBe(JSON.stringify(exportCanvasCsv(open(twinText))));
    const unchanged = planCsvImport(doc, csv);
    expect(unchanged.changes).toEqual([]);
    expect(unchanged.problems).toEqual([]);
    const edited = `id,label@${key},meta:${key}=Folio@${key}\n${BASE}/canvas/1,changed,${key} value\n`;
    const twinEdited = edited.split(key).join(twin);
    // The CSV refuses a language that is not a well-formed tag ("prototype" is too long); the twin alike.
    const plan = planCsvImport(doc, edited);
    const twinPlan = planCsvImport(open(twinText), twinEdited);
    expect(renamed(plan, key, twin)).toBe(JSON.stringify(twinPlan));
    expect(renamed(applyCsvImport(doc, plan), key, twin)).toBe(
      JSON.stringify(applyCsvImport(open(twinText), twinPlan)),
    );
    if (plan.problems.length === 0) {
      const first = (applyCsvImport(doc, plan)['items'] as JsonObject[])[0] as JsonObject;
      expect(Object.prototype.hasOwnProperty.call(first['label'], key)).toBe(true);
      expect((first['label'] as JsonObject)[key]).toEqual(['changed']);
    }
  });

  it('goes through batch edits and find/replace in that language', () => {
    const doc = open(text);
    const ops = [
      { field: 'label', action: 'append', language: key, value: 'more' },
      { field: 'label', action: 'remove', language: key },
      { field: 'summary', action: 'set', value: JSON.parse(`{"${key}": ["s"]}`) as never },
      { field: 'metadata', action: 'set', label: `text in ${key}`, language: key, value: 'v' },
      { field: 'metadata', action: 'remove', label: `text in ${key}`, language: key },
    ] as const;
    for (const op of ops) {
      const plan = planBatchEdit(doc, 'all', op as never);
      const twinOp = JSON.parse(renamed(op, key, twin)) as never;
      const twinPlan = planBatchEdit(open(twinText), 'all', twinOp);
      // Batch edits refuse a language that is not a well-formed tag; the twin is refused alike.
      expect(renamed(plan.error, key, twin), JSON.stringify(op)).toBe(renamed(twinPlan.error, '', ''));
      expect(plan.count).toBe(twinPlan.count);
      expect(renamed(applyBatchEdit(doc, plan), key, twin), JSON.stringify(op)).toBe(
        JSON.stringify(applyBatchEdit(open(twinText), twinPlan)),
      );
    }
    const found = planFindReplace(doc, {
      find: 'text in',
      replace: 'words in',
      scope: 'all',
      targets: ['label', 'metadataLabel', 'metadataValue', 'summary'],
    });
    const twinFound = planFindReplace(open(twinText), {
      find: 'text in',
      replace: 'words in',
      scope: 'all',
      targets: ['label', 'metadataLabel', 'metadataValue', 'summary'],
    });
    expect(found.count).toBe(twinFound.count);
    expect(renamed(applyFindReplace(doc, found), key, twin)).toBe(
      JSON.stringify(applyFindReplace(open(twinText), twinFound)),
    );
  });

  it('publishes with the key kept everywhere', () => {
    const published = rewriteIds(open(text), { toBase: 'https://pub.example.org/book' });
    const twinPublished = rewriteIds(open(twinText), { toBase: 'https://pub.example.org/book' });
    const out = serializePublication(published.doc, false);
    expect(renamed(JSON.parse(out), key, twin)).toBe(
      JSON.stringify(JSON.parse(serializePublication(twinPublished.doc, false))),
    );
    expect(ownKeyEverywhere(JSON.parse(out) as JsonValue, key)).toBe(expectedCount);
  });

  it('opens as the top-level key of a Presentation 2 manifest and of its canvases', () => {
    const p2 = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': `${BASE}/manifest`,
      '@type': 'sc:Manifest',
      label: [{ '@value': 'Book', '@language': twin }],
      [twin]: 'top',
      sequences: [
        {
          '@type': 'sc:Sequence',
          [twin]: 'seq',
          canvases: [
            {
              '@id': `${BASE}/canvas/1`,
              '@type': 'sc:Canvas',
              label: 'p1',
              width: 10,
              height: 10,
              [twin]: 'c',
              images: [],
            },
          ],
        },
      ],
    };
    const p2Text = JSON.stringify(p2).split(twin).join(key);
    const read = readDocument(p2Text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.doc['label'] as JsonObject)).toEqual([key]);
    // The upgrader keeps what it keeps for the twin too (it drops unknown P2 properties).
    const twinRead = readDocument(JSON.stringify(p2));
    expect(renamed(read.doc, key, twin)).toBe(JSON.stringify(twinRead.ok ? twinRead.doc : null));
    expect(renamed(validate(read.doc), key, twin)).toBe(
      JSON.stringify(validate((readDocument(JSON.stringify(p2)) as { doc: JsonObject }).doc)),
    );
  });
});
