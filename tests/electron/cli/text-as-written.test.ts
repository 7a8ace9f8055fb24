/**
 * What only the text says survives the CLI (issue 20 item 13): `tessera upgrade` of Presentation 3 gives the
 * text back as written (1e309 stays 1e309, 30-digit integers keep their digits), and `tessera validate` reports
 * duplicate keys, as the app's validation panel does.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

const TEXT =
  '{"@context":"http://iiif.io/api/presentation/3/context.json","id":"https://example.org/m",' +
  '"type":"Manifest","label":{"en":["One"]},"label":{"en":["Two"]},' +
  '"x-big":1e309,"x-digits":123456789012345678901234567890,"x-float":0.10000000000000000001,"items":[]}';

describe('the CLI and the text as written', () => {
  it('upgrade passes Presentation 3 text through unchanged', async () => {
    const input = await write(path.join(dir, 'numbers.json'), TEXT);
    const run = await cli(['upgrade', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(TEXT);
  });

  it('validate reports duplicate keys as findings', async () => {
    const input = await write(path.join(dir, 'dup.json'), TEXT);
    const run = await cli(['validate', input, '--json']);
    const [report] = JSON.parse(run.stdout) as { findings: { code: string; path: string }[] }[];
    expect(report?.findings).toContainEqual(
      expect.objectContaining({ code: 'duplicate-key', path: '$.label' }),
    );
  });
});
