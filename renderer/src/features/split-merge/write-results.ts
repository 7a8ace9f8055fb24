/**
 * Writing the results of a split or merge through the contract, and the folder they go to by default: beside
 * the open file when it has one, else in the workspace.
 */
import { api, isElectron } from '../../api';

export type WriteOutcome =
  | { readonly kind: 'written'; readonly folder: string; readonly count: number }
  | { readonly kind: 'exists'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export async function writeResults(
  folder: string,
  files: readonly { name: string; text: string }[],
  overwrite: boolean,
): Promise<WriteOutcome> {
  const result = await api.writeFilesInFolder({ folder: folder.trim(), files: [...files], overwrite });
  if (result.ok) return { kind: 'written', folder: result.value.folder, count: result.value.paths.length };
  return result.error.code === 'conflict'
    ? { kind: 'exists', message: result.error.message }
    : { kind: 'failed', message: result.error.message };
}

/**
 * `<folder of the open file>/<name>`, or `<name>` (inside the workspace) for a document not read from a file. In
 * the desktop app, nothing: it writes only into a folder the user chose in its dialog.
 */
export function defaultFolder(openPath: string | null, name: string): string {
  if (isElectron) return '';
  if (openPath === null) return name;
  const separator = openPath.includes('\\') && !openPath.includes('/') ? '\\' : '/';
  const cut = Math.max(openPath.lastIndexOf('/'), openPath.lastIndexOf('\\'));
  return cut < 0 ? name : `${openPath.slice(0, cut)}${separator}${name}`;
}

export async function chooseFolder(): Promise<string | null> {
  const result = await api.showFolderDialog({});
  return result.ok && result.value.supported ? result.value.path : null;
}
