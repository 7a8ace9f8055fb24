// `npm start` (after the build): the desktop app, or, where no Electron binary can be had (offline machines,
// ELECTRON_SKIP_BINARY_DOWNLOAD=1), the same app served by the web host in the system browser. A missing binary
// is first fetched once by Electron's own installer. `npm start -- FILE` opens FILE in either; a relative FILE
// is relative to the folder npm was run in (INIT_CWD), not to the package folder npm runs scripts in.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const cwd = process.env.INIT_CWD || process.cwd();
const { binary, reason } = await ensureElectronBinary(root);

// Both run in the user's folder: Electron's main and the web host resolve a relative FILE against it.
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit', cwd })
  : (process.stdout.write(`Electron cannot run here (${reason}): serving Tessera to your browser instead.\n`),
    spawn(process.execPath, [path.join(root, 'dist/host/web.js'), '--open', ...args], {
      stdio: 'inherit',
      cwd,
    }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
