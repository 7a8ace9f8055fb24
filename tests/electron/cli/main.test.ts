import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/main';
import { cli } from './cli-harness';

describe('tessera', () => {
  it('lists its commands on --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(run.stdout).toContain(name);
    expect(run.stdout).toMatch(/Exit codes/);
  });

  it('prints help on stderr and exits 2 without a command', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: tessera/);
  });

  it('refuses an unknown command with exit 2', async () => {
    const run = await cli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    // Names inherited from Object.prototype are not commands either.
    expect((await cli(['toString'])).code).toBe(2);
  });

  it('shows one command’s help through `help <command>`', async () => {
    const run = await cli(['help', 'upgrade']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: tessera upgrade/);
  });

  it('prints its version', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
