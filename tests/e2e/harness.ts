/**
 * End-to-end harness: starts the real built web host (dist/host/web.js) as its own process with a throwaway
 * workspace and data folder, and drives Debian's Chromium through playwright-core. Every request the page makes
 * to a non-loopback address is blocked and recorded, so a test can prove nothing left 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The build under test: dist/, or TESSERA_DIST where a parallel run built elsewhere. */
export const DIST = path.resolve(ROOT, process.env['TESSERA_DIST'] ?? 'dist');

export interface HostProcess {
  url: string;
  origin: string;
  workspace: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startHost(
  options: { workspace?: string; dataDir?: string } = {},
): Promise<HostProcess> {
  const entry = path.join(DIST, 'host/web.js');
  if (!existsSync(entry))
    throw new Error('dist/host/web.js is missing: run `npm run build` before the e2e tests.');
  const workspace = options.workspace ?? (await mkdtemp(path.join(os.tmpdir(), 'tessera-ws-')));
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tessera-data-')));
  const child = spawn(
    process.execPath,
    [entry, '--port', '0', '--workspace', workspace, '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /open:\s+(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  };
  return { url, origin: new URL(url).origin, workspace, dataDir, child, output: () => output, stop };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to fetch outside loopback (all were blocked). */
  offLoopback: string[];
  /** Uncaught page errors and console errors, for diagnosing failures. */
  errors: string[];
  close(): Promise<void>;
}

export function isLoopbackUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return (
    hostname === '127.0.0.1' ||
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname.startsWith('127.')
  );
}

export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const offLoopback: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue();
    offLoopback.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return {
    browser,
    context,
    page,
    offLoopback,
    errors,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** Loads the app and waits for its first screen (it starts on the built-in four-leaf sample). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
}

/**
 * Opens a file of the workspace through the in-app picker, as a person does, and waits until it is the open
 * document (its name in the title). The picker may list the file twice (recent files and the folder).
 */
export async function openWorkspaceFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Within the picker: a tab's close button ("Close book.json") names the file too.
  await page
    .getByRole('dialog', { name: 'Open a manifest' })
    .getByRole('button', { name: new RegExp(escaped) })
    .first()
    .click();
  await expect.poll(() => page.title()).toContain(name);
}

/** A plain static web server for the published folder, as any web host would serve it (with CORS). */
export async function serveFolder(root: () => string) {
  const server = http.createServer(async (request, response) => {
    const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(root(), ...relative.split('/').filter((s) => s && s !== '..'));
    const info = await stat(file).catch(() => null);
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (!info?.isFile()) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'image/jpeg');
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Save As into the workspace through the in-app picker, once it has listed the folder (it cannot save before). */
export async function saveAsInWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save As…' }).click();
  await expect.poll(() => page.locator('.file-picker-path code').textContent()).not.toBe('…');
  await page.getByLabel('File name').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).last().click();
  await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${name}`);
}
