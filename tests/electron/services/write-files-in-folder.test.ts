import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGrantedPolicy, createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { writeFilesInFolder } from '../../../electron/services/files/write-files-in-folder';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-write-files-'));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

const files = [
  { name: 'book-part-1.json', text: '{"a":1}' },
  { name: 'book-part-2.json', text: '{"b":2}' },
];

describe('writeFilesInFolder', () => {
  it('writes new files into a workspace folder it makes, and refuses to replace any without overwrite', async () => {
    const policy = await createWorkspacePolicy(root);
    const written = await writeFilesInFolder({ folder: 'split/book', files, overwrite: false }, policy);
    expect(written.paths.map((p) => path.relative(root, p))).toEqual([
      path.join('split', 'book', 'book-part-1.json'),
      path.join('split', 'book', 'book-part-2.json'),
    ]);
    expect(await fs.readFile(path.join(root, 'split/book/book-part-2.json'), 'utf8')).toBe('{"b":2}');

    const again = [
      { ...files[0], text: 'new' },
      { name: 'book-collection.json', text: '{}' },
    ] as typeof files;
    await expect(
      writeFilesInFolder({ folder: 'split/book', files: again, overwrite: false }, policy),
    ).rejects.toThrow(/book-part-1\.json already exists .* Replace it\?/);
    // Nothing was written: not even the file that did not exist.
    await expect(fs.stat(path.join(root, 'split/book/book-collection.json'))).rejects.toThrow();
    await writeFilesInFolder({ folder: 'split/book', files: again, overwrite: true }, policy);
    expect(await fs.readFile(path.join(root, 'split/book/book-part-1.json'), 'utf8')).toBe('new');
  });

  it('refuses names with folders in them and folders outside what the policy allows', async () => {
    const policy = await createWorkspacePolicy(path.join(root, 'ws'));
    const bad = [{ name: '../escape.json', text: '{}' }];
    await expect(writeFilesInFolder({ folder: '.', files: bad, overwrite: false }, policy)).rejects.toThrow(
      /not a file name/,
    );
    await expect(writeFilesInFolder({ folder: root, files, overwrite: false }, policy)).rejects.toThrow(
      /workspace/,
    );
    const granted = createGrantedPolicy();
    await expect(writeFilesInFolder({ folder: root, files, overwrite: false }, granted)).rejects.toThrow(
      /only open files you chose/,
    );
    // A folder chosen in a dialog is granted; the files written into it can then be opened.
    granted.grant(root);
    const written = await writeFilesInFolder({ folder: root, files, overwrite: false }, granted);
    expect(await granted.resolve(written.paths[0] as string, 'read')).toBe(written.paths[0]);
  });
});
