/**
 * Atomic file replacement: write a temporary file in the same folder, flush it to disk, then rename it over the
 * target. A rename within one folder is atomic on every platform we ship to, so a reader (or a crash) sees either
 * the old file or the new one, never a truncated one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** `.<name>.<12 hex>.tmp`: the temporary file of a save (below); only such names are ever cleaned up. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A temporary file younger than this may belong to a save in progress (another window, another instance). */
const SETTLED_MS = 10 * 60 * 1000;

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    // Keep the permissions of the file we replace, so saving never widens or narrows access.
    const previous = await fs.stat(target).catch(() => null);
    if (previous) await fs.chmod(temp, previous.mode & 0o777);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Flushes the folder entry so the rename itself survives a power cut (no-op where unsupported). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/**
 * Removes the temporary files that saves killed half-way left in `dir` (a kill -9 during a large save leaves its
 * whole text behind, hidden: 74 MB after three). Only regular files named as writeFileAtomic names them, and
 * older than a save can take, so a save running elsewhere is never disturbed. Returns how many were removed.
 * Run on the data folder at start, and on a document's folder (for that document only) when it is opened.
 */
export async function removeInterruptedSaves(
  dir: string,
  options: { readonly now?: number; readonly of?: string } = {},
): Promise<number> {
  const now = options.now ?? Date.now();
  // With `of`, only the temporary files of saves of that one file (a user's folder holds other people's files).
  const prefix = options.of === undefined ? '' : `.${options.of}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!TEMP_NAME.test(name) || !name.startsWith(prefix)) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => null);
    if (!stat?.isFile() || now - stat.mtimeMs < SETTLED_MS) continue;
    await fs.rm(file, { force: true }).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}
