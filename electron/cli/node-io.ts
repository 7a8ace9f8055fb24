/** The real CliIo: process streams and the file system. */
import { promises as fs } from 'node:fs';
import { MAX_DOCUMENT_BYTES, describeSize } from '../../shared/iiif/document/limits';
import { writeFileAtomic } from '../services/files/atomic-write';
import { readBounded, type BoundedRead } from '../services/files/bounded-read';
import type { CliIo } from './cli-io';

/** A refused read, with a code describeFsError knows (Node's own codes where one fits). */
export class CliReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly size?: number,
  ) {
    super(message);
  }
}

const READ_CODES: Record<Exclude<BoundedRead, { ok: true }>['reason'], string> = {
  missing: 'ENOENT',
  folder: 'EISDIR',
  'not-a-file': 'ENOTREGULAR',
  'too-large': 'EFBIG',
  timeout: 'ETIMEDOUT',
  unreadable: 'EIO',
};

/**
 * A file's bytes, read the way the app reads documents (bounded-read.ts): a FIFO, /dev/zero or a device is
 * refused before any byte is read, a file past the document limit is refused by its size, not after loading it.
 */
export async function readFileBounded(path: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<Uint8Array> {
  const read = await readBounded(path, { maxBytes, timeoutMs: 60_000 });
  if (read.ok) return read.bytes;
  const code = read.reason === 'unreadable' && read.code ? read.code : READ_CODES[read.reason];
  throw new CliReadError(code, `${path}: ${read.reason}`, read.size);
}

/** All of a stream, refused as soon as it passes `maxBytes` (stdin may be /dev/zero or a 10 GB pipe). */
export async function readAllBounded(
  stream: NodeJS.ReadableStream,
  maxBytes = MAX_DOCUMENT_BYTES,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (total > maxBytes)
      throw new CliReadError('EFBIG', `standard input is larger than ${describeSize(maxBytes)}`, total);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFileBounded(path),
    writeFile: (path, text) => writeFileAtomic(path, text),
    makeFolder: async (path) => void (await fs.mkdir(path, { recursive: true })),
    readStdin: () => readAllBounded(process.stdin),
  };
}
