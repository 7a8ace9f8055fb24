/**
 * New documents written side by side into one folder: the parts of a split and their collection, a merged
 * manifest. The folder passes the path policy (inside the workspace, or a folder the user chose in a dialog);
 * each name must be a plain file name, so no file lands outside it. Existing files are reported together
 * before anything is written, so a refusal never leaves half of a split on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import type { PathPolicy } from './path-policy';
import { saveTextFile } from './text-files';

export interface FilesInFolder {
  readonly folder: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly overwrite: boolean;
}

const PLAIN_NAME = /^[^\\/\0]+$/;

export async function writeFilesInFolder(request: FilesInFolder, policy: PathPolicy) {
  const folder = await policy.resolve(request.folder, 'write');
  const stat = await fs.stat(folder).catch(() => null);
  if (stat && !stat.isDirectory()) throw new UserFacingError('not-a-folder', `${folder} is not a folder.`);
  const names = request.files.map((f) => f.name);
  for (const name of names) {
    if (!PLAIN_NAME.test(name) || name === '.' || name === '..')
      throw new UserFacingError('refused', `"${name}" is not a file name (no folders in it, please).`);
  }
  if (new Set(names).size !== names.length)
    throw new UserFacingError('refused', 'Two of the files would have the same name.');
  const targets = names.map((name) => path.join(folder, name));
  const existing: string[] = [];
  for (const target of targets) {
    const found = await fs.lstat(target).catch(() => null);
    if (found?.isSymbolicLink())
      throw new UserFacingError('refused', `${target} is a link; Tessera does not write through it.`);
    if (found) existing.push(path.basename(target));
  }
  if (existing.length > 0 && !request.overwrite)
    throw new UserFacingError(
      'conflict',
      `${existing.length === 1 ? `${existing[0]} already exists` : `${existing.length} of the files already exist (${existing.slice(0, 5).join(', ')})`} in ${folder}. Replace ${existing.length === 1 ? 'it' : 'them'}?`,
    );
  const paths: string[] = [];
  for (const [index, target] of targets.entries()) {
    const file = request.files[index] as { text: string };
    const saved = await saveTextFile(target, {
      path: target,
      text: file.text,
      expectedMtimeMs: null,
      overwrite: true,
    });
    // What the user just made can be opened next (Electron's policy grants only what was chosen).
    policy.grant(saved.path);
    paths.push(saved.path);
  }
  return { folder, paths };
}
