/**
 * The production app in Chromium, for the cases that measure the real renderer: builds it into a temporary
 * TESSERA_DIST, starts the built web host on a workspace, serves thumbnails from a loopback image server and
 * opens a workspace file in Chromium. Shared by bench/cases/grid-10k.ts and bench/cases/edit-10k.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { writeBigManifest } from '../../tests/fixtures/big-manifest/big-manifest';
import { openFromWorkspace } from '../../tests/fixtures/big-manifest/grid-page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds the production app into a fresh folder (never dist/, which tests of other work may be using). */
export async function buildApp(): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'tessera-bench-dist-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], {
    cwd: ROOT,
    env: { ...process.env, TESSERA_DIST: dist },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
  // The host bundle imports its native dependencies (sharp) by name: let them resolve from the project.
  await symlink(path.join(ROOT, 'node_modules'), path.join(dist, 'node_modules'), 'dir');
  return dist;
}

/** Starts the built web host on a free port; resolves with its URL (token included) and a stop function. */
export async function startWebHost(dist: string, workspace: string, dataDir: string) {
  const child = spawn(
    process.execPath,
    [path.join(dist, 'host/web.js'), '--port', '0', '--workspace', workspace, '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open:\s+(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, stop };
}

/** A loopback server answering every path with one small page image: thumbnails load and decode for real. */
export async function startImageServer() {
  const jpeg = await sharp({ create: { width: 100, height: 140, channels: 3, background: '#d8c7a0' } })
    .jpeg()
    .toBuffer();
  const server = http.createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'max-age=3600' });
    response.end(jpeg);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Opens the app at `url` in Chromium and `file` (of `count` canvases) from the workspace. */
export async function openInChromium(url: string, file: string, count: number) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Only loopback: the manifest's ids are example.org, never fetched.
  await context.route('**/*', (route) =>
    /^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort(),
  );
  // tsx compiles bench files with esbuild's keepNames, which wraps named functions in `__name(...)` calls; the
  // functions passed to page.evaluate carry those calls into the page, where the helper must exist.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page: Page = await context.newPage();
  await page.goto(url);
  await openFromWorkspace(page, file, count);
  return { page, close: () => browser.close() };
}

/**
 * Waits until the page has had no long task (over 50 ms) for `quietMs`: after opening 10k canvases or editing
 * them, other features (validation, autosave) work for a while.
 */
export async function waitForQuiet(page: Page, quietMs: number): Promise<void> {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const observer = new PerformanceObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        observer.observe({ type: 'longtask' });
        function done() {
          observer.disconnect();
          resolve();
        }
      }),
    quietMs,
  );
}

/** What a case measures in: the page, the host's data folder (autosave records) and the manifest's text. */
export interface BigManifestSession {
  readonly page: Page;
  readonly dataDir: string;
  readonly text: string;
}

/**
 * The whole setting of a browser case: builds the app, serves thumbnails, writes a manifest of `count` canvases
 * into a fresh workspace as `file`, starts the host, opens the file in Chromium, runs `measure`, and takes
 * everything down again (browser, host, image server, scratch folder, build).
 */
export async function withBigManifestInChromium<T>(
  options: {
    readonly scratchPrefix: string;
    readonly file: string;
    readonly count: number;
    /** The manifest's text, when it is not the plain big manifest (it must have `count` canvases). */
    readonly text?: string;
  },
  measure: (session: BigManifestSession) => Promise<T>,
): Promise<T> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), options.scratchPrefix));
  const dist = await buildApp();
  const images = await startImageServer();
  const workspace = path.join(scratch, 'workspace');
  const dataDir = path.join(scratch, 'data');
  await Promise.all([mkdir(workspace), mkdir(dataDir)]);
  let text = options.text;
  if (text === undefined) {
    ({ text } = await writeBigManifest(workspace, options.file, {
      count: options.count,
      image: (i) => ({ url: `${images.base}/page/${i + 1}.jpg`, width: 100, height: 140 }),
    }));
  } else await writeFile(path.join(workspace, options.file), text);
  const host = await startWebHost(dist, workspace, dataDir);
  try {
    const app = await openInChromium(host.url, options.file, options.count);
    try {
      return await measure({ page: app.page, dataDir, text });
    } finally {
      await app.close();
    }
  } finally {
    await host.stop();
    await images.close();
    await rm(scratch, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
  }
}
