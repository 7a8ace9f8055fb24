import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runPublish } from '../../../electron/cli/commands/publish';
import { run as runValidate } from '../../../electron/cli/commands/validate';
import type { CliIo } from '../../../electron/cli/cli-io';
import type { JsonObject } from '../../../shared/iiif/json';
import { loadFixture, manifest } from '../../shared/validation/helpers';
import { corpusPresent, corpusRoot, officialSchemaErrors } from '../../shared/validation/official-corpus';

const schema = corpusPresent ? officialSchemaErrors() : undefined;
if (!corpusPresent)
  console.log(
    `No corpus at ${corpusRoot}: published collections are not checked against the official schema.`,
  );

/** Real files, and what a command prints collected instead of going to the terminal. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (name) => fs.readFile(name),
    writeFile: (name, text) => fs.writeFile(name, text),
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-cli-'));
  await fs.writeFile(file('good.json'), JSON.stringify(loadFixture('valid-book')));
  await fs.writeFile(file('bad.json'), JSON.stringify(manifest({ label: { '@none': ['x'] } })));
  await fs.writeFile(file('warn.json'), JSON.stringify(manifest({ myNote: 'x' })));
  await fs.writeFile(file('broken.json'), '{ "type": "Manifest", ');
  await fs.mkdir(file('more'));
  await fs.writeFile(file('more/Good.json'), JSON.stringify(manifest({ label: { en: ['Another book'] } })));
  await fs.writeFile(
    file('collection.json'),
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/c.json',
      type: 'Collection',
      label: { en: ['Books'] },
      items: [],
    }),
  );
  await fs.writeFile(
    file('p2.json'),
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'https://example.org/p2/manifest.json',
      '@type': 'sc:Manifest',
      label: 'A Presentation 2 manifest',
      sequences: [
        {
          '@type': 'sc:Sequence',
          canvases: [
            {
              '@id': 'https://example.org/p2/canvas/1',
              '@type': 'sc:Canvas',
              label: 'p. 1',
              width: 100,
              height: 100,
              images: [
                {
                  '@type': 'oa:Annotation',
                  motivation: 'sc:painting',
                  on: 'https://example.org/p2/canvas/1',
                  resource: {
                    '@id': 'https://example.org/p2/img.jpg',
                    '@type': 'dctypes:Image',
                    format: 'image/jpeg',
                    width: 100,
                    height: 100,
                  },
                },
              ],
            },
          ],
        },
      ],
    }),
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('tessera validate', () => {
  it('exits 0 for a valid file and says so', async () => {
    const c = capture();
    expect(await runValidate([file('good.json')], c.io)).toBe(0);
    expect(c.stdout()).toContain('good.json: valid (0 errors, 0 warnings');
  });

  it('exits 0 with warnings, 1 with errors, and shows path, code and message', async () => {
    const warn = capture();
    expect(await runValidate([file('warn.json')], warn.io)).toBe(0);
    expect(warn.stdout()).toContain('valid, with warnings');
    const bad = capture();
    expect(await runValidate([file('good.json'), file('bad.json')], bad.io)).toBe(1);
    expect(bad.stdout()).toMatch(/error\s+\$\.label\["@none"\]\s+\[language-key-at-none\]/);
  });

  it('prints exactly file and findings (severity, code, message, path) with --json', async () => {
    const c = capture();
    expect(await runValidate(['--json', file('bad.json'), file('missing.json')], c.io)).toBe(1);
    const parsed = JSON.parse(c.stdout()) as { file: string; findings: Record<string, string>[] }[];
    expect(parsed.map((r) => r.file)).toEqual([file('bad.json'), file('missing.json')]);
    expect(parsed[0]?.findings).toEqual([
      {
        severity: 'error',
        code: 'language-key-at-none',
        message: expect.any(String),
        path: '$.label["@none"]',
      },
    ]);
    expect(parsed[1]?.findings).toEqual([
      {
        severity: 'error',
        code: 'file-unreadable',
        message: expect.stringContaining('no such file'),
        path: '$',
      },
    ]);
  });

  it('exits 1 with a message for a file that is not JSON', async () => {
    const c = capture();
    expect(await runValidate([file('broken.json')], c.io)).toBe(1);
    expect(c.stderr()).toContain('not valid JSON');
  });

  it('upgrades Presentation 2 before checking it', async () => {
    const c = capture();
    expect(await runValidate([file('p2.json')], c.io)).toBe(0);
    expect(c.stdout()).toContain('upgraded');
  });

  it('exits 2 on usage errors', async () => {
    expect(await runValidate([], capture().io)).toBe(2);
    expect(await runValidate(['--frobnicate', file('good.json')], capture().io)).toBe(2);
  });
});

describe('tessera publish', () => {
  it('publishes to the output folder and reports the URL', async () => {
    const c = capture();
    const out = file('site');
    expect(
      await runPublish([file('good.json'), '--base', 'https://pub.example.com/b/', '--out', out], c.io),
    ).toBe(0);
    expect(c.stdout()).toContain('Published https://pub.example.com/b/manifest.json');
    const published = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      id: string;
    };
    expect(published.id).toBe('https://pub.example.com/b/manifest.json');
    const again = capture();
    expect(
      await runPublish(
        [file('good.json'), '--base=https://pub.example.com/b', `--out=${out}`, '--minify'],
        again.io,
      ),
    ).toBe(0);
    expect(again.stdout()).toContain('since the last publication: 0 added, 0 removed, 0 changed');
  });

  it('refuses errors unless --allow-errors is given', async () => {
    const out = file('site-bad');
    const refused = capture();
    expect(
      await runPublish([file('bad.json'), '--base', 'https://pub.example.com/x', '--out', out], refused.io),
    ).toBe(1);
    expect(refused.stderr()).toContain('$.label["@none"]');
    await expect(fs.stat(out)).rejects.toThrow();
    expect(
      await runPublish(
        [file('bad.json'), '--base', 'https://pub.example.com/x', '--out', out, '--allow-errors'],
        capture().io,
      ),
    ).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect(await runPublish([file('good.json'), '--out', file('o')], capture().io)).toBe(2);
    expect(await runPublish([file('good.json'), '--base', 'https://x.example', '--out'], capture().io)).toBe(
      2,
    );
    expect(await runPublish([file('good.json'), '--base', 'ftp://x', '--out', file('o')], capture().io)).toBe(
      2,
    );
    const wrong = capture();
    expect(
      await runPublish(
        [
          file('good.json'),
          '--base',
          'https://x.example',
          '--out',
          file('o'),
          '--annotation-pages',
          'inline',
        ],
        wrong.io,
      ),
    ).toBe(2);
    expect(wrong.stderr()).toContain('--annotation-pages is embedded or referenced');
  });

  it('writes annotation pages as files of their own with --annotation-pages referenced', async () => {
    const out = file('site-pages');
    const base = 'https://pub.example.com/p';
    expect(
      await runPublish(
        [file('good.json'), '--base', base, '--out', out, '--annotation-pages', 'referenced'],
        capture().io,
      ),
    ).toBe(0);
    const published = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    const references = [
      ...published.matchAll(/"(https:\/\/pub\.example\.com\/p\/annotations\/[^"]+\.json)"/g),
    ];
    expect(references.length).toBeGreaterThan(0);
    for (const [, url] of references)
      await fs.stat(path.join(out, ...(url as string).slice(base.length + 1).split('/')));
  });
});

async function readJson(name: string): Promise<JsonObject> {
  return JSON.parse(await fs.readFile(name, 'utf8')) as JsonObject;
}

describe('tessera publish with several files', () => {
  const BASE = 'https://pub.example.com/books';

  it('refuses to publish into the folder that holds its input files, and deletes nothing', async () => {
    const c = capture();
    const folder = file('working');
    await fs.mkdir(folder, { recursive: true });
    const inputs = ['vol1.json', 'vol2.json'].map((name) => path.join(folder, name));
    const text = await fs.readFile(file('good.json'), 'utf8');
    for (const input of inputs) await fs.writeFile(input, text);
    // Even once the folder is marked as a publication (say, published there before).
    await fs.writeFile(path.join(folder, '.tessera-publication'), '');
    expect(await runPublish([...inputs, '--base', BASE, '--out', folder], c.io)).toBe(1);
    expect(c.stderr()).toContain('would delete it');
    for (const input of inputs) expect(await fs.readFile(input, 'utf8')).toBe(text);
  });

  it('writes each Manifest into its own folder and a collection.json listing them in order', async () => {
    const c = capture();
    const out = file('shelf');
    const files = [file('p2.json'), file('good.json'), file('more/Good.json')];
    expect(await runPublish([...files, '--base', BASE, '--out', out], c.io)).toBe(0);
    expect(c.stdout()).toContain(`Published collection ${BASE}/collection.json`);
    expect(c.stderr()).toContain('p2.json is a Presentation 2 document');

    const collection = await readJson(path.join(out, 'collection.json'));
    // The label defaults to the output folder's name; folders come from the file names, made unique.
    expect(collection.label).toEqual({ none: ['shelf'] });
    expect(collection.id).toBe(`${BASE}/collection.json`);
    const folders = ['p2', 'good', 'good-2'];
    expect((collection.items as JsonObject[]).map((item) => item.id)).toEqual(
      folders.map((f) => `${BASE}/${f}/manifest.json`),
    );
    expect((await fs.readdir(out)).sort()).toEqual(
      ['.tessera-publication', 'collection.json', ...folders].sort(),
    );
    for (const folder of folders) {
      const published = await readJson(path.join(out, folder, 'manifest.json'));
      expect(published.id).toBe(`${BASE}/${folder}/manifest.json`);
      if (schema) expect(schema(published)).toEqual([]);
    }
    if (schema) expect(schema(collection)).toEqual([]);
  });

  it('labels the collection with --label, in the order the files are given', async () => {
    const out = file('shelf-labelled');
    const c = capture();
    expect(
      await runPublish(
        [
          file('good.json'),
          file('p2.json'),
          '--base',
          BASE,
          '--out',
          out,
          '--label',
          'Two books',
          '--minify',
        ],
        c.io,
      ),
    ).toBe(0);
    const text = await fs.readFile(path.join(out, 'collection.json'), 'utf8');
    expect(text).not.toContain('\n  ');
    const collection = JSON.parse(text) as JsonObject;
    expect(collection.label).toEqual({ none: ['Two books'] });
    expect((collection.items as JsonObject[]).map((item) => item.id)).toEqual([
      `${BASE}/good/manifest.json`,
      `${BASE}/p2/manifest.json`,
    ]);
    if (schema) expect(schema(collection)).toEqual([]);
  });

  it('refuses a Collection or an unreadable file among them, names each, and writes nothing', async () => {
    const out = file('shelf-refused');
    const c = capture();
    const args = [file('good.json'), file('collection.json'), file('broken.json'), file('missing.json')];
    expect(await runPublish([...args, '--base', BASE, '--out', out], c.io)).toBe(1);
    expect(c.stderr()).toContain(
      `"${file('collection.json')}" is a Collection; a collection is built from Manifests`,
    );
    expect(c.stderr()).toContain(`${file('broken.json')}: `);
    expect(c.stderr()).toContain(`${file('missing.json')}: no such file`);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('says which file has validation errors, and publishes them all with --allow-errors', async () => {
    const out = file('shelf-errors');
    const refused = capture();
    const args = [file('good.json'), file('bad.json'), '--base', BASE, '--out', out];
    expect(await runPublish(args, refused.io)).toBe(1);
    expect(refused.stderr()).toContain(`${file('bad.json')}: $.label["@none"]`);
    await expect(fs.stat(out)).rejects.toThrow();
    const allowed = capture();
    expect(await runPublish([...args, '--allow-errors'], allowed.io)).toBe(0);
    expect(allowed.stdout()).toContain('with 1 validation error(s) (allowed)');
    expect(await fs.readdir(out)).toContain('collection.json');
  });

  it('exits 2 when --label is given for one file or has no value', async () => {
    const one = capture();
    expect(
      await runPublish([file('good.json'), '--base', BASE, '--out', file('o'), '--label', 'x'], one.io),
    ).toBe(2);
    expect(one.stderr()).toContain('--label names the collection.json');
    expect(
      await runPublish(
        [file('good.json'), file('p2.json'), '--base', BASE, '--out', file('o'), '--label'],
        capture().io,
      ),
    ).toBe(2);
  });
});
