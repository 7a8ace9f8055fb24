/**
 * Launches the real Electron app where an Electron binary exists. Here (no internet, so no binary download) it
 * skips and says why; on a developer machine with `npm install` done normally, it runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * Finds the installed binary without loading the `electron` package: requiring it downloads a missing binary,
 * and tests never reach the internet. Its postinstall records the binary's path in path.txt.
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
    "electron smoke test SKIPPED: no Electron binary is installed (it is downloaded by electron's postinstall, " +
      'which needs the internet; this machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
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
});
