/**
 * The reading commands read their inputs through one step (electron/cli/load-input.ts): the same `--encoding`
 * handling, the same refusal on stderr as `tessera COMMAND: why`, and the same exit codes (1 for input it cannot
 * use, 2 for a wrong command line).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

/** A one-canvas Manifest saved by a Windows editor (the en dash is byte 0x96, not UTF-8). */
function cp1252Manifest(n: number): Buffer {
  const text = JSON.stringify({
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `https://example.org/iiif/${n}/manifest`,
    type: 'Manifest',
    label: { en: [`Part ${n} – Zürich`] },
    items: [1, 2].map((c) => ({
      id: `https://example.org/iiif/${n}/canvas/${c}`,
      type: 'Canvas',
      width: 10,
      height: 10,
      items: [],
    })),
  });
  return Buffer.from([...text].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));
}

const collection = JSON.stringify({
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/iiif/c',
  type: 'Collection',
  label: { en: ['c'] },
  items: [],
});

/** Each reading command, run on FILES with the rest of a good command line. */
const commands: Record<string, (files: string[], out: string) => string[]> = {
  upgrade: ([a]) => ['upgrade', a ?? ''],
  split: ([a], out) => ['split', a ?? '', '--at', '2', '-o', out],
  merge: ([a, b], out) => ['merge', a ?? '', b ?? a ?? '', '-o', `${out}-merged.json`],
  annotations: ([a]) => ['annotations', a ?? '', '--json'],
};

describe('the input step of the reading commands', () => {
  for (const [name, line] of Object.entries(commands)) {
    it(`${name}: reads Windows-1252 only when told, and refuses an unknown encoding with exit 1`, async () => {
      const a = await write(path.join(dir, 'a.json'), cp1252Manifest(1));
      const b = await write(path.join(dir, 'b.json'), cp1252Manifest(2));
      const out = path.join(dir, 'out');

      const refused = await cli(line([a, b], out));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^tessera ${name}: .*a\\.json: .*--encoding windows-1252`));

      const unknown = await cli([...line([a, b], out), '--encoding', 'koi8-r']);
      expect(unknown).toMatchObject({ code: 1, stdout: '' });
      expect(unknown.stderr).toBe(
        `tessera ${name}: unknown encoding "koi8-r": the only one that can be named is windows-1252 (UTF-8 and UTF-16 are recognised without it)\n`,
      );

      const read = await cli([...line([a, b], out), '--encoding', 'windows-1252']);
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
    });

    it(`${name}: names a missing file with exit 1, and a wrong option with exit 2`, async () => {
      const missing = path.join(dir, 'missing.json');
      const run = await cli(line([missing, missing], path.join(dir, 'out')));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^tessera ${name}: .*missing\\.json: no such file\\n`));
      expect((await cli([...line([missing, missing], dir), '--nope'])).code).toBe(2);
    });
  }

  it('merge names every file it cannot use, missing or not a Manifest, in order, and writes nothing', async () => {
    const a = await write(path.join(dir, 'a.json'), cp1252Manifest(1));
    const c = await write(path.join(dir, 'c.json'), collection);
    const missing = path.join(dir, 'missing.json');
    const run = await cli(['merge', c, missing, a, '-o', path.join(dir, 'o.json'), '--encoding', 'cp1252']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `tessera merge: ${c} is a Collection; only Manifests can be merged\n` +
        `tessera merge: ${missing}: no such file\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'c.json']);
  });

  it('split refuses a Collection by its kind', async () => {
    const c = await write(path.join(dir, 'c.json'), collection);
    const run = await cli(['split', c, '--at', '2', '-o', path.join(dir, 'out')]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`tessera split: ${c} is a Collection; only a Manifest can be split\n`);
  });
});
