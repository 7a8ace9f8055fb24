/**
 * The CLI's cache folder (issue 20 item 12): in the user's own cache folder, private to them, never in the
 * shared temporary folder where another account could create it first and plant entries (an info.json the
 * CLI would then trust as an offline copy).
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the platform keeps per-user caches: XDG on Linux and BSDs, ~/Library/Caches, %LOCALAPPDATA%. */
export function userCacheRoot(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return env['LOCALAPPDATA'] || path.join(home, 'AppData', 'Local');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches');
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env['XDG_CACHE_HOME'];
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
}

/**
 * The CLI's cache folder, created with mode 0700 (and made 0700 if it existed wider). Throws when the folder
 * belongs to someone else: its entries could not be trusted.
 */
export function cliCacheDir(root: string = userCacheRoot()): string {
  const dir = path.join(root, 'tessera', 'cli-cache');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    const owner = statSync(dir).uid;
    if (typeof process.getuid === 'function' && owner !== process.getuid()) {
      throw new Error(`the cache folder ${dir} belongs to another user; remove it or set XDG_CACHE_HOME`);
    }
    chmodSync(dir, 0o700);
  }
  return dir;
}
