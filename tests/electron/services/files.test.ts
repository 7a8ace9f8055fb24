import { mkdtemp, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/services/files/atomic-write';
import { createGrantedPolicy, createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { readTextFile, saveTextFile } from '../../../electron/services/files/text-files';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-files-'));
});

describe('atomic save', () => {
  it('replaces the file and leaves no temporary files behind', async () => {
    const file = path.join(dir, 'm.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['m.json']);
  });

  it('refuses to overwrite a file that changed on disk since it was read, unless told to', async () => {
    const file = path.join(dir, 'm.json');
    await writeFile(file, 'v1');
    const opened = await readTextFile(file);
    await writeFile(file, 'changed by someone else');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    await expect(
      saveTextFile(file, { path: file, text: 'mine', expectedMtimeMs: opened.mtimeMs, overwrite: false }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe('changed by someone else');
    await saveTextFile(file, { path: file, text: 'mine', expectedMtimeMs: opened.mtimeMs, overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('saves in place when nothing changed on disk, and asks before replacing on Save As', async () => {
    const file = path.join(dir, 'm.json');
    await writeFile(file, 'v1');
    const opened = await readTextFile(file);
    const saved = await saveTextFile(file, {
      path: file,
      text: 'v2',
      expectedMtimeMs: opened.mtimeMs,
      overwrite: false,
    });
    expect(saved.mtimeMs).toBe((await stat(file)).mtimeMs);
    await expect(
      saveTextFile(file, { path: file, text: 'v3', expectedMtimeMs: null, overwrite: false }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('reading documents', () => {
  it('reads UTF-16 files and refuses invalid bytes with a clear message', async () => {
    const utf16 = path.join(dir, 'utf16.json');
    await writeFile(utf16, Buffer.from([0xff, 0xfe, 0x7b, 0, 0x7d, 0]));
    expect((await readTextFile(utf16)).text).toBe('{}');
    const latin1 = path.join(dir, 'latin1.json');
    await writeFile(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    await expect(readTextFile(latin1)).rejects.toMatchObject({ code: 'single-byte' });
    expect((await readTextFile(latin1, { encoding: 'windows-1252' })).text).toBe('{"é"}');
  });

  it('says what is wrong with a missing file or a folder', async () => {
    await expect(readTextFile(path.join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(readTextFile(dir)).rejects.toMatchObject({ code: 'not-a-file' });
  });
});

describe('path policies', () => {
  it('keeps the workspace policy inside its folder, symlinks included', async () => {
    const workspace = path.join(dir, 'ws');
    const policy = await createWorkspacePolicy(workspace);
    await writeFile(path.join(dir, 'outside.json'), '{}');
    await symlink(path.join(dir, 'outside.json'), path.join(workspace, 'link.json'));
    await expect(policy.resolve('inside.json', 'write')).resolves.toBe(
      path.join(policy.root ?? '', 'inside.json'),
    );
    await expect(policy.resolve('../outside.json', 'read')).rejects.toMatchObject({ code: 'refused' });
    await expect(policy.resolve(path.join(dir, 'outside.json'), 'read')).rejects.toMatchObject({
      code: 'refused',
    });
    await expect(policy.resolve('link.json', 'read')).rejects.toMatchObject({ code: 'refused' });
  });

  it('lets Electron read only files the user chose', async () => {
    const policy = createGrantedPolicy();
    const chosen = path.join(dir, 'chosen.json');
    await expect(policy.resolve(chosen, 'read')).rejects.toMatchObject({ code: 'refused' });
    policy.grant(chosen);
    await expect(policy.resolve(chosen, 'read')).resolves.toBe(chosen);
  });
});

describe('autosave store', () => {
  it('keeps unsaved work until cleared, newest first', async () => {
    let now = 1000;
    const store = createAutosaveStore(path.join(dir, 'autosave'), () => now);
    await store.write({ key: 'a', path: null, name: 'Untitled', text: '{"a":1}' });
    now = 2000;
    await store.write({ key: 'b', path: '/x/m.json', name: 'm.json', text: '{"b":2}' });
    expect((await store.list()).items.map((i) => i.key)).toEqual(['b', 'a']);
    expect(await store.read('a')).toMatchObject({ text: '{"a":1}', name: 'Untitled' });
    await store.clear('a');
    expect((await store.list()).items.map((i) => i.key)).toEqual(['b']);
  });

  it('keeps where a document came from, and reads a record of an earlier version as local', async () => {
    const folder = path.join(dir, 'autosave');
    const store = createAutosaveStore(folder);
    await store.write({ key: 'web', path: null, name: 'manifest.json', text: '{}', origin: 'public' });
    await store.write({ key: 'disk', path: null, name: 'm.json', text: '{}' });
    await writeFile(
      path.join(folder, 'old.autosave.json'),
      JSON.stringify({ key: 'old', path: null, name: 'old.json', savedAt: 1, text: '{}' }),
    );
    expect((await store.read('web')).origin).toBe('public');
    expect((await store.read('disk')).origin).toBe('local');
    expect((await store.read('old')).origin).toBe('local');
  });

  it('applies a clear asked while a write is still on its way after that write', async () => {
    const store = createAutosaveStore(path.join(dir, 'autosave'));
    // A save clears the record while the last autosave (a large document) is still being written.
    const text = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}` })) });
    await Promise.all([store.write({ key: 'doc', path: null, name: 'x', text }), store.clear('doc')]);
    expect((await store.list()).items).toEqual([]);
    // And in the other order the write is the last word.
    await Promise.all([store.clear('doc'), store.write({ key: 'doc', path: null, name: 'x', text })]);
    expect((await store.list()).items.map((i) => i.key)).toEqual(['doc']);
  });

  it('does not offer a record whose file on disk already holds the same text', async () => {
    const store = createAutosaveStore(path.join(dir, 'autosave'));
    const saved = path.join(dir, 'saved.json');
    await writeFile(saved, '{"label":"saved"}\n');
    // The last autosave landed after the save had cleared its record: nothing is unsaved.
    await store.write({ key: 'same', path: saved, name: 'saved.json', text: '{"label":"saved"}\n' });
    await store.write({ key: 'newer', path: saved, name: 'saved.json', text: '{"label":"edited"}\n' });
    await store.write({ key: 'untitled', path: null, name: 'Untitled', text: '{}' });
    expect((await store.list()).items.map((i) => i.key).sort()).toEqual(['newer', 'untitled']);
    await expect(store.read('same')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses keys that could name a path', async () => {
    const store = createAutosaveStore(path.join(dir, 'autosave'));
    await expect(store.write({ key: '../evil', path: null, name: 'x', text: '' })).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});
