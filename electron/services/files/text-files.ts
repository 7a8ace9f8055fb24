/**
 * Reading and saving the documents the user edits. The renderer parses and serializes (shared/iiif/document);
 * this side only moves text, enforces the size limit and the encoding, and guards against overwriting a file
 * that changed on disk since it was read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { decodeDocumentBytes } from '../../../shared/iiif/document/decode';
import { describeSize, MAX_DOCUMENT_BYTES } from '../../../shared/iiif/document/limits';
import { writeFileAtomic } from './atomic-write';

export { MAX_DOCUMENT_BYTES };

export interface FileSnapshot {
  path: string;
  name: string;
  text: string;
  mtimeMs: number;
  size: number;
}

export async function readTextFile(absolutePath: string): Promise<FileSnapshot> {
  let stat;
  try {
    stat = await fs.stat(absolutePath);
  } catch {
    throw new UserFacingError('not-found', `There is no file at ${absolutePath}.`);
  }
  if (!stat.isFile()) throw new UserFacingError('not-a-file', `${absolutePath} is a folder, not a file.`);
  if (stat.size > MAX_DOCUMENT_BYTES) {
    throw new UserFacingError(
      'too-large',
      `This file is ${describeSize(stat.size)}; Tessera opens documents up to ${describeSize(MAX_DOCUMENT_BYTES)}.`,
    );
  }
  // Checked before reading so a huge file is never loaded; the decoder checks again for other callers.
  const decoded = decodeDocumentBytes(await fs.readFile(absolutePath));
  if (!decoded.ok) throw new UserFacingError(decoded.error.code, decoded.error.message);
  return {
    path: absolutePath,
    name: path.basename(absolutePath),
    text: decoded.text,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

export interface SaveRequest {
  path: string;
  text: string;
  expectedMtimeMs: number | null;
  overwrite: boolean;
}

export async function saveTextFile(absolutePath: string, request: SaveRequest) {
  const current = await fs.stat(absolutePath).catch(() => null);
  if (current && !current.isFile()) throw new UserFacingError('not-a-file', `${absolutePath} is a folder.`);
  if (current && !request.overwrite) {
    const changedOnDisk =
      request.expectedMtimeMs === null || Math.abs(current.mtimeMs - request.expectedMtimeMs) > 1;
    if (changedOnDisk) {
      throw new UserFacingError(
        'conflict',
        request.expectedMtimeMs === null
          ? `${path.basename(absolutePath)} already exists. Replace it?`
          : `${path.basename(absolutePath)} changed on disk since you opened it. Overwrite it with your version?`,
      );
    }
  }
  await fs.mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFileAtomic(absolutePath, request.text);
  const stat = await fs.stat(absolutePath);
  return { path: absolutePath, name: path.basename(absolutePath), mtimeMs: stat.mtimeMs, size: stat.size };
}

export async function listDirectory(absolutePath: string, root: string | null) {
  let dirents;
  try {
    dirents = await fs.readdir(absolutePath, { withFileTypes: true });
  } catch {
    throw new UserFacingError('not-found', `The folder ${absolutePath} cannot be read.`);
  }
  const entries = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    if (!dirent.isFile() && !dirent.isDirectory()) continue;
    const full = path.join(absolutePath, dirent.name);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) continue;
    entries.push({
      name: dirent.name,
      path: full,
      kind: dirent.isDirectory() ? ('directory' as const) : ('file' as const),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
    });
  }
  entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1,
  );
  const parent = path.dirname(absolutePath);
  const atRoot = root !== null && path.resolve(absolutePath) === path.resolve(root);
  return { path: absolutePath, parent: atRoot || parent === absolutePath ? null : parent, entries };
}
