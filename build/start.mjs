// `npm start` (after the build): the desktop app, or, where no Electron binary could be installed (offline
// machines, ELECTRON_SKIP_BINARY_DOWNLOAD=1), the same app served by the web host in the system browser.
// `npm start -- FILE` opens FILE in either.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const { binary, reason } = findElectronBinary(root);

const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (process.stdout.write(`Electron cannot run here (${reason}): serving Tessera to your browser instead.\n`),
    spawn(process.execPath, [path.join(root, 'dist/host/web.js'), '--open', ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
