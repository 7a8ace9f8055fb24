/**
 * Publishing a Collection as a tree (issue 17, item 4): its local members are published in folders of their own
 * and the Collection points at them by their published ids; a remote member stays the reference it was.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runPublish } from '../../../electron/cli/commands/publish';
import { run as runSplit } from '../../../electron/cli/commands/split';
import type { CliIo } from '../../../electron/cli/cli-io';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { manifest } from '../../shared/split-merge/fixture';
import { corpusPresent, officialSchemaErrors } from '../../shared/validation/official-corpus';

const BASE = 'https://example.org/pub/shelf';
const REMOTE = {
  id: 'https://elsewhere.example.net/iiif/m/manifest.json',
  type: 'Manifest',
  label: { en: ['Remote'] },
  navDate: '1800-01-01T00:00:00Z',
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (name) => fs.readFile(name),
    writeFile: (name, text) => fs.writeFile(name, text),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dir: string;
const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as JsonObject;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-tree-'));
  const a = manifest(6, 'https://draft.example.org/a');
  const b = { ...manifest(6, 'https://draft.example.org/b'), structures: [] };
  await fs.writeFile(path.join(dir, 'letters.json'), JSON.stringify(a));
  // Named by a file: URL rather than found by its id.
  await fs.writeFile(path.join(dir, 'diary.json'), JSON.stringify(b));
  await fs.writeFile(path.join(dir, 'not-iiif.json'), '{"hello": "world"}');
  await fs.writeFile(
    path.join(dir, 'shelf.json'),
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://draft.example.org/shelf/collection.json',
      type: 'Collection',
      label: { en: ['A shelf'] },
      rights: 'http://creativecommons.org/licenses/by/4.0/',
      'x-extension': [1, 2],
      items: [
        { id: a['id'], type: 'Manifest', label: { en: ['Letters (as listed)'] } },
        REMOTE,
        { id: new URL(`file://${path.join(dir, 'diary.json')}`).href, type: 'Manifest' },
      ],
    }),
  );
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('tessera publish COLLECTION', () => {
  it('publishes the local members with the collection, keeps the remote one, and the member ids resolve to the files', async () => {
    const out = path.join(dir, 'out');
    const c = capture();
    const code = await runPublish([path.join(dir, 'shelf.json'), '--base', BASE, '--out', out], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    expect(c.stderr()).toBe('');
    expect(c.stdout()).toContain('2 local member(s) published with it, 1 kept as references');

    const collection = await readJson(path.join(out, 'collection.json'));
    expect(collection['id']).toBe(`${BASE}/collection.json`);
    // The collection's own properties are kept.
    expect(collection['label']).toEqual({ en: ['A shelf'] });
    expect(collection['x-extension']).toEqual([1, 2]);
    const members = collection['items'] as JsonObject[];
    expect(members.map((m) => m['id'])).toEqual([
      `${BASE}/letters/manifest.json`,
      REMOTE.id,
      `${BASE}/diary/manifest.json`,
    ]);
    expect(members[0]?.['label']).toEqual({ en: ['Letters (as listed)'] });
    expect(members[1]).toEqual(REMOTE);
    // A member without a label gets the manifest's.
    expect(members[2]?.['label']).toEqual(manifest(6)['label']);

    // Every local member id is a file of the publication, whose own id is that member id; its canvases are under it.
    for (const member of [members[0], members[2]]) {
      const id = String(member?.['id']);
      const file = path.join(out, ...id.slice(BASE.length + 1).split('/'));
      const published = await readJson(file);
      expect(published['id']).toBe(id);
      const base = id.replace(/\/manifest\.json$/, '');
      for (const canvas of published['items'] as JsonObject[])
        expect(String(canvas['id'])).toMatch(new RegExp(`^${base}/`));
      expect(validate(published).filter((f) => f.severity === 'error')).toEqual([]);
    }
    expect((await fs.readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'collection.json',
      'diary',
      'letters',
    ]);
    expect(await fs.readdir(path.join(out, 'letters'))).toContain('.tessera-record.json');
    expect(validate(collection).filter((f) => f.severity === 'error')).toEqual([]);
    if (corpusPresent) expect(officialSchemaErrors()(collection)).toEqual([]);
    expect(c.stdout()).toMatch(/Checked .*: 3 of 3 documents fetched back and parsed/);
  });

  it('keeps every URI when published again', async () => {
    const out = path.join(dir, 'again');
    const args = [path.join(dir, 'shelf.json'), '--base', BASE, '--out', out];
    expect(await runPublish(args, capture().io)).toBe(0);
    const first = await fs.readFile(path.join(out, 'collection.json'), 'utf8');
    const again = capture();
    expect(await runPublish(args, again.io)).toBe(0);
    expect(await fs.readFile(path.join(out, 'collection.json'), 'utf8')).toBe(first);
    expect(again.stdout()).toContain('unchanged since the last publication');
  });

  it('refuses a file: member it cannot read, writing nothing', async () => {
    const broken = path.join(dir, 'broken-shelf.json');
    await fs.writeFile(
      broken,
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: 'https://draft.example.org/broken/collection.json',
        type: 'Collection',
        label: { en: ['Broken'] },
        items: [
          {
            id: new URL(`file://${path.join(dir, 'not-iiif.json')}`).href,
            type: 'Manifest',
            label: { en: ['x'] },
          },
        ],
      }),
    );
    const c = capture();
    const out = path.join(dir, 'never');
    expect(await runPublish([broken, '--base', BASE, '--out', out], c.io)).toBe(1);
    expect(c.stderr()).toMatch(
      /Member 1 of the collection is the file .*not-iiif\.json, which cannot be read as a Manifest/,
    );
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('publishes what tessera split --collection wrote: the parts found by their ids beside the collection', async () => {
    const folder = path.join(dir, 'reel');
    await fs.mkdir(folder);
    await fs.writeFile(
      path.join(folder, 'reel.json'),
      JSON.stringify(manifest(12, 'https://draft.example.org/reel')),
    );
    const split = capture();
    const io = {
      ...split.io,
      makeFolder: async (p: string) => void (await fs.mkdir(p, { recursive: true })),
    };
    expect(
      await runSplit(
        [path.join(folder, 'reel.json'), '--at', '7', '-o', path.join(folder, 'parts'), '--collection'],
        io,
      ),
    ).toBe(0);
    const out = path.join(dir, 'reel-site');
    const c = capture();
    const code = await runPublish(
      [path.join(folder, 'parts', 'reel-collection.json'), '--base', BASE, '--out', out],
      c.io,
    );
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    expect(c.stdout()).toContain('2 local member(s) published with it, 0 kept as references');
    const collection = await readJson(path.join(out, 'collection.json'));
    expect((collection['items'] as JsonObject[]).map((m) => m['id'])).toEqual([
      `${BASE}/reel-part-1/manifest.json`,
      `${BASE}/reel-part-2/manifest.json`,
    ]);
    expect(
      ((await readJson(path.join(out, 'reel-part-2', 'manifest.json')))['items'] as unknown[]).length,
    ).toBe(6);
  });

  it('publishes local Collections among the members beneath their folders, to any depth, with ids that match', async () => {
    const lib = path.join(dir, 'lib');
    await fs.mkdir(lib);
    const context = 'http://iiif.io/api/presentation/3/context.json';
    const vol1 = manifest(6, 'https://draft.example.org/vol1');
    const atlas = manifest(6, 'https://draft.example.org/atlas');
    await fs.writeFile(path.join(lib, 'vol1.json'), JSON.stringify(vol1));
    await fs.writeFile(path.join(lib, 'atlas.json'), JSON.stringify(atlas));
    const volumes = {
      '@context': context,
      id: 'https://draft.example.org/volumes/collection.json',
      type: 'Collection',
      label: { en: ['Volumes'] },
      items: [{ id: vol1['id'], type: 'Manifest', label: { en: ['Volume 1'] } }, REMOTE],
    };
    await fs.writeFile(path.join(lib, 'volumes.json'), JSON.stringify(volumes));
    await fs.writeFile(
      path.join(lib, 'library.json'),
      JSON.stringify({
        '@context': context,
        id: 'https://draft.example.org/library/collection.json',
        type: 'Collection',
        label: { en: ['Library'] },
        items: [
          { id: volumes.id, type: 'Collection', label: { en: ['All volumes'] } },
          { id: atlas['id'], type: 'Manifest', label: { en: ['Atlas'] } },
        ],
      }),
    );
    const out = path.join(dir, 'library-site');
    const c = capture();
    const code = await runPublish([path.join(lib, 'library.json'), '--base', BASE, '--out', out], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    expect(c.stdout()).toContain('3 local member(s) published with it, 1 kept as references');

    const top = await readJson(path.join(out, 'collection.json'));
    const topIds = (top['items'] as JsonObject[]).map((m) => m['id']);
    expect(topIds).toEqual([`${BASE}/volumes/collection.json`, `${BASE}/atlas/manifest.json`]);
    expect((top['items'] as JsonObject[])[0]).toMatchObject({
      type: 'Collection',
      label: { en: ['All volumes'] },
    });
    const sub = await readJson(path.join(out, 'volumes', 'collection.json'));
    expect(sub['id']).toBe(topIds[0]);
    expect(sub['label']).toEqual({ en: ['Volumes'] });
    const subIds = (sub['items'] as JsonObject[]).map((m) => m['id']);
    expect(subIds).toEqual([`${BASE}/volumes/vol1/manifest.json`, REMOTE.id]);
    // Every member id in the tree names the file written for it, whose own id it is.
    for (const id of [topIds[1], subIds[0]] as string[]) {
      const published = await readJson(path.join(out, ...id.slice(BASE.length + 1).split('/')));
      expect(published['id']).toBe(id);
    }
    for (const doc of [top, sub]) expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
    expect(c.stdout()).toMatch(/Checked .*: 4 of 4 documents fetched back and parsed/);
  });

  it('refuses a Collection that lists itself', async () => {
    const loop = path.join(dir, 'loop');
    await fs.mkdir(loop);
    const id = 'https://draft.example.org/loop/collection.json';
    await fs.writeFile(
      path.join(loop, 'loop.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id,
        type: 'Collection',
        label: { en: ['Loop'] },
        items: [{ id, type: 'Collection', label: { en: ['Me'] } }],
      }),
    );
    const c = capture();
    expect(
      await runPublish(
        [path.join(loop, 'loop.json'), '--base', BASE, '--out', path.join(dir, 'loop-out')],
        c.io,
      ),
    ).toBe(1);
    expect(c.stderr()).toContain('loop.json is a member of itself');
  });
});
