/**
 * Node's compile cache for the main process (V8 code cache on disk): main's bundle is compiled once, and later
 * launches read the compiled code instead of parsing and compiling it again. Pure (the module API is passed
 * in) so the unit test checks where the cache goes and when it is left off.
 */
import path from 'node:path';

/** The folder in the user data folder; Electron's own renderer "Code Cache" sits beside it. */
export const CODE_CACHE_FOLDER = 'code-cache';

/** The part of node:module used (Node ≥ 22.1; Electron 45 has it). */
export interface CompileCacheApi {
  enableCompileCache?(directory: string): { status: number; message?: string; directory?: string };
}

/**
 * Turns the cache on in `<userData>/code-cache`. Not for AppImage: each launch mounts the app at a new path, and
 * the cache is keyed by file path, so every launch would add entries and none would be read again.
 */
export function enableMainCodeCache(
  api: CompileCacheApi,
  userData: string,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  if (env['APPIMAGE'] || !api.enableCompileCache) return null;
  const directory = path.join(userData, CODE_CACHE_FOLDER);
  const result = api.enableCompileCache(directory);
  return result.directory ?? directory;
}
