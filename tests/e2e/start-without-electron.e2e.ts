/**
 * `npm start` on a machine without the Electron binary (like this one): build/start.mjs says so in one line,
 * serves the app through the web host, and opens the file given after `--` (relative to the user's folder). Run with the binary pointed at an
 * empty folder, so the test holds where a binary is installed too.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, ROOT, type BrowserSession } from './harness';

describe('npm start without Electron', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('serves the app in the browser and opens the file given on the command line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-start-'));
    const file = path.join(dir, 'given.json');
    await writeFile(
      file,
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: 'https://example.org/given/manifest.json',
        type: 'Manifest',
        label: { en: ['Given to npm start'] },
        items: [1, 2].map((n) => ({
          id: `https://example.org/given/canvas/${n}`,
          type: 'Canvas',
          width: 10,
          height: 10,
          items: [],
        })),
      }),
    );
    // As `npm start -- given.json --data-dir data` typed in dir: npm runs the script in the package folder
    // and keeps the user's folder in INIT_CWD, against which the relative paths are resolved.
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir, INIT_CWD: dir };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'build/start.mjs'), 'given.json', '--port', '0', '--data-dir', 'data'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => /open:\s+(\S+)/.exec(output)?.[1], { timeout: 20_000 }).toBeTruthy();
      const lines = output.split('\n');
      expect(lines[0]).toMatch(
        /^Electron cannot run here \(.+\): serving Tessera to your browser instead\.$/,
      );
      expect(output).toContain(`workspace: ${dir}`);
      expect(output).toMatch(new RegExp(`data: +${path.join(dir, 'data')}`));
      const url = /open:\s+(\S+)/.exec(output)?.[1] ?? '';
      await session.page.goto(url);
      await session.page.getByTestId('canvas-count').filter({ hasText: '2 canvases' }).waitFor();
      expect(await session.page.getByTestId('manifest-label').textContent()).toBe('Given to npm start');
      // Taken out of the address, so that a reload does not open it over later work.
      expect(new URL(session.page.url()).searchParams.has('open')).toBe(false);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
