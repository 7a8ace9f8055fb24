/**
 * Issue 18's last acceptance case, the failures that publish-targets.e2e.ts does not stage, from the Publish
 * dialog in Chromium: a Git remote nobody answers at gives a message naming it and why, and the previous
 * publication stays (the branch of the bare repository and of the clone).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
    if (workspace) await rm(workspace, { recursive: true, force: true });
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

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
});
