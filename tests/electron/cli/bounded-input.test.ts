/**
 * The CLI reads its input bounded (issue 20 item 10): a FIFO or a device is refused before any byte is read, a
 * file past the document limit is refused by its size, and standard input stops being read at the limit.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAllBounded, readFileBounded } from '../../../electron/cli/node-io';
import { cli, tempDir } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('bounded CLI input', () => {
  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const run = await cli(['validate', fifo]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a regular file (a pipe, a device or a socket)');
  });

  it.skipIf(process.platform === 'win32')('refuses /dev/zero instead of reading it for ever', async () => {
    const run = await cli(['upgrade', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/dev/zero: is not a regular file');
  });

  it('refuses a file past the limit by its size, before reading it', async () => {
    const big = path.join(dir, 'big.json');
    await fs.writeFile(big, '');
    await fs.truncate(big, 65 * 1024 * 1024); // sparse: costs no disk
    await expect(readFileBounded(big)).rejects.toMatchObject({ code: 'EFBIG', size: 65 * 1024 * 1024 });
    const run = await cli(['validate', big]);
    expect(run.stderr).toContain('big.json is 65.0 MB; Tessera reads documents up to 64.0 MB');
  });

  it('stops reading standard input at the limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 0x20));
      },
    });
    await expect(readAllBounded(endless, 10_000)).rejects.toMatchObject({ code: 'EFBIG' });
    expect(produced).toBeLessThan(100_000);
    expect(endless.destroyed).toBe(true);
  });
});
