import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://tessera/ in Electron and http://127.0.0.1:PORT/ by the web host: both are
// origins with the app at the root, so absolute asset paths work in each.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
