import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureText } from '../../shared/document/fixtures';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('tessera upgrade', () => {
  it('writes a P2 manifest as P3 to the -o file, with notes on stderr', async () => {
    const input = await write(path.join(dir, 'in.json'), fixtureText('p2-manifest.json'));
    const output = path.join(dir, 'out.json');
    const run = await cli(['upgrade', input, '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/note: .*upgraded from Presentation 2/);
    const written = JSON.parse(readFileSync(output, 'utf8'));
    expect(written.type).toBe('Manifest');
    expect(written['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
  });

  it('writes P3 input unchanged to stdout', async () => {
    const text = JSON.stringify(JSON.parse(fixtureText('p3-messy-manifest.json')), null, 4).replaceAll(
      '\n',
      '\r\n',
    );
    const input = await write(path.join(dir, 'messy.json'), text);
    const run = await cli(['upgrade', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(text);
    expect(run.stderr).toBe('');
  });

  it('keeps a BOM and reads UTF-16', async () => {
    const text = JSON.stringify(JSON.parse(fixtureText('p3-collection.json')), null, 2) + '\n';
    const bom = await write(path.join(dir, 'bom.json'), '\uFEFF' + text);
    expect((await cli(['upgrade', bom])).stdout).toBe('\uFEFF' + text);
    const utf16 = await write(path.join(dir, 'utf16.json'), Buffer.from('\uFEFF' + text, 'utf16le'));
    // UTF-16 is read, and written back as UTF-8 (without the UTF-16 byte order mark).
    expect((await cli(['upgrade', utf16])).stdout).toBe(text);
  });

  it('reads standard input for "-"', async () => {
    const run = await cli(['upgrade', '-', '--quiet'], fixtureText('p2-collection-no-context.json'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).type).toBe('Collection');
    expect(run.stderr).toBe('');
  });

  it('exits 1 with one clear line for input it cannot use', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['broken.json', '{\n  "type": "Manifest",\n}', /not valid JSON: a trailing comma.*line 3, column 1/],
      [
        'info.json',
        '{"@context":"http://iiif.io/api/image/3/context.json","type":"ImageService3"}',
        /info\.json/,
      ],
      ['latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), /not UTF-8/],
    ];
    for (const [name, content, message] of cases) {
      const run = await cli(['upgrade', await write(path.join(dir, name), content)]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    const missing = await cli(['upgrade', path.join(dir, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: no such file/);
    const folder = await cli(['upgrade', dir]);
    expect(folder.stderr).toMatch(/is a folder/);
  });

  it('exits 1 when the output folder does not exist, and writes nothing', async () => {
    const input = await write(path.join(dir, 'in.json'), fixtureText('p3-collection.json'));
    const run = await cli(['upgrade', input, '-o', path.join(dir, 'nope', 'out.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*folder does not exist/);
  });

  it('exits 2 on a wrong command line', async () => {
    expect((await cli(['upgrade'])).code).toBe(2);
    expect((await cli(['upgrade', 'a.json', 'b.json'])).code).toBe(2);
    const unknown = await cli(['upgrade', 'a.json', '--frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: tessera upgrade/);
    const help = await cli(['upgrade', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/-o, --output/);
  });
});
