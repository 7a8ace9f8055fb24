/**
 * Replaces an output folder as a whole: the new content is written into a temporary sibling folder, then
 * swapped into place with renames in the same parent (so on the same file system). A failure while writing
 * leaves the previous publication untouched; readers see the old folder or the new one, never a half-written
 * mix. (Two renames are needed because no portable call exchanges folders; the gap between them is a moment
 * in which the folder is absent, never one in which it is incomplete.)
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';

/**
 * Written into every publication: its presence, and nothing less, shows that a folder holds an earlier
 * publication and may be replaced as a whole. A manifest.json alone does not: a curator's own working folder
 * often holds one, beside files publishing would delete.
 */
export const PUBLICATION_MARKER = '.tessera-publication';
const MARKER_TEXT = 'Published by Tessera. The next publication into this folder replaces it as a whole.\n';

export async function replaceFolder(
  target: string,
  populate: (folder: string) => Promise<void>,
): Promise<void> {
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  const name = path.basename(resolved);
  await assertReplaceable(resolved);
  await fs.mkdir(parent, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const temp = path.join(parent, `.${name}.publishing-${suffix}`);
  await fs.mkdir(temp);
  try {
    await populate(temp);
    const marker = await fs.open(path.join(temp, PUBLICATION_MARKER), 'w');
    try {
      await marker.writeFile(MARKER_TEXT);
      await marker.sync();
    } finally {
      await marker.close();
    }
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
  const previous = path.join(parent, `.${name}.previous-${suffix}`);
  let movedAside = false;
  try {
    try {
      await fs.rename(resolved, previous);
      movedAside = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await fs.rename(temp, resolved);
  } catch (error) {
    if (movedAside) await fs.rename(previous, resolved).catch(() => undefined);
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (movedAside) await fs.rm(previous, { recursive: true, force: true });
}

/**
 * Publishing deletes what the output folder held before, so it only replaces an empty folder or an earlier
 * publication: a mistyped --out pointing at a home folder must not be wiped.
 */
async function assertReplaceable(folder: string): Promise<void> {
  const stat = await fs.stat(folder).catch(() => null);
  if (stat === null) return;
  if (!stat.isDirectory()) {
    throw new UserFacingError('out-not-folder', `${folder} exists and is not a folder.`);
  }
  const entries = await fs.readdir(folder);
  if (entries.length === 0 || entries.includes(PUBLICATION_MARKER)) return;
  throw new UserFacingError(
    'out-not-publication',
    `${folder} is not empty and is not an earlier publication by Tessera (it has no ${PUBLICATION_MARKER} file), so publishing would delete what it holds; choose an empty or new folder.`,
  );
}
