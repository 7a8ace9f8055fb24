/**
 * Launches the real Electron app where an Electron binary exists. Here (no internet, so no binary download) it
 * skips and says why; on a developer machine after `npm start` (or `node node_modules/electron/install.js`)
 * fetched the binary, it runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * Finds the installed binary the way `npm start` does (build/electron-binary.mjs), without loading the
 * `electron` package: requiring it downloads a missing binary, and tests never reach the internet.
 */
async function electronBinary(): Promise<string | null> {
  const { findElectronBinary } = (await import(path.join(ROOT, 'build/electron-binary.mjs'))) as {
    findElectronBinary(fromDir: string): { binary: string | null };
  };
  return findElectronBinary(ROOT).binary;
}

const binary = await electronBinary();
const built = existsSync(path.join(ROOT, 'dist/electron/main.cjs'));
if (!binary) {
  console.log(
    'electron smoke test SKIPPED: no Electron binary is installed (Electron’s installer, run by the first ' +
      '`npm start` or `node node_modules/electron/install.js`, needs the internet).',
  );
}

async function writeManifest(dir: string, name: string, label: string, count: number): Promise<string> {
  const file = path.join(dir, name);
  const base = `https://example.org/${path.basename(name, '.json')}`;
  const manifest = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: [label] },
    items: Array.from({ length: count }, (_, i) => ({
      id: `${base}/canvas/${i + 1}`,
      type: 'Canvas',
      width: 10,
      height: 10,
      items: [],
    })),
  };
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return file;
}

const labelOnDisk = async (file: string) =>
  (JSON.parse(await readFile(file, 'utf8')) as { label: { en: string[] } }).label.en[0];

/** The app as `electron . [FILE]` starts it, with its own user data folder (and so its own instance lock). */
function launch(userData: string, ...args: string[]) {
  return electron.launch({
    executablePath: binary ?? '',
    args: [ROOT, ...args, `--user-data-dir=${userData}`],
  });
}

async function editLabel(page: Page, text: string) {
  const field = page.getByRole('region', { name: 'Manifest' }).getByLabel('Label (en)', { exact: true });
  await field.fill(text);
  await field.press('Tab');
}

/**
 * Answers the close prompt in main with the button at `index` (0 Save, 1 Don't Save, 2 Cancel) and counts the
 * prompts in globalThis.__tesseraPrompts.
 */
async function answerClosePrompt(app: ElectronApplication, index: number) {
  await app.evaluate(({ dialog }, answer) => {
    const counted = globalThis as { __tesseraPrompts?: number };
    counted.__tesseraPrompts = 0;
    dialog.showMessageBoxSync = () => {
      counted.__tesseraPrompts = (counted.__tesseraPrompts ?? 0) + 1;
      return answer;
    };
  }, index);
}
const prompts = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as { __tesseraPrompts?: number }).__tesseraPrompts ?? 0);
const closeWindow = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());

// The same flows as electron-shell.e2e.ts runs through the stand-in.
describe.skipIf(!binary || !built)('Electron app (real binary)', () => {
  it('opens the sample project in a sandboxed window, with its image shown', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-smoke-'));
    const app = await launch(path.join(dir, 'user'));
    try {
      const page = await app.firstWindow();
      await page.getByTestId('canvas-cell').first().waitFor();
      expect(await page.getByTestId('canvas-cell').count()).toBe(4);
      // The deep-zoom viewer read the sample's info.json over app:// (CSP connect-src 'self') and drew it.
      await expect
        .poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images'), { timeout: 20_000 })
        .toBe('1');
      const nodeVisible = await page.evaluate(() => typeof (globalThis as { process?: unknown }).process);
      expect(nodeVisible).toBe('undefined');
    } finally {
      await app.close();
    }
  });

  it('opens a file given at launch, saves an edit, keeps the window on Cancel and closes after Save', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-smoke-'));
    const file = await writeManifest(dir, 'launch.json', 'Given at launch', 3);
    const app = await launch(path.join(dir, 'user'), file);
    try {
      const page = await app.firstWindow();
      await page.getByTestId('canvas-count').filter({ hasText: '3 canvases' }).waitFor();
      await editLabel(page, 'Saved by the real app');
      await expect.poll(() => page.title()).toBe('• launch.json — Tessera');
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
      await expect.poll(() => labelOnDisk(file)).toBe('Saved by the real app');

      // Cancel: asked once, and the window and its work stay.
      await editLabel(page, 'Saved on close');
      await expect.poll(() => page.title()).toBe('• launch.json — Tessera');
      await answerClosePrompt(app, 2);
      await closeWindow(app);
      await expect.poll(() => prompts(app)).toBe(1);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(await page.title()).toBe('• launch.json — Tessera');

      // Save: saved, then the window closes.
      await answerClosePrompt(app, 0);
      const closed = page.waitForEvent('close');
      await closeWindow(app);
      await closed;
      expect(await labelOnDisk(file)).toBe('Saved on close');
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('opens a file from a second instance in the first window, and closes with Don’t Save', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-smoke-'));
    const userData = path.join(dir, 'user');
    const second = await writeManifest(dir, 'second.json', 'From a second launch', 7);
    const app = await launch(userData);
    try {
      const page = await app.firstWindow();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      // A second launch with the same user data folder: it hands its file to this instance and quits.
      const other = spawn(binary ?? '', [ROOT, second, `--user-data-dir=${userData}`], { stdio: 'ignore' });
      const otherExit = new Promise((resolve) => other.once('exit', resolve));
      await page.getByTestId('canvas-count').filter({ hasText: '7 canvases' }).waitFor();
      await otherExit;
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      await editLabel(page, 'Thrown away');
      await expect.poll(() => page.title()).toBe('• second.json — Tessera');
      await answerClosePrompt(app, 1);
      const closed = page.waitForEvent('close');
      await closeWindow(app);
      await closed;
      expect(await labelOnDisk(second)).toBe('From a second launch');
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
