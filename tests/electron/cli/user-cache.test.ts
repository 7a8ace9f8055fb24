/** The CLI's cache lives in the user's own cache folder, private to them (issue 20 item 12). */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliCacheDir, userCacheRoot } from '../../../electron/cli/user-cache';
import { tempDir } from './cli-harness';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe("the CLI's cache folder", () => {
  it("is the platform's per-user cache folder, never the shared temporary folder", () => {
    expect(userCacheRoot({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache');
    expect(userCacheRoot({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.cache');
    expect(userCacheRoot({}, 'linux', '/home/u')).toBe('/home/u/.cache');
    expect(userCacheRoot({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches');
    expect(userCacheRoot({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Local',
    );
  });

  it.skipIf(process.platform === 'win32')('is created private (0700), and made private if it was not', () => {
    const made = cliCacheDir(path.join(dir, 'fresh'));
    expect(made).toBe(path.join(dir, 'fresh', 'tessera', 'cli-cache'));
    expect(statSync(made).mode & 0o777).toBe(0o700);
    const wide = path.join(dir, 'wide', 'tessera', 'cli-cache');
    mkdirSync(wide, { recursive: true, mode: 0o777 });
    expect(statSync(cliCacheDir(path.join(dir, 'wide'))).mode & 0o777).toBe(0o700);
  });
});
