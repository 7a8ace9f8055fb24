// Finds the installed Electron binary without loading the `electron` package. The package has no postinstall:
// its binary is fetched by its own installer (node_modules/electron/install.js, also `npx install-electron`),
// which records the binary's name in path.txt; offline, or with ELECTRON_SKIP_BINARY_DOWNLOAD=1, there is none.
// ELECTRON_OVERRIDE_DIST_PATH points at another build.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function electronPackageDir(fromDir) {
  try {
    return path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary's path, or null with the reason it cannot be used. */
export function findElectronBinary(fromDir = process.cwd(), env = process.env) {
  const dir = electronPackageDir(fromDir);
  if (!dir) return { binary: null, reason: 'the electron package is not installed' };
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

/**
 * The binary, after running Electron's own installer once where the package is there but its binary is not
 * (the first `npm start` on a machine with internet). The installer gets `timeoutMs`: offline it fails fast, and
 * a network that swallows packets must not hold `npm start` for long. Says what it does through `say`.
 */
export async function ensureElectronBinary(
  fromDir = process.cwd(),
  { env = process.env, timeoutMs = 60_000, say = (line) => process.stdout.write(`${line}\n`) } = {},
) {
  const found = findElectronBinary(fromDir, env);
  const dir = electronPackageDir(fromDir);
  const installer = dir ? path.join(dir, 'install.js') : null;
  if (found.binary || env.ELECTRON_OVERRIDE_DIST_PATH || env.ELECTRON_SKIP_BINARY_DOWNLOAD || !installer)
    return found;
  if (!existsSync(installer)) return found;
  say(`Electron's binary is not installed yet: downloading it (at most ${Math.round(timeoutMs / 1000)} s)…`);
  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: dir, env, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve('timed out');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : `exit ${code}`);
    });
  });
  const after = findElectronBinary(fromDir, env);
  if (after.binary || outcome === null) return after;
  return { binary: null, reason: `its binary could not be downloaded: ${outcome}` };
}
