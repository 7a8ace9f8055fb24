/** -h and --help, declared once in parseCommandLine, answer every command that parses through it. */
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

describe('parseCommandLine', () => {
  for (const command of ['annotations', 'merge', 'ocr', 'split', 'upgrade']) {
    it(`${command}: -h and --help print its usage and exit 0; an unknown option exits 2`, async () => {
      for (const flag of ['-h', '--help']) {
        const run = await cli([command, flag]);
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toMatch(new RegExp(`^Usage: tessera ${command} `));
      }
      const wrong = await cli([command, '--nope']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(
        new RegExp(`^tessera ${command}: .*--nope[\\s\\S]*Usage: tessera ${command} `),
      );
    });
  }
});
