/**
 * A full, read-only or forbidden disk while publishing: the message names the folder the user chose (never the
 * hidden folder staged beside it, nor Node's "ENOSPC: ..."), says what to do, and the previous publication is
 * left as it was. The disk is made to fail by a stand-in for the one file system call (tests run as root, so
 * permissions cannot make it fail for real).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describePublishFileError } from '../../../electron/services/files/file-errors';
import { publish } from '../../../electron/services/publish/publish';
import { s3Target } from '../../../electron/services/publish/s3-target';
import { loadFixture } from '../../shared/validation/helpers';
import { startFakeS3 } from './fake-s3';

const BASE = 'https://pub.example.com/hours';
let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-disk-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(root, { recursive: true, force: true });
});

/** Makes opening a new file fail with `code`, as the kernel reports it. */
function failNewFiles(code: string) {
  const open = fs.open.bind(fs);
  vi.spyOn(fs, 'open').mockImplementation(async (file, flags, mode) => {
    if (flags === 'wx') {
      throw Object.assign(new Error(`${code}: failed, open '${String(file)}'`), { code, path: String(file) });
    }
    return open(file, flags, mode);
  });
}

describe('disk errors while publishing', () => {
  it.each([
    ['ENOSPC', /the disk holding the output folder .*site \(or your quota\) is full/],
    ['EDQUOT', /\(or your quota\) is full/],
    [
      'EACCES',
      /you do not have permission to write in the output folder .*site\. .*Choose another output folder/,
    ],
    ['EROFS', /the output folder .*site is on a read-only drive/],
  ])('%s names the output folder and leaves the previous publication', async (code, message) => {
    const out = path.join(root, 'site');
    const manifests = [{ doc: loadFixture('valid-book') }];
    expect((await publish({ base: BASE, manifests, outDir: out })).ok).toBe(true);
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');

    failNewFiles(code);
    const changed = [{ doc: { ...loadFixture('valid-book'), label: { en: ['Changed'] } } }];
    const outcome = await publish({ base: BASE, manifests: changed, outDir: out });
    vi.restoreAllMocks();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('disk-error');
    expect(outcome.error.message).toMatch(message);
    expect(outcome.error.message).toContain('the previous publication is as it was');
    expect(outcome.error.message).not.toMatch(/publishing-|ENOSPC|EACCES|EROFS|EDQUOT/);
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect((await fs.readdir(root)).filter((name) => name.includes('publishing'))).toEqual([]);
  });

  it('names the temporary folder when a storage publication is staged there', async () => {
    const keys = { accessKeyId: 'K', secretAccessKey: 'S' };
    const s3 = await startFakeS3('site', keys);
    try {
      failNewFiles('ENOSPC');
      const outcome = await publish({
        base: BASE,
        manifests: [{ doc: loadFixture('valid-book') }],
        target: s3Target({ endpoint: s3.endpoint, bucket: 'site', credentials: keys }),
      });
      expect(outcome.ok === false && outcome.error.message).toContain(
        `the disk holding the temporary folder ${os.tmpdir()} (or your quota) is full`,
      );
      expect(s3.objects.size).toBe(0);
    } finally {
      await s3.close();
    }
  });

  it('leaves other errors to their own messages', () => {
    expect(describePublishFileError('ECONNRESET', '/x', 'output')).toBeUndefined();
    expect(describePublishFileError(undefined, '/x', 'output')).toBeUndefined();
  });
});
