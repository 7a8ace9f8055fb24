import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../../shared/iiif/validation/validate';
import { manifest } from '../../shared/split-merge/fixture';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const errorsOf = (doc: unknown) => validate(doc as never).filter((f) => f.severity === 'error');

describe('tessera split', () => {
  it('writes the parts and a collection of them into a new folder, in the input’s layout', async () => {
    const input = await write(path.join(dir, 'book.json'), JSON.stringify(manifest(12), null, 4) + '\n');
    const out = path.join(dir, 'parts', 'deeper');
    const run = await cli(['split', input, '--at', '5,9', '-o', out, '--collection']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'book-collection.json',
      'book-part-1.json',
      'book-part-2.json',
      'book-part-3.json',
    ]);
    const parts = [1, 2, 3].map((n) => read(path.join(out, `book-part-${n}.json`)));
    expect(parts.map((p) => p.items.length)).toEqual([4, 4, 4]);
    expect(parts[1].label.en).toEqual(['Book of hours (part 2 of 3)']);
    expect(readFileSync(path.join(out, 'book-part-1.json'), 'utf8')).toMatch(/^\{\n {4}"@context"/);
    const collection = read(path.join(out, 'book-collection.json'));
    expect(collection.items.map((m: { id: string }) => m.id)).toEqual(parts.map((p) => p.id));
    for (const doc of [...parts, collection]) expect(errorsOf(doc)).toEqual([]);
    expect(run.stdout).toMatch(/book-part-2\.json: canvases 5-8 \(4\), 2 range\(s\)/);
    expect(run.stdout).toMatch(/Ranges: 4 in the original, 2 shared by several parts/);
  });

  it('prints what it wrote as JSON with --json', async () => {
    const input = await write(path.join(dir, 'book.json'), JSON.stringify(manifest(12)));
    const run = await cli(['split', input, '--at=5', '-o', dir, '--json', '--suffix', ' / {n}']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.parts.map((p: { canvases: number; label: string }) => [p.canvases, p.label])).toEqual([
      [4, 'Book of hours / 1'],
      [8, 'Book of hours / 2'],
    ]);
    expect(report.ranges).toEqual({ total: 4, shared: 2, dropped: 0 });
    expect(report.collection).toBeUndefined();
  });

  it('exits 2 on a wrong command line and 1 on input it cannot split', async () => {
    const input = await write(path.join(dir, 'book.json'), JSON.stringify(manifest(12)));
    expect((await cli(['split', input, '-o', dir])).code).toBe(2);
    expect((await cli(['split', input, '--at', '5'])).code).toBe(2);
    expect((await cli(['split', input, '--at', '5', '-o', dir, '--nope'])).code).toBe(2);
    const outside = await cli(['split', input, '--at', '13', '-o', dir]);
    expect(outside).toMatchObject({ code: 1, stdout: '' });
    expect(outside.stderr).toMatch(/book\.json: A part can begin at canvas 2 to 12; 13 is outside that/);
    const collection = await write(
      path.join(dir, 'c.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: 'https://x.org/c',
        type: 'Collection',
        label: { none: ['c'] },
        items: [],
      }),
    );
    expect((await cli(['split', collection, '--at', '2', '-o', dir])).stderr).toMatch(
      /is a Collection; only a Manifest/,
    );
    expect(readdirSync(dir).sort()).toEqual(['book.json', 'c.json']);
  });
});

describe('tessera merge', () => {
  it('merges Manifests in the order given and reports renamed ids and dropped properties', async () => {
    const a = await write(path.join(dir, 'a.json'), JSON.stringify(manifest(6)));
    const b = await write(
      path.join(dir, 'b.json'),
      JSON.stringify({ ...manifest(6), label: { en: ['Another'] } }),
    );
    const out = path.join(dir, 'merged.json');
    const run = await cli(['merge', a, b, '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const merged = read(out);
    expect(merged.items).toHaveLength(12);
    expect(new Set(merged.items.map((c: { id: string }) => c.id)).size).toBe(12);
    expect(merged.label).toEqual(manifest(6)['label']);
    expect(errorsOf(merged)).toEqual([]);
    expect(run.stdout).toMatch(/Merged 2 Manifests, 12 canvases/);
    expect(run.stdout).toMatch(
      /6 canvas id\(s\) and 19 page, annotation or Range id\(s\) used twice were renamed/,
    );
    expect(run.stdout).toMatch(/Not kept from .*b\.json .*: label/);

    const json = await cli(['merge', a, b, '-o', out, '--json', '--id', 'https://x.org/all/manifest.json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: 'https://x.org/all/manifest.json',
      canvases: 12,
      renamedCanvases: 6,
    });
    expect(read(out).id).toBe('https://x.org/all/manifest.json');
  });

  it('puts split parts back together', async () => {
    const input = await write(path.join(dir, 'book.json'), JSON.stringify(manifest(12)));
    expect((await cli(['split', input, '--at', '4,8', '-o', dir])).code).toBe(0);
    const parts = [1, 2, 3].map((n) => path.join(dir, `book-part-${n}.json`));
    const run = await cli(['merge', ...parts, '-o', '-', '--id', String(manifest(12)['id'])]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).items).toEqual(manifest(12)['items']);
    expect(run.stderr).toMatch(/Merged 3 Manifests, 12 canvases/);
  });

  it('exits 2 on a wrong command line and 1 naming every file it cannot use', async () => {
    const a = await write(path.join(dir, 'a.json'), JSON.stringify(manifest(3)));
    expect((await cli(['merge', a, '-o', path.join(dir, 'o.json')])).code).toBe(2);
    expect((await cli(['merge', a, a])).code).toBe(2);
    expect((await cli(['merge', a, a, '-o', '-', '--json'])).code).toBe(2);
    const run = await cli([
      'merge',
      a,
      path.join(dir, 'missing.json'),
      path.join(dir, 'gone.json'),
      '-o',
      path.join(dir, 'o.json'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing\.json: no such file[\s\S]*gone\.json: no such file/);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });
});
