import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// TESSERA_DIST builds elsewhere than dist/ (so parallel builds, e.g. several test runs, do not clobber each other).
const dist = path.resolve(process.env['TESSERA_DIST'] ?? 'dist');

// The renderer is served from app://tessera/ in Electron and http://127.0.0.1:PORT/ by the web host: both are
// origins with the app at the root, so absolute asset paths work in each.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  resolve: {
    // Parts of sanitize-html's dependencies that it never calls here (see each shim's comment for why).
    alias: [
      { find: /^htmlparser2$/, replacement: path.resolve('build/renderer-shims/htmlparser2-parser.mjs') },
      { find: /^postcss$/, replacement: path.resolve('build/renderer-shims/postcss-unused.mjs') },
    ],
  },
  // The background worker is started with { type: 'module' } (features/background/background-work.ts).
  worker: { format: 'es' },
  build: {
    outDir: path.join(dist, 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Mirador's and Clover's chunks (about 1.7 MB each) load only when chosen in the preview.
    chunkSizeWarningLimit: 1800,
  },
});
