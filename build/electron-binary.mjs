// Finds the installed Electron binary without loading the `electron` package: requiring it tries to download a
// missing binary (its postinstall is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or fails offline). The
// postinstall records the binary's name in path.txt; ELECTRON_OVERRIDE_DIST_PATH points at another build.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The binary's path, or null with the reason it cannot be used. */
export function findElectronBinary(fromDir = process.cwd(), env = process.env) {
  let dir;
  try {
    dir = path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { binary: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(candidate)
      ? { binary: candidate, reason: null }
      : { binary: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${name || 'electron'}` };
  }
  if (!name) return { binary: null, reason: 'its binary was not downloaded' };
  const binary = path.join(dir, 'dist', name);
  return existsSync(binary) ? { binary, reason: null } : { binary: null, reason: `${binary} is missing` };
}
