/** Copies the static tile folders of local images into a publication being written. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RECORD_FILE } from '../../../shared/iiif/publish/publication-record';
import { UserFacingError } from '../../../shared/ipc/result';
import { rewriteInfoJsonId } from '../static/level0-info';

export interface TileFolder {
  /** A folder of static level-0 tiles, with its info.json. */
  readonly sourceDir: string;
  /** Where it goes, relative to the Manifest's folder in the publication; normally `images/<name>`. */
  readonly destRelPath: string;
}

/** The destination inside `root`, refusing paths that would escape it or overwrite the published documents. */
export function tileDestination(root: string, destRelPath: string): string {
  const normalised = path.posix.normalize(destRelPath.replace(/\\/g, '/'));
  if (
    normalised === '' ||
    normalised === '.' ||
    path.posix.isAbsolute(normalised) ||
    /^[A-Za-z]:/.test(normalised) ||
    normalised === '..' ||
    normalised.startsWith('../') ||
    ['manifest.json', 'collection.json', RECORD_FILE].includes(normalised)
  ) {
    throw new UserFacingError(
      'invalid-tile-path',
      `"${destRelPath}" is not a folder inside the publication.`,
    );
  }
  return path.join(root, ...normalised.split('/'));
}

/**
 * Copies each tile folder to `root/destRelPath`. A viewer builds tile URLs from the `id` inside info.json, so
 * the copy's info.json gets the address it will be published at: `${publicBase}/${destRelPath}`.
 */
export async function copyTileFolders(
  root: string,
  folders: readonly TileFolder[],
  publicBase: string,
): Promise<string[]> {
  const copied: string[] = [];
  for (const folder of folders) {
    const destination = tileDestination(root, folder.destRelPath);
    const stat = await fs.stat(folder.sourceDir).catch(() => null);
    if (stat === null || !stat.isDirectory()) {
      throw new UserFacingError(
        'tiles-missing',
        `The image tiles folder ${folder.sourceDir} does not exist.`,
      );
    }
    await fs.mkdir(path.dirname(destination), { recursive: true });
    await fs.cp(folder.sourceDir, destination, { recursive: true, errorOnExist: true, force: false });
    const relative = path.relative(root, destination).split(path.sep).join('/');
    await publishInfoJson(path.join(destination, 'info.json'), `${publicBase}/${relative}`);
    copied.push(relative);
  }
  return copied;
}

async function publishInfoJson(file: string, serviceUrl: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await fs.writeFile(file, rewriteInfoJsonId(text, serviceUrl));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new UserFacingError(
        'tiles-invalid',
        `${file} is not valid JSON, so its image cannot be published.`,
      );
    }
    throw error;
  }
}
