/**
 * Recent lists files that opened, never files that were only read: the renderer parses the text, and tells the
 * main side once the document is open (issue 13: files that failed to open went into Recent).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-recent-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function setUp() {
  const workspace = path.join(root, 'workspace');
  await fs.mkdir(workspace, { recursive: true });
  const told: string[][] = [];
  const handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
    onRecentChanged: (paths) => told.push(paths),
  });
  return { workspace: await fs.realpath(workspace), handlers, told };
}

describe('Recent files', () => {
  it('does not list a file that was read but did not open', async () => {
    const { workspace, handlers, told } = await setUp();
    const broken = path.join(workspace, 'broken.json');
    await fs.writeFile(broken, '{ "type": "Manifest", ');
    const read = await handlers.openFile({ path: broken });
    expect(read.text).toContain('Manifest');
    expect((await handlers.recentFiles({})).paths).toEqual([]);
    expect(told).toEqual([]);
  });

  it('lists a file once the renderer says it opened, and a saved one, most recent first', async () => {
    const { workspace, handlers, told } = await setUp();
    const book = path.join(workspace, 'book.json');
    await fs.writeFile(book, '{}');
    const opened = await handlers.openFile({ path: book });
    await handlers.rememberOpened({ path: opened.path });
    expect((await handlers.recentFiles({})).paths).toEqual([book]);
    const copy = path.join(workspace, 'copy.json');
    await handlers.saveFile({ path: copy, text: '{}', expectedMtimeMs: null, overwrite: false });
    expect((await handlers.recentFiles({})).paths).toEqual([copy, book]);
    expect(told).toEqual([[book], [copy, book]]);
  });

  it('refuses to remember a path the policy does not allow', async () => {
    const { handlers } = await setUp();
    const outside = path.join(root, 'outside.json');
    await fs.writeFile(outside, '{}');
    await expect(handlers.rememberOpened({ path: outside })).rejects.toThrow();
    expect((await handlers.recentFiles({})).paths).toEqual([]);
  });
});
