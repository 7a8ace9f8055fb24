/**
 * Issue 14 item 2: a Windows-1252 file is not refused as "not valid UTF-8" without a way out. The CLI names the
 * likely encoding and reads it with `--encoding windows-1252` (output in UTF-8); any other name is refused.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

const manifest = JSON.stringify({
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/iiif/cp1252/manifest',
  type: 'Manifest',
  label: { fr: ['Été à Zürich – “vue”'] },
  items: [],
});

/** The manifest as a Windows editor would have saved it. */
const cp1252 = Buffer.from(
  [...manifest].map((c) => ({ '–': 0x96, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0)),
);

describe('tessera and Windows-1252 files', () => {
  it('refuses a Windows-1252 file by default, naming the encoding and the option', async () => {
    const input = await write(path.join(dir, 'cp1252.json'), cp1252);
    const run = await cli(['upgrade', input]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not UTF-8.*Windows-1252.*--encoding windows-1252/);
  });

  it('reads it with --encoding windows-1252 and writes UTF-8', async () => {
    const input = await write(path.join(dir, 'cp1252.json'), cp1252);
    const run = await cli(['upgrade', input, '--encoding', 'windows-1252']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).label.fr[0]).toBe('Été à Zürich – “vue”');
    const checked = await cli(['validate', '--encoding', 'windows-1252', input]);
    expect(checked.stderr).not.toMatch(/UTF-8/);
    expect(checked.stdout).not.toMatch(/unreadable|not UTF-8/);
  });

  it('refuses any other encoding name with exit status 1 and a clear message', async () => {
    const input = await write(path.join(dir, 'cp1252.json'), cp1252);
    for (const command of ['upgrade', 'validate']) {
      const run = await cli([command, input, '--encoding', 'koi8-r']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/unknown encoding "koi8-r".*windows-1252/);
    }
  });
});
