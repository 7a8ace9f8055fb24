/**
 * Saves killed half-way leave hidden temporary files (issue 20 item 14): at start, the data folder and its
 * autosave folder lose those that are settled, and nothing else.
 */
import { mkdtemp, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanDataFolder, dataPaths } from '../../../electron/services/app-paths';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-data-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, ageMinutes: number): Promise<void> {
  await writeFile(name, 'x');
  const when = new Date(Date.now() - ageMinutes * 60_000);
  await utimes(name, when, when);
}

describe('cleaning the data folder at start', () => {
  it('removes settled temporary files of killed saves, and keeps everything else', async () => {
    const paths = dataPaths(dir);
    await mkdir(paths.autosave);
    await file(path.join(dir, '.recent-files.json.0123456789ab.tmp'), 60);
    await file(path.join(paths.autosave, '.a1b2.json.abcdef012345.tmp'), 60);
    await file(path.join(paths.autosave, '.busy.json.aaaaaaaaaaaa.tmp'), 0); // a save in progress elsewhere
    await file(path.join(dir, 'recent-files.json'), 60);
    await file(path.join(dir, '.notes.tmp'), 60); // not a name a save makes
    await file(path.join(paths.autosave, 'a1b2.json'), 60);
    await cleanDataFolder(paths);
    expect((await readdir(dir)).sort()).toEqual(['.notes.tmp', 'autosave', 'recent-files.json']);
    expect((await readdir(paths.autosave)).sort()).toEqual(['.busy.json.aaaaaaaaaaaa.tmp', 'a1b2.json']);
  });
});
