/**
 * Where Tessera keeps its own data (autosaves, recent files, remote cache) when no Electron `app.getPath`
 * exists: the web host and the CLI. TESSERA_DATA_DIR overrides, so tests and CI use throwaway folders.
 */
import os from 'node:os';
import path from 'node:path';
import { removeInterruptedSaves } from './files/atomic-write';

export function defaultDataDir(): string {
  if (process.env['TESSERA_DATA_DIR']) return path.resolve(process.env['TESSERA_DATA_DIR']);
  if (process.platform === 'win32' && process.env['APPDATA'])
    return path.join(process.env['APPDATA'], 'Tessera');
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'Tessera');
  const base = process.env['XDG_DATA_HOME'] ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'tessera');
}

export function defaultWorkspace(): string {
  return path.join(os.homedir(), 'Tessera');
}

export function dataPaths(dataDir: string) {
  return {
    root: dataDir,
    autosave: path.join(dataDir, 'autosave'),
    recent: path.join(dataDir, 'recent-files.json'),
    cache: path.join(dataDir, 'cache'),
  };
}

/** At start: the data folder and its autosave folder lose the temporary files of saves that were killed. */
export async function cleanDataFolder(paths: ReturnType<typeof dataPaths>): Promise<void> {
  await Promise.all([removeInterruptedSaves(paths.root), removeInterruptedSaves(paths.autosave)]);
}
