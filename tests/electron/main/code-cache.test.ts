import { mkdtemp, readdir } from 'node:fs/promises';
import nodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { enableMainCodeCache } from '../../../electron/main/code-cache';

describe('the main process compile cache', () => {
  it('goes into <userData>/code-cache', () => {
    const asked: string[] = [];
    const api = {
      enableCompileCache(directory: string) {
        asked.push(directory);
        return { status: 1, directory };
      },
    };
    expect(enableMainCodeCache(api, '/home/u/.config/Tessera', {})).toBe(
      '/home/u/.config/Tessera/code-cache',
    );
    expect(asked).toEqual(['/home/u/.config/Tessera/code-cache']);
  });

  it('is left off for AppImage (a new mount path each launch) and where Node has no such API', () => {
    const api = {
      enableCompileCache(): never {
        throw new Error('must not be called');
      },
    };
    expect(enableMainCodeCache(api, '/u', { APPIMAGE: '/opt/Tessera.AppImage' })).toBeNull();
    expect(enableMainCodeCache({}, '/u', {})).toBeNull();
  });

  // Node ≥ 22.1 (Electron 45's Node); skipped on an older Node running the tests.
  it.skipIf(typeof nodeModule.enableCompileCache !== 'function')(
    'makes Node write compiled code for modules loaded after it (real node:module)',
    async () => {
      const userData = await mkdtemp(path.join(os.tmpdir(), 'tessera-cc-'));
      const here = (file: string) => JSON.stringify(path.resolve(__dirname, '../../..', file));
      // Node writes the cache when the process ends; a module compiled after the call is enough to produce one.
      execFileSync(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { enableMainCodeCache } from ${here('electron/main/code-cache.ts')};
         import module from 'node:module';
         enableMainCodeCache(module, ${JSON.stringify(userData)}, {});
         await import(${here('build/electron-binary.mjs')});`,
      ]);
      expect((await readdir(path.join(userData, 'code-cache'))).length).toBeGreaterThan(0);
    },
  );
});
