/**
 * The CLI on input that used to crash it (issues 20.1, 20.2, 14.3): deep nesting and keys named like
 * Object.prototype members end in a clear message and exit 1, or in a result, never in "unexpected error".
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir, write } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

const deep = `{"type":"Manifest","x":${'['.repeat(2000)}${']'.repeat(2000)}}`;

describe('the tessera command on hostile input', () => {
  it.each(['validate', 'upgrade', 'publish'])(
    '%s refuses 2,000 nested arrays with a clear message',
    async (command) => {
      const input = await write(path.join(dir, 'deep.json'), deep);
      const extra =
        command === 'publish' ? ['--base', 'https://example.org/x', '--out', path.join(dir, 'out')] : [];
      const run = await cli([command, input, ...extra]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/more than 100 levels deep/);
      expect(run.stderr).not.toMatch(/unexpected error|call stack/i);
    },
  );

  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'validates a manifest whose top-level key and label language are %s',
    async (key) => {
      const text =
        `{"@context":"http://iiif.io/api/presentation/3/context.json","id":"https://example.org/m",` +
        `"type":"Manifest","label":{"${key}":["x"]},"${key}":{"a":1},"items":[]}`;
      const input = await write(path.join(dir, 'special.json'), text);
      const run = await cli(['validate', input, '--json']);
      expect(run.stderr).not.toMatch(/unexpected error/);
      expect(run.code).toBe(1); // the empty manifest is an error: a verdict, not a crash
      expect(run.stdout).toContain('manifest-empty');
    },
  );
});
