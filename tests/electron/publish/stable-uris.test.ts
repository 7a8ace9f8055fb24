/**
 * Published URIs through `tessera publish`: reordering a document and publishing it again renames nothing, a
 * document whose ids already lie under the base keeps them exactly, editing the ids of published resources
 * renames nothing either, and what is no longer published is named and dropped only when the user says so.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/publish';
import type { CliIo } from '../../../electron/cli/cli-io';
import {
  getIn,
  isJsonArray,
  isJsonObject,
  setIn,
  type JsonObject,
  type JsonValue,
} from '../../../shared/iiif/json';
import { shown, texts, upgradeP2 } from '../../shared/publish/presentation2-helpers';
import { loadFixture } from '../../shared/validation/helpers';

const BASE = 'https://pub.example.com/hours';
let dir: string;
let out: string;
let printed: string[];

const io: CliIo = {
  stdout: (text) => void printed.push(text),
  stderr: (text) => void printed.push(text),
  readFile: (name) => fs.readFile(name),
  writeFile: (name, text) => fs.writeFile(name, text),
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-uris-'));
  out = path.join(dir, 'site');
  printed = [];
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A book with canvases, pages, annotations (painting and commenting) and a range. */
function book(): JsonObject {
  const doc = loadFixture('valid-book');
  const p3 = 'https://example.org/iiif/book1/canvas/p3';
  const third: JsonObject = {
    id: p3,
    type: 'Canvas',
    label: { none: ['f. 2r'] },
    width: 1500,
    height: 2000,
    items: [
      {
        id: `${p3}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${p3}/page/image`,
            type: 'Annotation',
            motivation: 'painting',
            body: { id: 'https://images.example.org/p3.jpg', type: 'Image', format: 'image/jpeg' },
            target: p3,
          },
        ],
      },
    ],
  };
  return { ...doc, items: [...(doc.items as JsonObject[]), third] };
}

async function publishFile(doc: JsonObject, base = BASE, ...options: string[]): Promise<JsonObject> {
  const input = path.join(dir, 'book.json');
  await fs.writeFile(input, JSON.stringify(doc));
  printed = [];
  const code = await run([input, '--base', base, '--out', out, ...options], io);
  expect(code, printed.join('')).toBe(0);
  return JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as JsonObject;
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

/** A canvas's own URI and those of its pages and annotations. */
function canvasUris(canvas: JsonValue): string[] {
  return ids(canvas).filter((id) => /^(Canvas|AnnotationPage|Annotation) /.test(id));
}

describe('tessera publish keeps published URIs', () => {
  it('gives every canvas, page, annotation and range the same URI after the canvases are reversed', async () => {
    const original = book();
    const first = await publishFile(original);
    const reversed = { ...original, items: [...(original.items as JsonValue[])].reverse() };
    const second = await publishFile(reversed);
    const before = (first.items as JsonValue[]).map(canvasUris);
    const after = (second.items as JsonValue[]).map(canvasUris).reverse();
    expect(after).toEqual(before);
    expect(before.flat().length).toBeGreaterThanOrEqual(9);
    const ranges = (doc: JsonObject) => ids(doc.structures ?? []).filter((id) => id.startsWith('Range '));
    expect(ranges(second)).toEqual(ranges(first));
    expect(ranges(first).length).toBeGreaterThan(0);
    // Nothing was renamed, so the review has nothing to ask about.
    expect(printed.join('')).not.toContain('published URIs');
  });

  it('writes exactly the input ids when they already lie under the base', async () => {
    const original = book();
    const published = await publishFile(original, 'https://example.org/iiif/book1');
    expect(ids(published)).toEqual(ids(original));
  });

  it('writes the same bytes when nothing changed, and names what is no longer published', async () => {
    const original = book();
    await publishFile(original);
    const manifest = await fs.readFile(path.join(out, 'manifest.json'));
    const record = await fs.readFile(path.join(out, '.tessera-record.json'));
    await publishFile(original);
    expect(await fs.readFile(path.join(out, 'manifest.json'))).toEqual(manifest);
    expect(await fs.readFile(path.join(out, '.tessera-record.json'))).toEqual(record);

    const gone = canvasUris(
      ((JSON.parse(manifest.toString()) as JsonObject).items as JsonValue[])[2] ?? [],
    )[0];
    await publishFile(
      { ...original, items: (original.items as JsonValue[]).slice(0, 2) },
      BASE,
      '--allow-uri-changes',
    );
    expect(printed.join('')).toContain(`no longer published: ${(gone ?? '').replace(/^\S+ /, '')}`);
  });
});

/** The document after an edit of one id, references to it (with their #fragments) following, as the editor does. */
function renameId(value: JsonValue, from: string, to: string): JsonValue {
  if (typeof value === 'string')
    return value === from ? to : value.startsWith(`${from}#`) ? to + value.slice(from.length) : value;
  if (isJsonArray(value)) return value.map((v) => renameId(v, from, to));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'label' || k === 'value' ? v : renameId(v, from, to)]),
  );
}

describe('tessera publish after ids were edited', () => {
  const OLD = 'https://example.org/iiif/book1';
  const COMMENTS = ['items', 0, 'annotations', 0];

  it('keeps the URI of an edited page, annotation, Range and canvas, with the canvases reversed too', async () => {
    const original = book();
    const first = await publishFile(original);
    let edited: JsonValue = original;
    for (const [from, to] of [
      [`${OLD}/comments/p1`, `${OLD}/notes/first-page`],
      [`${OLD}/comments/p1/1`, `${OLD}/notes/initial`],
      [`${OLD}/range/toc`, `${OLD}/range/contents`],
      [`${OLD}/range/hours`, `${OLD}/range/virgin`],
      [`${OLD}/canvas/p2`, `${OLD}/canvas/f1v`],
    ])
      edited = renameId(edited, from as string, to as string);
    expect(getIn(edited, [...COMMENTS, 'id'])).toBe(`${OLD}/notes/first-page`);
    expect(getIn(edited, [...COMMENTS, 'items', 0, 'id'])).toBe(`${OLD}/notes/initial`);
    expect(getIn(edited, ['structures', 0, 'items', 1, 'id'])).toBe(`${OLD}/range/virgin`);

    const second = await publishFile(edited as JsonObject);
    expect(ids(second)).toEqual(ids(first));
    expect(printed.join('')).not.toContain('published URIs');

    const reversed = {
      ...(edited as JsonObject),
      items: [...((edited as JsonObject).items as JsonValue[])].reverse(),
    };
    const third = await publishFile(reversed);
    expect((third.items as JsonValue[]).map(canvasUris).reverse()).toEqual(
      (first.items as JsonValue[]).map(canvasUris),
    );
    expect(ids(third.structures ?? [])).toEqual(ids(first.structures ?? []));
    expect(printed.join('')).not.toContain('published URIs');
  });

  it('gives a new annotation a new URI, and drops a deleted one only with --allow-uri-changes', async () => {
    const original = book();
    const first = await publishFile(original);
    const gone = getIn(first, [...COMMENTS, 'items', 0, 'id']) as string;
    const fresh: JsonObject = {
      id: `${OLD}/notes/later`,
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'A later hand.', language: 'en' },
      target: `${OLD}/canvas/p1#xywh=10,10,30,30`,
    };
    const replaced = setIn(original, [...COMMENTS, 'items'], [fresh]) as JsonObject;
    const input = path.join(dir, 'book.json');
    await fs.writeFile(input, JSON.stringify(replaced));
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    printed = [];
    expect(await run([input, '--base', BASE, '--out', out], io)).toBe(1);
    expect(printed.join('')).toContain('1 published URI would no longer be published');
    expect(printed.join('')).toContain('--allow-uri-changes');
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);

    const second = await publishFile(replaced, BASE, '--allow-uri-changes');
    const added = getIn(second, [...COMMENTS, 'items', 0, 'id']) as string;
    expect(ids(first)).not.toContain(`Annotation ${added}`);
    expect(printed.join('')).toContain('0 changed, 1 new, 1 no longer published');
    expect(printed.join('')).toContain(`no longer published: ${gone}`);
  });
});

describe('tessera publish --p2', () => {
  it('writes Presentation 2.1 that upgrades back to the same canvases, labels and images', async () => {
    const p3 = await publishFile(book());
    const input = path.join(dir, 'book.json');
    const p2Out = path.join(dir, 'site-p2');
    printed = [];
    expect(await run([input, '--base', BASE, '--out', p2Out, '--p2'], io), printed.join('')).toBe(0);
    const p2 = JSON.parse(await fs.readFile(path.join(p2Out, 'manifest.json'), 'utf8')) as JsonObject;
    expect(p2['@context']).toBe('http://iiif.io/api/presentation/2/context.json');
    const back = upgradeP2(p2);
    expect(shown(back)).toEqual(shown(p3));
    expect(texts(back.label)).toBe(texts(p3.label));
    expect(printed.join('')).toContain('as Presentation 2.1, which cannot say:');
    expect(printed.join('')).toContain('the provider is reduced to its logo');
  });
});
