// Bundles the Node-side entry points with esbuild. Electron main and the preload are CommonJS (a sandboxed
// preload cannot be an ES module); the web host and the CLI are ES modules run by plain Node.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

// TESSERA_DIST builds elsewhere than dist/ (parallel builds must not clobber each other).
const dist = path.resolve(process.env.TESSERA_DIST ?? 'dist');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // sharp loads a native addon; electron is provided by the runtime; tesseract.js runs its worker threads from
  // its own files (dist/ocr/ocr-worker.cjs requires them), so it is loaded from node_modules, not bundled.
  external: ['electron', 'sharp', 'tesseract.js'],
};
const esmBanner = {
  js: "import { createRequire as __tesseraRequire } from 'node:module'; const require = __tesseraRequire(import.meta.url);",
};

const targets = [
  // main.cjs only turns the compile cache on, then loads shell.cjs (the rest of main), so that is cached.
  { entryPoints: ['electron/main/boot.ts'], outfile: path.join(dist, 'electron/main.cjs'), format: 'cjs' },
  { entryPoints: ['electron/main/main.ts'], outfile: path.join(dist, 'electron/shell.cjs'), format: 'cjs' },
  {
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(dist, 'electron/preload.cjs'),
    format: 'cjs',
  },
  {
    entryPoints: ['electron/host/web-main.ts'],
    outfile: path.join(dist, 'host/web.js'),
    format: 'esm',
    banner: esmBanner,
  },
  {
    entryPoints: ['electron/cli/tessera.ts'],
    outfile: path.join(dist, 'cli/tessera.js'),
    format: 'esm',
    banner: esmBanner,
  },
];

await Promise.all(targets.filter((t) => existsSync(t.entryPoints[0])).map((t) => build({ ...common, ...t })));

// The OCR worker thread's script: plain CommonJS, used as written (electron/services/ocr/ocr-files.ts finds it).
mkdirSync(path.join(dist, 'ocr'), { recursive: true });
copyFileSync('electron/services/ocr/ocr-worker.cjs', path.join(dist, 'ocr/ocr-worker.cjs'));
