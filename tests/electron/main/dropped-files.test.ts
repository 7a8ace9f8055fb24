import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantDroppedPath } from '../../../electron/main/dropped-files';
import { createGrantedPolicy } from '../../../electron/services/files/path-policy';

describe('a file dropped on the window', () => {
  const dropped = path.join(os.tmpdir(), 'dropped', 'book.json');

  it('may be opened once our page reports it', async () => {
    const policy = createGrantedPolicy();
    await expect(policy.resolve(dropped, 'read')).rejects.toThrow(/only open files you chose/);
    expect(grantDroppedPath(policy, true, dropped)).toBe(true);
    await expect(policy.resolve(dropped, 'read')).resolves.toBe(path.resolve(dropped));
  });

  it('is not granted from another frame, nor when it is not an absolute path', async () => {
    const policy = createGrantedPolicy();
    expect(grantDroppedPath(policy, false, dropped)).toBe(false);
    for (const value of ['', 'book.json', 42, null, { path: dropped }])
      expect(grantDroppedPath(policy, true, value)).toBe(false);
    await expect(policy.resolve(dropped, 'read')).rejects.toThrow();
  });
});
