/**
 * Launches the real Electron app where an Electron binary exists. Here (no internet, so no binary download) it
 * skips and says why; on a developer machine after `npm start` (or `node node_modules/electron/install.js`)
 * fetched the binary, it runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * Finds the installed binary without loading the `electron` package: requiring it downloads a missing binary,
 * and tests never reach the internet. Electron's installer records the binary's path in path.txt.
 */
function electronBinary(): string | null {
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    const candidate = path.join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(path.join(ROOT, 'dist/electron/main.cjs'));
if (!binary) {
  console.log(
    'electron smoke test SKIPPED: no Electron binary is installed (Electron’s installer, run by the first ' +
      '`npm start` or `node node_modules/electron/install.js`, needs the internet).',
  );
}

describe.skipIf(!binary || !built)('Electron app (real binary)', () => {
  it('opens the sample project in a sandboxed window', async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: [ROOT] });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('canvas-cell').first().waitFor();
      expect(await page.getByTestId('canvas-cell').count()).toBe(4);
      const nodeVisible = await page.evaluate(() => typeof (globalThis as { process?: unknown }).process);
      expect(nodeVisible).toBe('undefined');
    } finally {
      await app.close();
    }
  });

  // The same flows as electron-shell.e2e.ts runs through the stand-in: a file given at launch opens instead
  // of the sample, an edit marks the window, File › Save writes it, and Don't Save lets the window close.
  it('opens a file given at launch, saves an edit, and closes with Don’t Save', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-smoke-'));
    const file = path.join(dir, 'launch.json');
    const manifest = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/launch/manifest.json',
      type: 'Manifest',
      label: { en: ['Given at launch'] },
      items: [1, 2, 3].map((n) => ({
        id: `https://example.org/launch/canvas/${n}`,
        type: 'Canvas',
        width: 10,
        height: 10,
        items: [],
      })),
    };
    await writeFile(file, JSON.stringify(manifest, null, 2));
    const app = await electron.launch({
      executablePath: binary ?? '',
      args: [ROOT, file, `--user-data-dir=${path.join(dir, 'user')}`],
    });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('canvas-count').filter({ hasText: '3 canvases' }).waitFor();
      const field = page.getByRole('region', { name: 'Manifest' }).getByLabel('Label (en)', { exact: true });
      await field.fill('Saved by the real app');
      await field.press('Tab');
      await expect.poll(() => page.title()).toBe('• launch.json — Tessera');
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
      await expect
        .poll(async () => (JSON.parse(await readFile(file, 'utf8')) as typeof manifest).label.en[0])
        .toBe('Saved by the real app');
      await field.fill('Thrown away');
      await field.press('Tab');
      await expect.poll(() => page.title()).toBe('• launch.json — Tessera');
      // Answer the close prompt with Don't Save (button 1), then close the window as the user would.
      await app.evaluate(({ dialog }) => {
        dialog.showMessageBoxSync = () => 1;
      });
      const closed = app.waitForEvent('close');
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await closed;
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
