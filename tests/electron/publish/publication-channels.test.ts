/**
 * The reviewPublication and publishDocument channels as the renderer calls them (through dispatch, with the web
 * host's workspace policy): the open document alone, or first in a collection with other workspace files.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import { getIn, setIn, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import type { Handlers } from '../../../shared/ipc/dispatch';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Result } from '../../../shared/ipc/result';
import { loadFixture, manifest } from '../../shared/validation/helpers';
import { manifest as splitFixture } from '../../shared/split-merge/fixture';
import { corpusPresent, officialSchemaErrors } from '../../shared/validation/official-corpus';

const BASE = 'https://pub.example.com/shelf';
const schema = corpusPresent ? officialSchemaErrors() : undefined;

let root: string;
let workspace: string;
let handlers: Handlers;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-channels-'));
  workspace = path.join(root, 'workspace');
  await fs.mkdir(workspace);
  handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
  });
  await fs.writeFile(
    path.join(workspace, 'Second Book.json'),
    JSON.stringify(manifest({ label: { en: ['Second book'] } })),
  );
  await fs.writeFile(
    path.join(workspace, 'third.json'),
    JSON.stringify(manifest({ summary: { '@none': ['Third'] } })),
  );
  await fs.writeFile(
    path.join(workspace, 'list.json'),
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/list.json',
      type: 'Collection',
      label: { en: ['A list'] },
      items: [],
    }),
  );
  await fs.writeFile(path.join(workspace, 'broken.json'), '{ "type": ');
  await fs.writeFile(path.join(root, 'outside.json'), JSON.stringify(manifest()));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function call(channel: 'reviewPublication' | 'publishDocument', request: object) {
  return (await dispatch(handlers, channel, request)) as Result<Record<string, unknown>>;
}

function value(result: Result<Record<string, unknown>>): Record<string, unknown> {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function readJson(file: string): Promise<JsonObject> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as JsonObject;
}

const book = { doc: loadFixture('valid-book'), base: BASE, name: 'book.json' };

describe('publishing the open document alone', () => {
  it('reviews and publishes exactly one manifest.json, with no collection', async () => {
    const review = value(await call('reviewPublication', { ...book, outDir: 'site' }));
    expect(review.manifestUrl).toBe(`${BASE}/manifest.json`);
    expect(review.collection).toBeUndefined();
    expect(review.firstPublication).toBe(true);
    const published = value(await call('publishDocument', { ...book, outDir: 'site' }));
    expect(published).toMatchObject({ manifestUrl: `${BASE}/manifest.json`, manifestCount: 1 });
    expect(published.collectionUrl).toBeUndefined();
    expect((await fs.readdir(path.join(workspace, 'site'))).sort()).toEqual([
      '.tessera-publication',
      '.tessera-record.json',
      'manifest.json',
    ]);
  });
});

describe('annotation pages as files of their own', () => {
  it('are written under the base when the request asks for referenced pages', async () => {
    value(await call('publishDocument', { ...book, outDir: 'site', annotationPages: 'referenced' }));
    const published = await readJson(path.join(workspace, 'site', 'manifest.json'));
    const reference = getIn(published, ['items', 0, 'annotations', 0]) as JsonObject;
    expect(Object.keys(reference)).toEqual(['id', 'type']);
    expect(await fs.readdir(path.join(workspace, 'site', 'annotations'))).toEqual([
      (reference['id'] as string).split('/').pop(),
    ]);
  });
});

describe('published URIs in the review', () => {
  /** The book with its comment's id edited, or the comment deleted. */
  const comments = ['items', 0, 'annotations', 0, 'items'];
  const withComments = (items: JsonValue) => ({ ...book, doc: setIn(book.doc, comments, items) });

  it('lists no change after ids were edited, and asks before a URI is no longer published', async () => {
    value(await call('publishDocument', { ...book, outDir: 'site' }));
    const comment = getIn(book.doc, [...comments, 0]) as JsonObject;
    const edited = withComments([{ ...comment, id: 'https://example.org/iiif/book1/notes/initial' }]);
    const review = value(await call('reviewPublication', { ...edited, outDir: 'site' }));
    expect(review.uris).toMatchObject({ counts: { changed: 0, added: 0, removed: 0 } });

    const deleted = withComments([]);
    const gone = (await readJson(path.join(workspace, 'site', 'manifest.json'))) as JsonValue;
    const goneUri = getIn(gone, [...comments, 0, 'id']);
    const second = value(await call('reviewPublication', { ...deleted, outDir: 'site' }));
    expect(second.uris).toMatchObject({ removed: [goneUri], counts: { changed: 0, removed: 1 } });
    const refused = await call('publishDocument', { ...deleted, outDir: 'site' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('uris-change');
      expect(refused.error.message).toContain('1 published URI would no longer be published');
    }
    expect(getIn(await readJson(path.join(workspace, 'site', 'manifest.json')), [...comments, 0, 'id'])).toBe(
      goneUri,
    );
    value(await call('publishDocument', { ...deleted, outDir: 'site', allowUriChanges: true }));
    expect(getIn(await readJson(path.join(workspace, 'site', 'manifest.json')), comments)).toEqual([]);
  });
});

describe('publishing the open document with other files as a collection', () => {
  it('reviews every manifest, then writes collection.json and one folder per manifest, in order', async () => {
    const request = {
      ...book,
      outDir: 'site',
      otherFiles: ['third.json', path.join(workspace, 'Second Book.json')],
      collectionLabel: 'Three books',
    };
    const review = value(await call('reviewPublication', request));
    expect(review.manifestUrl).toBe(`${BASE}/book/manifest.json`);
    expect(review.collection).toEqual({
      url: `${BASE}/collection.json`,
      label: 'Three books',
      manifests: [
        { name: 'book.json', url: `${BASE}/book/manifest.json` },
        { name: 'third.json', url: `${BASE}/third/manifest.json` },
        { name: 'Second Book.json', url: `${BASE}/second-book/manifest.json` },
      ],
    });
    // The one error belongs to third.json, and the review says so.
    const errors = (review.findings as { severity: string; manifest?: string; path: string }[]).filter(
      (f) => f.severity === 'error',
    );
    expect(errors).toEqual([expect.objectContaining({ manifest: 'third.json', path: '$.summary["@none"]' })]);

    const refused = await call('publishDocument', request);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('third.json: $.summary["@none"]');
    await expect(fs.stat(path.join(workspace, 'site'))).rejects.toThrow();

    const published = value(await call('publishDocument', { ...request, allowErrors: true }));
    expect(published).toMatchObject({ collectionUrl: `${BASE}/collection.json`, manifestCount: 3 });
    const out = path.join(workspace, 'site');
    expect((await fs.readdir(out)).sort()).toEqual([
      '.tessera-publication',
      'book',
      'collection.json',
      'second-book',
      'third',
    ]);
    const collection = await readJson(path.join(out, 'collection.json'));
    expect(collection.label).toEqual({ none: ['Three books'] });
    expect((collection.items as JsonObject[]).map((i) => i.id)).toEqual([
      `${BASE}/book/manifest.json`,
      `${BASE}/third/manifest.json`,
      `${BASE}/second-book/manifest.json`,
    ]);
    if (schema) {
      expect(schema(collection)).toEqual([]);
      expect(schema(await readJson(path.join(out, 'book', 'manifest.json')))).toEqual([]);
      expect(schema(await readJson(path.join(out, 'second-book', 'manifest.json')))).toEqual([]);
    }

    // Reviewing the same again: every file identical; the label defaults to the output folder's name.
    const again = value(await call('reviewPublication', request));
    expect(again.identical).toBe(true);
    const unlabelled = value(await call('reviewPublication', { ...request, collectionLabel: '  ' }));
    expect((unlabelled.collection as { label: string }).label).toBe('site');
    expect(unlabelled.identical).toBe(false);
    expect(unlabelled.samplePaths).toEqual(['collection.json $.label.none[0]']);
  });

  it('refuses a Collection, a broken file and a file outside the workspace, naming each', async () => {
    for (const [file, reason] of [
      ['list.json', 'list.json cannot be published in the collection: it is a Collection'],
      ['broken.json', 'broken.json cannot be published in the collection: '],
      ['missing.json', 'missing.json cannot be published in the collection: There is no file'],
      [
        path.join(root, 'outside.json'),
        'outside.json cannot be published in the collection: Only files inside',
      ],
    ] as const) {
      for (const channel of ['reviewPublication', 'publishDocument'] as const) {
        const result = await call(channel, { ...book, outDir: 'site', otherFiles: [file] });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toContain(reason);
      }
    }
    await expect(fs.stat(path.join(workspace, 'site'))).rejects.toThrow();
  });
});

describe('publishing an open Collection as a tree', () => {
  it('publishes its members that are workspace files, keeps the remote one, and reviews it first', async () => {
    const a = splitFixture(6, 'https://draft.example.org/a');
    const b = splitFixture(6, 'https://draft.example.org/b');
    await fs.writeFile(path.join(workspace, 'a.json'), JSON.stringify(a));
    await fs.writeFile(path.join(workspace, 'b.json'), JSON.stringify(b));
    const remote = {
      id: 'https://elsewhere.example.net/m.json',
      type: 'Manifest',
      label: { en: ['Remote'] },
    };
    const collection = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://draft.example.org/shelf/collection.json',
      type: 'Collection',
      label: { en: ['A shelf'] },
      items: [
        { id: b['id'], type: 'Manifest', label: { en: ['B'] } },
        remote,
        { id: a['id'], type: 'Manifest', label: { en: ['A'] } },
      ],
    };
    const request = { doc: collection, base: BASE, name: 'shelf.json', outDir: 'site' };
    const review = value(await call('reviewPublication', request));
    expect(review.manifestUrl).toBe(`${BASE}/collection.json`);
    expect(review.collection).toMatchObject({
      label: 'A shelf',
      manifests: [{ url: `${BASE}/b/manifest.json` }, { url: `${BASE}/a/manifest.json` }],
    });
    const published = value(await call('publishDocument', request));
    expect(published).toMatchObject({ manifestUrl: `${BASE}/collection.json`, manifestCount: 2 });
    const written = await readJson(path.join(workspace, 'site', 'collection.json'));
    const ids = (written['items'] as JsonObject[]).map((m) => String(m['id']));
    expect(ids).toEqual([`${BASE}/b/manifest.json`, remote.id, `${BASE}/a/manifest.json`]);
    for (const id of [ids[0], ids[2]] as string[]) {
      const file = path.join(workspace, 'site', ...id.slice(BASE.length + 1).split('/'));
      expect((await readJson(file))['id']).toBe(id);
    }
    if (schema) expect(schema(written)).toEqual([]);
  });

  it('finds the members beside the collection file, when it is saved in a folder of the workspace', async () => {
    const shelf = path.join(workspace, 'shelves', 'one');
    await fs.mkdir(shelf, { recursive: true });
    const a = splitFixture(4, 'https://draft.example.org/beside-a');
    await fs.writeFile(path.join(shelf, 'a.json'), JSON.stringify(a));
    const collection = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://draft.example.org/shelf/collection.json',
      type: 'Collection',
      label: { en: ['A shelf'] },
      items: [{ id: a['id'], type: 'Manifest', label: { en: ['A'] } }],
    };
    await fs.writeFile(path.join(shelf, 'shelf.json'), JSON.stringify(collection));
    const request = {
      doc: collection,
      base: BASE,
      name: 'shelf.json',
      outDir: 'site',
      documentPath: path.join(shelf, 'shelf.json'),
    };
    const review = value(await call('reviewPublication', request));
    expect(review.collection).toMatchObject({ manifests: [{ url: `${BASE}/a/manifest.json` }] });
    // Without the document's own folder, only the workspace's top folder is searched: the member stays remote.
    const { documentPath: _, ...unplaced } = request;
    const elsewhere = value(await call('reviewPublication', unplaced));
    expect((elsewhere.collection as { manifests: unknown[] }).manifests).toEqual([]);
  });
});
