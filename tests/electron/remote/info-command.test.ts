/**
 * `tessera info` (electron/cli/commands/info.ts), called directly with the real node file system and captured
 * output. Kept beside the remote service tests because the command is a thin shell over it (and
 * tests/electron/cli belongs to the CLI's owner); it can move there once `info` is registered in main.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/info';
import { nodeIo } from '../../../electron/cli/node-io';
import { FAILURE_PATHS, startInstitution, type Institution } from '../../fixtures/institutions';

let inst: Institution;
let dir: string;
beforeAll(async () => {
  inst = await startInstitution({
    level: 0,
    imageApi: 2,
    failures: true,
    images: [{ id: 'page', width: 640, height: 480 }],
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-cli-info-'));
});
afterAll(async () => {
  await inst?.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  return cliWithStdin(undefined, ...args);
}

/** The real file system (nodeIo), with output captured instead of printed. */
async function cliWithStdin(stdin: string | undefined, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const real = nodeIo();
  const io = {
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void err.push(t),
    readFile: real.readFile,
    writeFile: real.writeFile,
    ...(stdin === undefined ? {} : { readStdin: async () => new TextEncoder().encode(stdin) }),
  };
  const code = await run(args, io, { cacheDir: path.join(dir, 'cache') });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('tessera info', () => {
  it('prints the descriptor of a remote service as JSON', async () => {
    const { code, stdout, stderr } = await cli(inst.serviceUrl('page'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      version: 2,
      level: 0,
      width: 640,
      height: 480,
      id: inst.serviceUrl('page'),
    });
    expect(printed['thumbnail']).toMatchObject({ url: `${inst.serviceUrl('page')}/full/300,/0/default.jpg` });
  });

  it('reads a local info.json file', async () => {
    const file = path.join(dir, 'info.json');
    await writeFile(
      file,
      JSON.stringify({
        '@context': 'http://iiif.io/api/image/3/context.json',
        id: 'https://x.org/iiif/a',
        profile: 'level1',
        width: 10,
        height: 20,
      }),
    );
    const { code, stdout } = await cli(file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ version: 3, level: 1, width: 10, height: 20 });
  });

  it('reads an info.json from standard input with "-"', async () => {
    const text = JSON.stringify({
      '@context': 'http://iiif.io/api/image/2/context.json',
      '@id': 'https://x.org/iiif/b',
      profile: 'http://iiif.io/api/image/2/level2.json',
      width: 30,
      height: 40,
    });
    const { code, stdout } = await cliWithStdin(text, '-');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ version: 2, level: 2, width: 30 });
    const garbage = await cliWithStdin('<html></html>', '-');
    expect([garbage.code, garbage.stderr]).toEqual([1, expect.stringMatching(/standard input.*\n.*HTML/)]);
  });

  it('exits 1 with a clear message on bad input', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        '@context': 'http://iiif.io/api/image/3/context.json',
        id: 'https://x.org/a',
        profile: 'level9',
        width: 0,
        height: 5,
      }),
    );
    const cases: [string, RegExp][] = [
      [bad, /not usable image information:\n {2}- .*width[\s\S]*level9/],
      [path.join(dir, 'missing.json'), /there is no file/],
      [dir, /is a folder/],
      [`${inst.baseUrl}${FAILURE_PATHS.html}`, /web page instead of IIIF data/],
      [`${inst.baseUrl}${FAILURE_PATHS.notFound}`, /nothing at this address \(404\)/],
      ['file:///etc/passwd', /Only web addresses/],
    ];
    for (const [input, message] of cases) {
      const { code, stdout, stderr } = await cli(input);
      expect([code, stdout], input).toEqual([1, '']);
      expect(stderr, input).toMatch(message);
    }
  });

  it('exits 2 on usage errors, 0 on --help', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('a', 'b')).code).toBe(2);
    const unknown = await cli('--verbose', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --verbose[\s\S]*Usage: tessera info/);
    const help = await cli('--help');
    expect([help.code, help.stdout]).toEqual([
      0,
      expect.stringMatching(/^Usage: tessera info <URL\|FILE\|->/),
    ]);
  });
});
