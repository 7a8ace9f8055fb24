/**
 * Runs the real bundled Electron main (dist/electron/main.cjs) in this Node process with `require('electron')`
 * answered by the stand-in, as Electron's own module loader answers it inside the app. Only that one name is
 * redirected, and only while main.cjs loads (esbuild hoists every require of 'electron' to the bundle's top).
 */
import Module from 'node:module';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ElectronStandIn } from './electron-stand-in';

const requireHere = createRequire(__filename);

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Loads main as `electron . ...args` would start it. `platform` makes process.platform read as another OS once
 * main is loaded (main decides macOS behaviour once ready and at event time), until the returned function
 * restores it.
 */
export function loadMain(
  dist: string,
  standIn: ElectronStandIn,
  launch: { args?: string[]; cwd?: string; platform?: NodeJS.Platform } = {},
): () => void {
  const entry = path.join(dist, 'electron/main.cjs');
  const moduleInternals = Module as unknown as { _load: Load };
  const originalLoad = moduleInternals._load;
  const originalArgv = process.argv;
  const processWithDefaultApp = process as NodeJS.Process & { defaultApp?: boolean };
  const originalDefaultApp = processWithDefaultApp.defaultApp;
  const originalCwd = process.cwd();
  moduleInternals._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return standIn.electron;
    return originalLoad.call(this, request, parent, isMain);
  };
  // As `electron . FILE` starts it (docs: process.defaultApp is true when started as a parameter to the
  // default app): argv is [electron, app folder, ...user arguments].
  process.argv = ['/usr/lib/electron/electron', path.dirname(dist), ...(launch.args ?? [])];
  processWithDefaultApp.defaultApp = true;
  if (launch.cwd) process.chdir(launch.cwd);
  const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform');
  const restorePlatform = () => {
    if (realPlatform) Object.defineProperty(process, 'platform', realPlatform);
  };
  try {
    // main.cjs loads shell.cjs (the rest of main): both must run again for each launch.
    for (const file of [entry, path.join(dist, 'electron/shell.cjs')]) delete requireHere.cache[file];
    requireHere(entry);
  } finally {
    moduleInternals._load = originalLoad;
    process.argv = originalArgv;
    processWithDefaultApp.defaultApp = originalDefaultApp;
    if (launch.cwd) process.chdir(originalCwd);
  }
  // Only once the modules are loaded: native ones (sharp) pick their binary by the real platform.
  if (launch.platform)
    Object.defineProperty(process, 'platform', { value: launch.platform, configurable: true });
  return restorePlatform;
}
