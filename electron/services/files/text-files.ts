/**
 * Reading and saving the documents the user edits. The renderer parses and serializes (shared/iiif/document);
 * this side only moves text, enforces the size limit and the encoding, and guards against overwriting a file
 * that changed on disk since it was read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { writeFileAtomic } from './atomic-write';

/** Documents larger than this are refused on open: 10k-canvas manifests are ~13 MB, real ones far smaller. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface FileSnapshot {
  path: string;
  name: string;
  text: string;
  mtimeMs: number;
  size: number;
}

/** Decodes document bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
export function decodeDocumentBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // Keep a UTF-8 BOM in the text: the document layer records it so saving writes it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserFacingError(
      'encoding',
      'This file is not readable text: it is not valid UTF-8 or UTF-16. Save it as UTF-8 and try again.',
    );
  }
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
    const mb = (stat.size / 1024 / 1024).toFixed(1);
    throw new UserFacingError(
      'too-large',
      `This file is ${mb} MB; Tessera opens documents up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const bytes = await fs.readFile(absolutePath);
  return {
    path: absolutePath,
    name: path.basename(absolutePath),
    text: decodeDocumentBytes(bytes),
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
    const changedOnDisk = request.expectedMtimeMs === null || Math.abs(current.mtimeMs - request.expectedMtimeMs) > 1;
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
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
  const parent = path.dirname(absolutePath);
  const atRoot = root !== null && path.resolve(absolutePath) === path.resolve(root);
  return { path: absolutePath, parent: atRoot || parent === absolutePath ? null : parent, entries };
}
