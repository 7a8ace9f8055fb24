/**
 * HTTP Range requests for the files the page's own origin serves (local images and, above all, local audio and
 * video): a media element seeks by asking for `Range: bytes=…`, and without a 206 answer Chromium cannot seek
 * in a local recording. One place for the web host and Electron's app:// alike (RFC 9110 §14).
 */
import { promises as fs } from 'node:fs';

/** What a Range header asks of a file of `size` bytes. */
export type ByteRange =
  | { readonly kind: 'whole' }
  | { readonly kind: 'part'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

/**
 * Reads one `bytes=` range (`a-b`, `a-`, `-n`) against `size`. No header, another unit, several ranges or a
 * malformed one: the whole file (a server may ignore Range, and a 200 is always understood). A range that
 * starts past the end, or an empty suffix: unsatisfiable (416).
 */
export function parseByteRange(header: string | undefined | null, size: number): ByteRange {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  // `5-1` is not a range at all (ignored); `2000-` of 1000 bytes is one that cannot be met.
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** A file served with Range support: status, the range headers, and the bytes asked for. */
export interface RangedFile {
  readonly status: 200 | 206 | 416;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * The answer for a GET of `file` (of `size` bytes) with the request's Range header: 200 and the whole file,
 * 206 and only the bytes asked for (read from that offset, not the whole file), or 416. Each says it accepts
 * byte ranges, so a media element knows it may seek.
 */
export async function readFileRange(
  file: string,
  size: number,
  range: string | undefined,
): Promise<RangedFile> {
  const asked = parseByteRange(range, size);
  if (asked.kind === 'unsatisfiable')
    return {
      status: 416,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` },
      body: Buffer.alloc(0),
    };
  if (asked.kind === 'whole')
    return { status: 200, headers: { 'Accept-Ranges': 'bytes' }, body: await fs.readFile(file) };
  const length = asked.end - asked.start + 1;
  const body = Buffer.alloc(length);
  const handle = await fs.open(file, 'r');
  try {
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(body, read, length - read, asked.start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return {
      status: 206,
      headers: {
        'Accept-Ranges': 'bytes',
        'Content-Range': `bytes ${asked.start}-${asked.start + read - 1}/${size}`,
      },
      body: body.subarray(0, read),
    };
  } finally {
    await handle.close();
  }
}
