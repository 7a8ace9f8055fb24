/**
 * Reading and saving the documents the user edits. The renderer parses and serializes (shared/iiif/document);
 * this side only moves text, enforces the size limit and the encoding, and guards the file on disk: it never
 * replaces a read-only file, one that changed since it was read (time, size or content), or one the disk has
 * no room to replace.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { decodeDocumentBytes, type DecodeOptions } from '../../../shared/iiif/document/decode';
import { describeSize, MAX_DOCUMENT_BYTES } from '../../../shared/iiif/document/limits';
import { writeFileAtomic } from './atomic-write';
import { readBounded } from './bounded-read';
import { describeFileError } from './file-errors';

export { MAX_DOCUMENT_BYTES };

export interface FileSnapshot {
  path: string;
  name: string;
  text: string;
  mtimeMs: number;
  size: number;
  /** SHA-256 of the bytes as read: the content check of a later save. */
  hash: string;
}

const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** `options.encoding`: the user chose to open a likely Windows-1252 file as such (decode.ts). */
export async function readTextFile(absolutePath: string, options: DecodeOptions = {}): Promise<FileSnapshot> {
  const name = path.basename(absolutePath);
  const read = await readBounded(absolutePath, { maxBytes: MAX_DOCUMENT_BYTES });
  if (!read.ok) {
    switch (read.reason) {
      case 'missing':
        throw new UserFacingError('not-found', `There is no file at ${absolutePath}.`);
      case 'folder':
        throw new UserFacingError('not-a-file', `${absolutePath} is a folder, not a file.`);
      case 'not-a-file':
        throw new UserFacingError(
          'not-a-file',
          `${absolutePath} is not a regular file (it is a pipe, a device or a socket), so Tessera does not read it.`,
        );
      case 'too-large':
        throw new UserFacingError(
          'too-large',
          `${name} is ${describeSize(read.size ?? 0)}; Tessera opens documents up to ${describeSize(MAX_DOCUMENT_BYTES)}.`,
        );
      case 'timeout':
        throw new UserFacingError(
          'timeout',
          `Reading ${absolutePath} took too long (a slow or disconnected drive?). Try again when it answers.`,
        );
      case 'unreadable':
        throw new UserFacingError('unreadable', describeFileError(read.code, 'read', absolutePath));
    }
  }
  const decoded = decodeDocumentBytes(read.bytes, MAX_DOCUMENT_BYTES, options);
  if (!decoded.ok) throw new UserFacingError(decoded.error.code, decoded.error.message);
  return {
    path: absolutePath,
    name,
    text: decoded.text,
    mtimeMs: read.mtimeMs,
    size: read.size,
    hash: hashOf(read.bytes),
  };
}

export interface SaveRequest {
  path: string;
  text: string;
  expectedMtimeMs: number | null;
  /** Size and hash seen when the file was opened or last saved; absent from callers that predate them. */
  expectedSize?: number | null | undefined;
  expectedHash?: string | null | undefined;
  overwrite: boolean;
}

/** Room kept free beyond the file itself: the folder entry, the file system's own bookkeeping. */
const FREE_SPACE_MARGIN = 1024 * 1024;

export async function saveTextFile(absolutePath: string, request: SaveRequest) {
  const name = path.basename(absolutePath);
  const bytes = Buffer.byteLength(request.text, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new UserFacingError(
      'too-large',
      `${name} would be ${describeSize(bytes)}, more than the ${describeSize(MAX_DOCUMENT_BYTES)} Tessera can open again, so it was not saved. Remove canvases or split the document.`,
    );
  }
  const current = await fs.stat(absolutePath).catch(() => null);
  if (current?.isDirectory())
    throw new UserFacingError('not-a-file', `${absolutePath} is a folder, not a file.`);
  if (current && !current.isFile()) {
    throw new UserFacingError(
      'not-a-file',
      `${absolutePath} is not a regular file (a pipe, a device or a socket), so Tessera does not save over it.`,
    );
  }
  if (current && (await isReadOnly(absolutePath, current.mode))) {
    // A rename over it would succeed (it needs only the folder), silently replacing a file its owner locked.
    throw new UserFacingError(
      'read-only',
      `${name} is read-only, so Tessera did not replace it. Save a copy with Save As, or make the file writable and save again.`,
    );
  }
  if (current && !request.overwrite && (await changedOnDisk(absolutePath, current, request))) {
    throw new UserFacingError(
      'conflict',
      request.expectedMtimeMs === null
        ? `${name} already exists. Replace it?`
        : `${name} changed on disk since you opened it. Overwrite it with your version?`,
    );
  }
  const folder = path.dirname(absolutePath);
  try {
    await fs.mkdir(folder, { recursive: true });
    await checkFreeSpace(folder, name, bytes);
    await writeFileAtomic(absolutePath, request.text);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      'save-failed',
      describeFileError((error as NodeJS.ErrnoException).code, 'save', absolutePath),
    );
  }
  const stat = await fs.stat(absolutePath);
  return { path: absolutePath, name, mtimeMs: stat.mtimeMs, size: stat.size, hash: hashOf(request.text) };
}

async function isReadOnly(file: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return true; // no one may write it, root included by intent
  return fs.access(file, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/** Time alone misses a change within the file system's time resolution, or one that restored the time. */
async function changedOnDisk(file: string, current: { mtimeMs: number; size: number }, request: SaveRequest) {
  if (request.expectedMtimeMs === null) return true;
  if (Math.abs(current.mtimeMs - request.expectedMtimeMs) > 1) return true;
  if (typeof request.expectedSize === 'number' && current.size !== request.expectedSize) return true;
  if (typeof request.expectedHash === 'string') {
    const read = await readBounded(file, { maxBytes: MAX_DOCUMENT_BYTES });
    return !read.ok || hashOf(read.bytes) !== request.expectedHash;
  }
  return false;
}

/** Refuses before anything is written, rather than failing halfway through a full disk. */
async function checkFreeSpace(folder: string, name: string, bytes: number): Promise<void> {
  const stats = await fs.statfs(folder).catch(() => null);
  if (!stats) return; // not every file system answers; the atomic write still never truncates the file
  const free = stats.bavail * stats.bsize;
  if (free < bytes + FREE_SPACE_MARGIN) {
    throw new UserFacingError(
      'disk-full',
      `There is not enough free space in ${folder} to save ${name} (${describeSize(bytes)} needed, ${describeSize(free)} free). The file on disk was left as it was: free some space, or use Save As to save elsewhere.`,
    );
  }
}

export async function listDirectory(absolutePath: string, root: string | null) {
  const stat = await fs.stat(absolutePath).catch(() => null);
  if (stat && !stat.isDirectory()) {
    throw new UserFacingError('not-a-folder', `${absolutePath} is not a folder.`);
  }
  let dirents;
  try {
    dirents = await fs.readdir(absolutePath, { withFileTypes: true });
  } catch (error) {
    throw new UserFacingError(
      'not-found',
      describeFileError((error as NodeJS.ErrnoException).code, 'list', absolutePath),
    );
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
