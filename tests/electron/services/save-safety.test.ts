/**
 * What a save must never do to the file on disk, through the handlers as the renderer calls them: replace a
 * read-only file, miss a change the modification time does not show, run out of room halfway, or write a file
 * too big to open again. And when it refuses, it says so in a sentence naming the user's file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import type { Handlers } from '../../../shared/ipc/dispatch';

let root: string;
const mounts: string[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-save-'));
});

afterEach(async () => {
  for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
  await fs.rm(root, { recursive: true, force: true });
});

async function setUp(workspace = path.join(root, 'workspace')) {
  const handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
  });
  return { workspace: await fs.realpath(workspace), handlers };
}

/** Calls a handler the way dispatch reports it: the value, or the error's code and message. */
async function outcome<T>(call: Promise<T>) {
  return call.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string; message?: string }) => ({
      ok: false as const,
      code: error.code,
      message: error.message,
    }),
  );
}

async function openAndSave(handlers: Handlers, file: string, text: string) {
  const opened = await handlers.openFile({ path: file });
  return outcome(
    handlers.saveFile({
      path: file,
      text,
      expectedMtimeMs: opened.mtimeMs,
      expectedSize: opened.size,
      expectedHash: opened.hash,
      overwrite: false,
    }),
  );
}

/** A 1 MB file system of its own, where this machine lets tests mount one (root on Linux). */
function smallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = path.join(root, 'small-disk');
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}

describe('saving over the file on disk', () => {
  it('does not replace a read-only file, even when told to overwrite', async () => {
    const { workspace, handlers } = await setUp();
    const file = path.join(workspace, 'locked.json');
    await fs.writeFile(file, '{"type":"Manifest"}');
    await fs.chmod(file, 0o444);
    const saved = await openAndSave(handlers, file, '{"type":"Manifest","label":{}}');
    expect(saved).toMatchObject({
      ok: false,
      code: 'read-only',
      message: expect.stringContaining('locked.json is read-only'),
    });
    const forced = await outcome(
      handlers.saveFile({ path: file, text: '{}', expectedMtimeMs: null, overwrite: true }),
    );
    expect(forced).toMatchObject({ ok: false, code: 'read-only' });
    expect(await fs.readFile(file, 'utf8')).toBe('{"type":"Manifest"}');
  });

  it('sees a change on disk that kept the time and the size', async () => {
    const { workspace, handlers } = await setUp();
    const file = path.join(workspace, 'm.json');
    await fs.writeFile(file, '{"label":"aaaa"}');
    const opened = await handlers.openFile({ path: file });
    // Another program rewrites it within the same tick of a coarse clock (or restores the time, as rsync -t does).
    await fs.writeFile(file, '{"label":"bbbb"}');
    const time = new Date(opened.mtimeMs);
    await fs.utimes(file, time, time);
    const saved = await outcome(
      handlers.saveFile({
        path: file,
        text: '{"label":"mine"}',
        expectedMtimeMs: opened.mtimeMs,
        expectedSize: opened.size,
        expectedHash: opened.hash,
        overwrite: false,
      }),
    );
    expect(saved).toMatchObject({ ok: false, code: 'conflict' });
    expect(await fs.readFile(file, 'utf8')).toBe('{"label":"bbbb"}');
    // Unchanged on disk, the same save goes through and returns what the next save checks against.
    await fs.writeFile(file, '{"label":"aaaa"}');
    await fs.utimes(file, time, time);
    const again = await openAndSave(handlers, file, '{"label":"mine"}');
    expect(again).toMatchObject({
      ok: true,
      value: { size: 16, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('refuses a document larger than Tessera opens, before writing anything', async () => {
    const { workspace, handlers } = await setUp();
    const file = path.join(workspace, 'huge.json');
    const text = `{"pad":"${'x'.repeat(65 * 1024 * 1024)}"}`;
    const saved = await outcome(
      handlers.saveFile({ path: file, text, expectedMtimeMs: null, overwrite: false }),
    );
    expect(saved).toMatchObject({
      ok: false,
      code: 'too-large',
      message: expect.stringContaining('huge.json'),
    });
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.skipIf(smallDiskUnavailable())(
    'refuses to save onto a full disk and leaves the file as it was',
    async () => {
      const disk = smallDisk();
      if (!disk) throw new Error('could not mount the small disk');
      const { workspace, handlers } = await setUp(path.join(disk, 'workspace'));
      const file = path.join(workspace, 'm.json');
      await fs.writeFile(file, '{"label":"kept"}');
      const saved = await openAndSave(handlers, file, `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
      expect(saved).toMatchObject({
        ok: false,
        code: 'disk-full',
        message: expect.stringContaining('m.json'),
      });
      expect(saved.ok ? '' : saved.message).not.toMatch(/ENOSPC|\.tmp/);
      expect(await fs.readFile(file, 'utf8')).toBe('{"label":"kept"}');
      expect(await fs.readdir(workspace)).toEqual(['m.json']);
    },
  );

  it('explains a failed save in words, not in system codes or temporary names', async () => {
    const { workspace, handlers } = await setUp();
    await fs.writeFile(path.join(workspace, 'plain'), 'a file where a folder should be');
    const saved = await outcome(
      handlers.saveFile({
        path: path.join(workspace, 'plain', 'm.json'),
        text: '{}',
        expectedMtimeMs: null,
        overwrite: false,
      }),
    );
    expect(saved.ok).toBe(false);
    expect(saved.ok ? '' : saved.message).toContain('m.json');
    expect(saved.ok ? '' : saved.message).not.toMatch(/E[A-Z]{3,}:|\.tmp|saveFile/);
  });

  it('does not call a FIFO a folder', async () => {
    const { workspace, handlers } = await setUp();
    const fifo = path.join(workspace, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const opened = await outcome(handlers.openFile({ path: fifo }));
    expect(opened).toMatchObject({ ok: false, code: 'not-a-file' });
    expect(opened.ok ? '' : opened.message).not.toContain('folder');
  }, 8_000);
});

/**
 * Mounting needs root and a container that allows it; where the tests run without, the full-disk case cannot
 * be staged and is skipped (and says so in the report).
 */
function smallDiskUnavailable(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return true;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'tessera-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return false;
  } catch {
    return true;
  } finally {
    rmdirSync(probe);
  }
}
