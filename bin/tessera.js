#!/usr/bin/env node
// The `tessera` command: runs the bundled CLI (dist/cli/tessera.js, made by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/tessera.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'tessera: the CLI is not built yet. Run `npm run build` in the Tessera folder first.\n',
  );
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
