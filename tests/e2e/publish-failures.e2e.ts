/**
 * Issue 18's last acceptance case, the failures that publish-targets.e2e.ts does not stage, from the Publish
 * dialog in Chromium: a full disk under the output folder, and a Git remote nobody answers at. Each gives a
 * message naming where and why, and the previous publication stays byte for byte (the folder's files; the
 * branch of the bare repository and of the clone).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

const exec = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();
const KEPT = 'Nothing was published; the previous publication is as it was.';

/**
 * Mounting a tmpfs needs root on Linux and a container that allows it; without, the full-disk case cannot be
 * staged, and its name says it was skipped and why.
 */
function cannotMount(): string | undefined {
  const why = 'skipped: mounting a small tmpfs needs root on Linux';
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return why;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'tessera-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return undefined;
  } catch {
    return why;
  } finally {
    rmdirSync(probe);
  }
}

/** Every file under `dir`, by its path inside it, with its bytes. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function review(page: Page) {
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect.poll(() => page.getByTestId('publish-findings').textContent()).toMatch(/^0 errors/);
}

async function publishAndClose(page: Page): Promise<string> {
  await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 60_000 });
  return (await page.getByTestId('message').textContent()) ?? '';
}

/** Clicks Publish in the open dialog and returns the alert it shows, which must say the publication failed. */
async function publishRefused(page: Page, expected: string): Promise<string> {
  await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toContain(expected);
  return (await alert.textContent()) ?? '';
}

describe('a failed publication names its cause and leaves the previous one in place', () => {
  const noMount = cannotMount();
  const mounts: string[] = [];
  let host: HostProcess;
  let session: BrowserSession;
  let workspace: string;
  let scratch: string;

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'tessera-failures-ws-'));
    scratch = await mkdtemp(path.join(os.tmpdir(), 'tessera-failures-'));
    host = await startHost({ workspace });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
    if (workspace) await rm(workspace, { recursive: true, force: true });
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  // The Git case first: the full-disk case leaves the document edited, and the app would reopen it.
  it('a Git remote nobody answers at gets a message naming it; both branches stay where they were', async () => {
    const { page } = session;
    const bare = path.join(scratch, 'pages.git');
    await git(scratch, 'init', '--quiet', '--bare', bare);
    await git(workspace, 'clone', '--quiet', bare, 'pages');
    const clone = path.join(workspace, 'pages');
    await openApp(page, host.url);
    const fillGit = async () => {
      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByLabel('Public base URL').fill('http://127.0.0.1:9/book');
      await page.getByRole('radio', { name: 'Git repository' }).check();
      await page.getByLabel('Local clone').fill('pages');
      await page.getByLabel('Commit message').fill('Publish the psalter');
      await page.getByLabel('Author name').fill('Ada Curator');
      await page.getByLabel('Author e-mail').fill('ada@museum.example');
    };

    await fillGit();
    await review(page);
    expect(await publishAndClose(page)).toMatch(/Fetched back: (\d+) of \1 URIs resolve/);
    const head = await git(bare, 'rev-parse', 'gh-pages');
    expect(await git(clone, 'rev-parse', 'gh-pages')).toBe(head);

    // A changed publication, reviewed while the remote answers; then the remote's host goes away.
    await fillGit();
    await page.getByLabel('Minified JSON').check();
    await review(page);
    const remote = `git://127.0.0.1:${await closedPort()}/pages.git`;
    await git(clone, 'remote', 'set-url', 'origin', remote);
    const message = await publishRefused(page, `Could not reach the Git remote ${remote}`);
    expect(message).toContain('connection was refused');
    expect(message).toContain(KEPT);
    expect(message).not.toContain('errno');
    expect(await git(bare, 'rev-parse', 'gh-pages')).toBe(head);
    expect(await git(clone, 'rev-parse', 'gh-pages')).toBe(head);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it.skipIf(noMount !== undefined)(
    `a publication that does not fit on the disk says the disk is full and keeps the folder${noMount ? ` (${noMount})` : ''}`,
    async () => {
      const { page } = session;
      // A 2 MB disk of its own inside the workspace (the web host writes nowhere else).
      const disk = path.join(workspace, 'disk');
      await mkdir(disk);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
      mounts.push(disk);
      const out = path.join(disk, 'site');
      await openApp(page, host.url);
      const base = 'http://127.0.0.1:9/site';

      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByLabel('Public base URL').fill(base);
      await page.getByLabel('Output folder').fill('disk/site');
      await review(page);
      expect(await publishAndClose(page)).toMatch(/Fetched back: (\d+) of \1 URIs resolve/);
      const published = await filesUnder(out);
      expect(published.get('manifest.json')?.length).toBeGreaterThan(0);

      // Other files fill the disk until the room left would hold this publication again, with 16 KB to spare;
      // the next version carries a 300 KB label, so it cannot fit while the previous one is kept beside it.
      const room = async () => {
        const s = await statfs(disk);
        return { free: s.bavail * s.bsize, used: (s.blocks - s.bfree) * s.bsize };
      };
      const before = await room();
      await writeFile(
        path.join(disk, 'other-files.bin'),
        Buffer.alloc(before.free - before.used - 16 * 1024),
      );
      expect((await room()).free).toBeGreaterThan(before.used);
      const label = page.getByRole('region', { name: 'Manifest' }).getByLabel('Label (en)', { exact: true });
      await label.fill(`A psalter, ${'described at great length. '.repeat(12_000)}`);
      const entries = await readdir(disk);

      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByLabel('Public base URL').fill(base);
      await page.getByLabel('Output folder').fill('disk/site');
      await review(page);
      const message = await publishRefused(page, 'is full');
      expect(message).toContain(`the disk holding the output folder ${out}`);
      expect(message).toContain(KEPT);
      expect(message).not.toMatch(/ENOSPC|publishing-/);
      // The previous publication, byte for byte, and nothing staged left behind on the full disk.
      expect(await filesUnder(out)).toEqual(published);
      expect(await readdir(disk)).toEqual(entries);
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    },
  );
});
