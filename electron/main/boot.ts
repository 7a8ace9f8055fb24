/**
 * The entry Electron starts (package.json "main"): turns on the compile cache before the rest of main is
 * loaded, since Node caches only what it compiles after that call, then loads main (shell.cjs beside this file).
 */
import { app } from 'electron';
import nodeModule from 'node:module';
import path from 'node:path';
import { enableMainCodeCache } from './code-cache';

enableMainCodeCache(nodeModule, app.getPath('userData'), process.env);
// A computed path, so esbuild leaves the require to run time instead of bundling main into this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.join(__dirname, 'shell.cjs'));
