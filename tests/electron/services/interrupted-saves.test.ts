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

describe('opening a document', () => {
  it("removes its own killed saves' temporary files beside it, and nobody else's", async () => {
    const { createWorkspacePolicy } = await import('../../../electron/services/files/path-policy');
    const { createRecentFiles } = await import('../../../electron/services/files/recent-files');
    const { createHandlers } = await import('../../../electron/services/handlers');
    const { createAutosaveStore } = await import('../../../electron/services/recovery/autosave-store');
    const workspace = path.join(dir, 'workspace');
    await mkdir(workspace);
    const handlers = createHandlers({
      shell: 'web',
      version: '0.0.0-test',
      policy: await createWorkspacePolicy(workspace),
      dialogs: {},
      recent: createRecentFiles(path.join(dir, 'recent.json')),
      autosave: createAutosaveStore(path.join(dir, 'autosave')),
    });
    await writeFile(path.join(workspace, 'book.json'), '{"type":"Manifest","items":[]}');
    await file(path.join(workspace, '.book.json.0123456789ab.tmp'), 60); // a save of book.json, killed
    await file(path.join(workspace, '.book.json.aaaaaaaaaaaa.tmp'), 0); // a save of book.json in progress
    await file(path.join(workspace, '.other.json.0123456789ab.tmp'), 60); // another file's: not ours to judge
    await handlers.openFile({ path: path.join(workspace, 'book.json') });
    expect((await readdir(workspace)).sort()).toEqual([
      '.book.json.aaaaaaaaaaaa.tmp',
      '.other.json.0123456789ab.tmp',
      'book.json',
    ]);
  });
});
