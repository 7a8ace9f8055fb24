/**
 * Reading a file the user or another program may have replaced with something that is not a file. A FIFO (or a
 * device) blocks a plain `readFile` forever, and every such read holds one of libuv's four I/O threads, so a
 * few of them stall all file work of the process. Here the file is opened non-blocking, checked to be a
 * regular file on the open handle itself (no gap between a check and the read for anything to be swapped
 * in), refused past a size limit before any byte is read, and given up after a timeout.
 */
import { constants, promises as fs } from 'node:fs';

export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly size: number; readonly mtimeMs: number }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'folder' | 'not-a-file' | 'too-large' | 'timeout' | 'unreadable';
      readonly size?: number;
      readonly code?: string;
    };

export interface BoundedReadOptions {
  readonly maxBytes: number;
  /** Default 10 s: a local disk answers in milliseconds; a stalled network share should not hold us longer. */
  readonly timeoutMs?: number;
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it changes nothing for
// regular files. Windows has neither FIFOs of this kind nor the flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readBounded(file: string, options: BoundedReadOptions): Promise<BoundedRead> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<BoundedRead>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), options.timeoutMs ?? 10_000);
  });
  const signal = { aborted: false };
  try {
    // The read itself cannot be interrupted inside the OS; the caller stops waiting for it, and the loop
    // below stops at its next chunk.
    return await Promise.race([readOpen(file, options.maxBytes, signal), timeout]);
  } finally {
    signal.aborted = true;
    clearTimeout(timer);
  }
}

async function readOpen(file: string, maxBytes: number, signal: { aborted: boolean }): Promise<BoundedRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', code };
    if (code === 'EISDIR') return { ok: false, reason: 'folder', code };
    return { ok: false, reason: 'unreadable', ...(code ? { code } : {}) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, reason: 'folder' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    // Read at most one byte past the limit, so a file that grows while being read is caught without loading it.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      if (signal.aborted) return { ok: false, reason: 'timeout' };
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { ok: false, reason: 'too-large', size: filled };
    return { ok: true, bytes: buffer.subarray(0, filled), size: filled, mtimeMs: stat.mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'unreadable', ...(code ? { code } : {}) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
