/**
 * `tessera publish --git`: the publication is committed to a branch of a local clone and pushed, with real git,
 * to a bare repository on disk and to `git daemon` on 127.0.0.1. A push the remote refuses, or a remote that
 * cannot be reached, leaves the previous publication in place.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/publish';
import type { CliIo } from '../../../electron/cli/cli-io';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { loadFixture } from '../../shared/validation/helpers';

const exec = promisify(execFile);
const BASE = 'https://someone.example/pages/book';
let root: string;
let printed: string[];
const io: CliIo = {
  stdout: (text) => void printed.push(text),
  stderr: (text) => void printed.push(text),
  readFile: (name) => fs.readFile(name),
  writeFile: (name, text) => fs.writeFile(name, text),
};

/** `git daemon` ships with git on Debian, but not in every build: without it that part is skipped, loudly. */
const daemonMissing = await exec('git', ['daemon', '--help']).then(
  () => false,
  (error: { stderr?: string }) => /is not a git command/.test(error.stderr ?? ''),
);
if (daemonMissing) console.log('git daemon is not installed: the git:// publication test is skipped.');

const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-git-'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  printed = [];
});

/** A bare repository as the remote, and a clone of it to publish from. */
async function remoteAndClone(name: string, remoteUrl?: (bare: string) => string) {
  const bare = path.join(root, `${name}.git`);
  await git(root, 'init', '--quiet', '--bare', bare);
  const clone = path.join(root, `${name}-clone`);
  await git(root, 'clone', '--quiet', bare, clone);
  if (remoteUrl) await git(clone, 'remote', 'set-url', 'origin', remoteUrl(bare));
  return { bare, clone };
}

async function publish(clone: string, doc: JsonObject, ...extra: string[]): Promise<number> {
  const input = path.join(root, 'book.json');
  await fs.writeFile(input, JSON.stringify(doc));
  return run([input, '--base', BASE, '--git', clone, ...extra], io);
}

const show = async (bare: string, file: string) =>
  JSON.parse(await git(bare, 'show', `gh-pages:${file}`)) as JsonObject;
const canvasIds = (doc: JsonObject) => (doc.items as JsonObject[]).map((c) => c.id);

describe('publishing to a Git repository', () => {
  it('commits to gh-pages and pushes, with the message and author given, keeping URIs on republish', async () => {
    const { bare, clone } = await remoteAndClone('pages');
    const book = loadFixture('valid-book');
    const args = ['--message', 'First edition', '--author', 'Ada Curator <ada@museum.example>'];
    expect(await publish(clone, book, ...args), printed.join('')).toBe(0);
    expect(await git(bare, 'log', '-1', '--format=%an|%ae|%s', 'gh-pages')).toBe(
      'Ada Curator|ada@museum.example|First edition',
    );
    const first = await show(bare, 'manifest.json');
    expect(first.id).toBe(`${BASE}/manifest.json`);
    expect(printed.join('')).toMatch(/1 of 1 documents fetched back and parsed, (\d+) of \1 URIs resolve/);
    // The clone's own branch follows; its working tree and checked-out branch are untouched.
    expect(await git(clone, 'rev-parse', 'gh-pages')).toBe(await git(bare, 'rev-parse', 'gh-pages'));
    expect(await fs.readdir(clone)).toEqual(['.git']);

    const head = await git(bare, 'rev-parse', 'gh-pages');
    expect(await publish(clone, book)).toBe(0);
    expect(await git(bare, 'rev-parse', 'gh-pages')).toBe(head); // nothing changed: no new commit

    const reversed = { ...book, items: [...(book.items as JsonValue[])].reverse() };
    expect(await publish(clone, reversed)).toBe(0);
    const second = await show(bare, 'manifest.json');
    expect(canvasIds(second)).toEqual([...canvasIds(first)].reverse());
    expect(second.structures).toEqual(first.structures);
    expect(await git(bare, 'rev-list', '--count', 'gh-pages')).toBe('2');
  });

  it('leaves the previous publication when the remote refuses the push', async () => {
    const { bare, clone } = await remoteAndClone('refusing');
    const book = loadFixture('valid-book');
    expect(await publish(clone, book)).toBe(0);
    const head = await git(bare, 'rev-parse', 'gh-pages');
    const hook = path.join(bare, 'hooks', 'pre-receive');
    await fs.writeFile(hook, '#!/bin/sh\necho "publishing is closed today" >&2\nexit 1\n', { mode: 0o755 });
    printed = [];
    expect(await publish(clone, { ...book, label: { en: ['Changed'] } })).toBe(1);
    expect(printed.join('')).toContain('previous publication stays');
    expect(await git(bare, 'rev-parse', 'gh-pages')).toBe(head);
    expect(await git(clone, 'rev-parse', 'gh-pages')).toBe(head);
  });

  it('says so when the clone has no reachable remote, or is no repository', async () => {
    const port = await freePort();
    const { clone } = await remoteAndClone('unreachable', () => `git://127.0.0.1:${port}/nothing.git`);
    expect(await publish(clone, loadFixture('valid-book'))).toBe(1);
    expect(printed.join('')).toContain(`Could not reach the Git remote git://127.0.0.1:${port}/nothing.git`);
    printed = [];
    expect(await publish(path.join(root, 'no-such-clone'), loadFixture('valid-book'))).toBe(1);
    expect(printed.join('')).toContain('is not a Git repository');
  });

  describe.skipIf(daemonMissing)('through git daemon on 127.0.0.1', () => {
    let daemon: ChildProcess;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      const served = path.join(root, 'served');
      await fs.mkdir(served);
      daemon = spawn(
        'git',
        [
          'daemon',
          '--reuseaddr',
          '--export-all',
          '--enable=receive-pack',
          '--listen=127.0.0.1',
          `--port=${port}`,
          `--base-path=${served}`,
          served,
        ],
        { stdio: 'ignore' },
      );
      await git(served, 'init', '--quiet', '--bare', 'site.git');
      // Ready once it answers.
      for (let i = 0; i < 50; i++) {
        const ok = await exec('git', ['ls-remote', `git://127.0.0.1:${port}/site.git`]).then(
          () => true,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    afterAll(() => {
      daemon?.kill();
    });

    it('pushes the publication and fetches it back from the daemon', async () => {
      const url = `git://127.0.0.1:${port}/site.git`;
      const clone = path.join(root, 'daemon-clone');
      await git(root, 'clone', '--quiet', url, clone);
      expect(await publish(clone, loadFixture('valid-book'), '--branch', 'pages'), printed.join('')).toBe(0);
      expect(printed.join('')).toContain(`Checked ${url} pages: 1 of 1 documents fetched back and parsed`);
      const bare = path.join(root, 'served', 'site.git');
      expect(JSON.parse(await git(bare, 'show', 'pages:manifest.json')).id).toBe(`${BASE}/manifest.json`);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
