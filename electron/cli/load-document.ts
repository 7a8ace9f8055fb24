/**
 * Reading a document named on the command line: file or stdin -> bytes -> text -> document, with every failure
 * turned into one sentence for stderr. Shared by the commands (through load-input.ts) so they refuse alike.
 */
import type { ReadSuccess } from '../../shared/iiif/document';
import {
  MAX_DOCUMENT_BYTES,
  decodeDocumentBytes,
  readDocument,
  type DecodeOptions,
} from '../../shared/iiif/document';
import { describeSize } from '../../shared/iiif/document/limits';
import type { CliIo } from './cli-io';

export type LoadResult =
  | {
      readonly ok: true;
      readonly read: ReadSuccess;
      /** The decoded text, as written: what only the text shows (duplicate keys, number spellings) is there. */
      readonly text: string;
    }
  | { readonly ok: false; readonly message: string };

/** The help line of the `--encoding` option, for the commands that read documents. */
export const ENCODING_HELP =
  '  --encoding windows-1252   read a file that is not UTF-8 as Windows-1252 (Western European)';

/**
 * `--encoding NAME` → decode options, or a sentence refusing the name. Only Windows-1252 is offered: UTF-8 and
 * UTF-16 are recognised without being named, and Latin-1's printable characters are Windows-1252's.
 */
export function encodingOption(name: string | undefined): DecodeOptions | string {
  if (name === undefined) return {};
  const normalised = name.trim().toLowerCase();
  if (['windows-1252', 'cp1252', 'latin-1', 'latin1', 'iso-8859-1'].includes(normalised))
    return { encoding: 'windows-1252' };
  return `unknown encoding "${name}": the only one that can be named is windows-1252 (UTF-8 and UTF-16 are recognised without it)`;
}

/** Loads `source` (a path, or "-" for standard input). */
export async function loadDocument(
  source: string,
  io: CliIo,
  options: DecodeOptions = {},
): Promise<LoadResult> {
  const decoded = await loadText(source, io, options);
  if (!decoded.ok) return decoded;
  const read = readDocument(decoded.text);
  if (!read.ok) return { ok: false, message: `${displayName(source)}: ${read.error.message}` };
  return { ok: true, read, text: decoded.text };
}

/** The text of `source` (a path, or "-" for standard input), decoded, before it is read as a document. */
export async function loadText(
  source: string,
  io: CliIo,
  options: DecodeOptions = {},
): Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }> {
  let bytes: Uint8Array;
  try {
    if (source === '-') {
      if (!io.readStdin) return { ok: false, message: 'standard input is not available here' };
      bytes = await io.readStdin();
    } else bytes = await io.readFile(source);
  } catch (error) {
    return { ok: false, message: describeFsError(error, displayName(source)) };
  }
  const decoded = decodeDocumentBytes(bytes, MAX_DOCUMENT_BYTES, options);
  if (!decoded.ok) {
    const hint = decoded.error.code === 'single-byte' ? ' To read it so, add --encoding windows-1252.' : '';
    return { ok: false, message: `${displayName(source)}: ${decoded.error.message}${hint}` };
  }
  return { ok: true, text: decoded.text };
}

export function displayName(source: string): string {
  return source === '-' ? 'standard input' : source;
}

/** One sentence for a Node fs error, without the stack or the syscall jargon. */
export function describeFsError(error: unknown, path: string, action: 'read' | 'write' = 'read'): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? `${path}: no such file` : `${path}: its folder does not exist`;
    case 'EISDIR':
      return `${path}: is a folder, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    case 'ENOTDIR':
      return `${path}: a part of the path is not a folder`;
    case 'ENOTREGULAR':
      return `${path}: is not a regular file (a pipe, a device or a socket), so it is not read`;
    case 'EFBIG': {
      const size = (error as { size?: unknown }).size;
      const what = typeof size === 'number' ? `is ${describeSize(size)}` : 'is too large';
      return `${path} ${what}; Tessera reads documents up to ${describeSize(MAX_DOCUMENT_BYTES)}`;
    }
    case 'ETIMEDOUT':
      return `${path}: reading it took too long (a slow or disconnected drive?)`;
    default:
      return `${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
