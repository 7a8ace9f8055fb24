/**
 * Recovery records through the handlers, as the renderer reaches them: a record names only files the file
 * policy allows, and nothing a record names can stall listing (a FIFO blocks a plain read forever).
 */
import { execFileSync } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';

let root: string;
const fifos: string[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-recovery-'));
});

afterEach(async () => {
  // Should a reader still wait on a FIFO (the bug this guards against), give it an end so the worker can exit.
  for (const fifo of fifos.splice(0)) {
    const writer = await fs.open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
    await writer?.close();
  }
  await fs.rm(root, { recursive: true, force: true });
});

async function setUp() {
  const workspace = path.join(root, 'workspace');
  const autosaveDir = path.join(root, 'data', 'autosave');
  const handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
    autosave: createAutosaveStore(autosaveDir),
  });
  return { workspace: await fs.realpath(workspace), autosaveDir, handlers };
}

describe('recovery records and the file policy', () => {
  it('lists a record that names a FIFO without waiting on it', async () => {
    const { workspace, handlers } = await setUp();
    const fifo = path.join(workspace, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    await handlers.writeAutosave({ key: 'k1', path: fifo, name: 'pipe.json', text: '{"a":1}' });
    const { items } = await handlers.listRecoverable({});
    expect(items.map((i) => [i.key, i.path])).toEqual([['k1', fifo]]);
  }, 8_000);

  it('never lets a record name, compare with or save back to a file outside the workspace', async () => {
    const { autosaveDir, handlers } = await setUp();
    const outside = path.join(root, 'outside.json');
    await fs.writeFile(outside, '{"secret":true}');
    // Written through the channel: the path is dropped, the work is kept as untitled.
    await handlers.writeAutosave({ key: 'k2', path: outside, name: 'outside.json', text: '{"secret":true}' });
    // Planted in the data folder (another program, an older version): it is read back without its path.
    await fs.writeFile(
      path.join(autosaveDir, 'k3.autosave.json'),
      JSON.stringify({ key: 'k3', path: outside, name: 'outside.json', savedAt: 1, text: '{"secret":true}' }),
    );
    const { items } = await handlers.listRecoverable({});
    // Both stay (the same text as the outside file is no reason to drop a record: that would be an oracle).
    expect(items.map((i) => [i.key, i.path]).sort()).toEqual([
      ['k2', null],
      ['k3', null],
    ]);
    expect((await handlers.readRecoverable({ key: 'k3' })).path).toBeNull();
  });

  it('skips a record file that is itself a FIFO', async () => {
    const { autosaveDir, handlers } = await setUp();
    await fs.mkdir(autosaveDir, { recursive: true });
    const fifo = path.join(autosaveDir, 'planted.autosave.json');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    await handlers.writeAutosave({ key: 'k4', path: null, name: 'Untitled', text: '{}' });
    expect((await handlers.listRecoverable({})).items.map((i) => i.key)).toEqual(['k4']);
  }, 8_000);
});
