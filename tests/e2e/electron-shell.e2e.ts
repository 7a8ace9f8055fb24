/**
 * The desktop shell without the Electron binary: the real bundled dist/electron/main.cjs and preload.cjs run
 * against the Electron stand-in (tests/electron/harness), which is backed by Debian's Chromium. A new user's
 * flows: the first screen, open, edit, save, closing with unsaved work (Cancel, Save, Don't Save on Quit),
 * dropping a manifest on the window, and files given at launch (command line, macOS open-file, a second
 * instance).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createElectronStandIn,
  type ElectronStandIn,
  type StandInBrowserWindow,
} from '../electron/harness/electron-stand-in';
import { loadMain } from '../electron/harness/load-main';
import { editLabel, labelOnDisk, writeManifest } from './electron-app';
import { CHROMIUM, DIST, isLoopbackUrl } from './harness';

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(path.join(DIST, 'electron/main.cjs')))(
  'the Electron shell against the stand-in',
  () => {
    let browser: Browser;
    let dir: string;
    let running: ElectronStandIn | null = null;
    let restorePlatform: (() => void) | null = null;

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
      dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-shell-'));
    });
    afterAll(async () => {
      await browser?.close();
    });
    afterEach(async () => {
      await running?.shutDown();
      running = null;
      restorePlatform?.();
      restorePlatform = null;
    });

    async function launch(
      options: {
        args?: string[];
        platform?: NodeJS.Platform;
        beforeReady?: (standIn: ElectronStandIn) => void;
      } = {},
    ): Promise<{ standIn: ElectronStandIn; window: StandInBrowserWindow; page: Page; errors: string[] }> {
      const standIn = createElectronStandIn({
        browser,
        userData: await mkdtemp(path.join(os.tmpdir(), 'tessera-user-')),
        allowRequest: isLoopbackUrl,
      });
      running = standIn;
      restorePlatform = loadMain(DIST, standIn, {
        args: options.args ?? [],
        ...(options.platform ? { platform: options.platform } : {}),
      });
      options.beforeReady?.(standIn);
      standIn.start();
      const window = await standIn.firstWindow();
      const { page } = await window.opened;
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      return { standIn, window, page, errors };
    }

    it('shows the sample on the first screen, in a locked-down window', async () => {
      const { standIn, window, page } = await launch();
      // Every sample request goes through IPC from app://tessera (refused as "forbidden" before).
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      expect(await page.getByTestId('manifest-label').textContent()).toContain('Sample psalter');
      await expect.poll(() => window.isVisible()).toBe(true);
      await expect.poll(() => window.getTitle()).toMatch(/ — Tessera$/);
      await expect
        .poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images'), { timeout: 20_000 })
        .toBe('1');
      // The viewer read its info.json with a fetch of the page's own app:// origin, which the CSP allows only
      // through connect-src 'self' (http: and https: do not match app://).
      expect(await page.evaluate(async () => (await fetch('/sample/images/leaf-1r/info.json')).status)).toBe(
        200,
      );
      expect(standIn.cspViolations).toEqual([]);
      // The page has no Node, and only the two objects the preload exposed.
      expect(
        await page.evaluate(() => ({
          process: typeof (globalThis as { process?: unknown }).process,
          require: typeof (globalThis as { require?: unknown }).require,
          api: Object.isFrozen((window as unknown as { api: object }).api),
          ipc: typeof (globalThis as Record<string, unknown>)['__electronStandInIpc'],
        })),
      ).toEqual({ process: 'undefined', require: 'undefined', api: true, ipc: 'undefined' });
      // The CSP main's app:// handler sent with the page is in force: an inline script does not run.
      expect(
        await page.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          document.head.append(script);
          return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
        }),
      ).toBe(false);
      expect(standIn.privileged).toEqual([
        {
          scheme: 'app',
          // stream: local audio and video play from app:// (app-origin.ts).
          privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
        },
      ]);
    });

    it('builds its menu from the command table: View › Zoom in zooms, Edit › Select none cancels a cut', async () => {
      const { standIn, page } = await launch();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      const frameWidth = async () =>
        (await page.getByTestId('canvas-frame').first().boundingBox())?.width ?? 0;
      await page.locator('#canvas-listbox [role="option"]').first().click();
      let before = -1;
      await expect
        .poll(async () => {
          const now = await frameWidth();
          const settled = now > 0 && now === before;
          before = now;
          return settled;
        })
        .toBe(true);
      standIn.clickMenu('View', 'Zoom in');
      await expect.poll(frameWidth).toBeGreaterThan(before * 1.3);
      // A cut marks the canvas; Edit › Select none (Escape in the grid) cancels it, and only then selects none.
      standIn.clickMenu('Canvases', 'Cut');
      await expect.poll(() => page.locator('#canvas-listbox [role="option"].cut').count()).toBe(1);
      standIn.clickMenu('Edit', 'Select none');
      await expect.poll(() => page.locator('#canvas-listbox [role="option"].cut').count()).toBe(0);
      expect(await page.getByTestId('selection-count').textContent()).toBe('1 selected');
    });

    it('opens a chosen file, edits, saves, and asks before closing with unsaved work', async () => {
      const file = await writeManifest(dir, 'book.json', 'A book', 3);
      const { standIn, window, page } = await launch();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();

      standIn.scriptDialog('showOpenDialog', { canceled: false, filePaths: [file] });
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByTestId('canvas-count').filter({ hasText: '3 canvases' }).waitFor();
      await expect.poll(() => window.getTitle()).toBe('book.json — Tessera');
      // One title format: the page's own title (which Electron shows unless main sets one) is the same.
      expect(await page.title()).toBe('book.json — Tessera');
      await expect.poll(() => standIn.app.recentDocuments.at(-1)).toBe(file);
      // The Open dialog was a sheet of this window; no hidden window was made to parent it. (Identity checks:
      // windows hold Playwright pages, too deep for toEqual.)
      const openCall = standIn.dialogCalls.at(-1);
      expect(openCall?.kind).toBe('showOpenDialog');
      expect(openCall?.parent === window).toBe(true);
      expect(standIn.windows().length).toBe(1);

      await editLabel(page, 'An edited book');
      await expect.poll(() => window.isDocumentEdited()).toBe(true);
      await expect.poll(() => window.getTitle()).toBe('• book.json — Tessera');
      standIn.clickMenu('File', 'Save');
      await expect.poll(() => labelOnDisk(file)).toBe('An edited book');
      await expect.poll(() => window.isDocumentEdited()).toBe(false);

      // Cancel keeps the window and the work.
      await editLabel(page, 'Unsaved title');
      await expect.poll(() => window.isDocumentEdited()).toBe(true);
      standIn.scriptDialog('showMessageBoxSync', 2);
      expect(await window.tryClose()).toBe(false);
      expect(window.isDestroyed()).toBe(false);
      const asked = standIn.dialogCalls.filter((c) => c.kind === 'showMessageBoxSync');
      expect(asked.at(-1)?.options['message']).toBe('Save changes to book.json before closing?');

      // Save saves, then closes the window; the last window closing quits.
      standIn.scriptDialog('showMessageBoxSync', 0);
      window.close();
      await expect.poll(() => labelOnDisk(file)).toBe('Unsaved title');
      await expect.poll(() => window.isDestroyed()).toBe(true);
      await expect.poll(() => standIn.hasQuit()).toBe(true);
    });

    it('keeps several documents in one window: each saves to its own file, and Save on close saves all', async () => {
      const first = await writeManifest(dir, 'first.json', 'First', 2);
      const second = await writeManifest(dir, 'second.json', 'Second', 3);
      const { standIn, window, page } = await launch();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      for (const [file, count] of [
        [first, 2],
        [second, 3],
      ] as const) {
        standIn.scriptDialog('showOpenDialog', { canceled: false, filePaths: [file] });
        await page.getByRole('button', { name: 'Open…' }).click();
        await page
          .getByTestId('canvas-count')
          .filter({ hasText: `${count} canvases` })
          .waitFor();
      }
      // The untouched sample made way for the first; the second opened beside it.
      expect(await page.getByRole('tablist', { name: 'Open documents' }).getByRole('tab').count()).toBe(2);

      // Menu Save in the background document's turn: the grant of a file opened earlier still holds.
      await editLabel(page, 'Second, edited');
      await page.getByRole('tab', { name: /^first\.json/ }).click();
      await page.getByTestId('canvas-count').filter({ hasText: '2 canvases' }).waitFor();
      await editLabel(page, 'First, edited');
      standIn.clickMenu('File', 'Save');
      await expect.poll(() => labelOnDisk(first)).toBe('First, edited');
      await expect.poll(() => window.getTitle()).toBe('• first.json and 1 other unsaved document — Tessera');
      expect(window.isDocumentEdited()).toBe(true);

      // Closing asks once for the window; Save saves every unsaved document, then the window closes.
      await editLabel(page, 'First, again');
      standIn.scriptDialog('showMessageBoxSync', 0);
      window.close();
      await expect.poll(() => labelOnDisk(second)).toBe('Second, edited');
      await expect.poll(() => labelOnDisk(first)).toBe('First, again');
      const asked = standIn.dialogCalls.filter((c) => c.kind === 'showMessageBoxSync');
      expect(asked.at(-1)?.options['message']).toBe(
        'Save changes to first.json and 1 other unsaved document before closing?',
      );
      await expect.poll(() => window.isDestroyed()).toBe(true);
    });

    it('quits with unsaved work when the user answers Don’t Save', async () => {
      const { standIn, window, page } = await launch();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      await editLabel(page, 'Thrown away');
      await expect.poll(() => window.isDocumentEdited()).toBe(true);
      standIn.scriptDialog('showMessageBoxSync', 1);
      standIn.app.quit();
      await expect.poll(() => standIn.hasQuit()).toBe(true);
      expect(window.isDestroyed()).toBe(true);
    });

    it('opens a manifest dropped on the window and saves it back in place', async () => {
      const file = await writeManifest(dir, 'dropped.json', 'Dropped', 2);
      const { window, standIn, page } = await launch();
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      const text = await readFile(file, 'utf8');
      await page.evaluate(
        ({ name, text, filePath }) => {
          const dropped = new File([text], name, { type: 'application/json' });
          // The OS's part of a drop: the file has a path on disk (what webUtils.getPathForFile reads).
          (
            globalThis as unknown as { __electronStandInDropFile(f: File, p: string): void }
          ).__electronStandInDropFile(dropped, filePath);
          const transfer = new DataTransfer();
          transfer.items.add(dropped);
          for (const type of ['dragenter', 'dragover', 'drop'])
            document.body.dispatchEvent(
              new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
            );
        },
        { name: 'dropped.json', text, filePath: file },
      );
      await page.getByTestId('canvas-count').filter({ hasText: '2 canvases' }).waitFor();
      await expect.poll(() => window.getTitle()).toBe('dropped.json — Tessera');
      await editLabel(page, 'Dropped and edited');
      await expect.poll(() => window.isDocumentEdited()).toBe(true);
      standIn.clickMenu('File', 'Save');
      await expect.poll(() => labelOnDisk(file)).toBe('Dropped and edited');
    });

    it('opens the file given on the command line instead of the sample', async () => {
      const file = await writeManifest(dir, 'launch.json', 'Given at launch', 5);
      const { window, page, errors } = await launch({ args: [file] });
      await page.getByTestId('canvas-count').filter({ hasText: '5 canvases' }).waitFor();
      await expect.poll(() => window.getTitle()).toBe('launch.json — Tessera');
      // The sample never replaces it: start-up is over once the recovery check has answered.
      await page.waitForTimeout(1_000);
      expect(await page.getByTestId('manifest-label').textContent()).toBe('Given at launch');
      expect(errors).toEqual([]);
    });

    it('opens files from macOS open-file before ready, and from a second instance', async () => {
      const early = await writeManifest(dir, 'finder.json', 'From Finder', 6);
      const later = await writeManifest(dir, 'second.json', 'From a second launch', 7);
      let handled = false;
      const { standIn, page } = await launch({
        beforeReady: (s) => (handled = s.openFile(early)),
      });
      expect(handled).toBe(true);
      await page.getByTestId('canvas-count').filter({ hasText: '6 canvases' }).waitFor();
      // A relative path is relative to the second instance's working directory.
      standIn.secondInstance(['/usr/lib/electron/electron', '.', 'second.json'], dir);
      await page.getByTestId('canvas-count').filter({ hasText: '7 canvases' }).waitFor();
      expect(await page.getByTestId('manifest-label').textContent()).toBe('From a second launch');
      void later;
    });

    it('opens the file a second instance gave before the app was ready', async () => {
      await writeManifest(dir, 'early-second.json', 'From an early second launch', 8);
      const { page, window } = await launch({
        beforeReady: (s) => s.secondInstance(['/usr/lib/electron/electron', '.', 'early-second.json'], dir),
      });
      await page.getByTestId('canvas-count').filter({ hasText: '8 canvases' }).waitFor();
      await expect.poll(() => window.getTitle()).toBe('early-second.json — Tessera');
    });

    it('on macOS, outlives its last window, opens one on activate, and quits after Save on Quit', async () => {
      const file = await writeManifest(dir, 'mac.json', 'On a Mac', 2);
      const { standIn, window, page } = await launch({ platform: 'darwin' });
      await page.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();
      // window-all-closed does not quit on macOS: the app stays in the Dock.
      expect(await window.tryClose()).toBe(true);
      await expect.poll(() => window.isDestroyed()).toBe(true);
      expect(standIn.hasQuit()).toBe(false);
      expect(standIn.windows().length).toBe(0);

      // Clicking the Dock icon opens a window again.
      standIn.activate();
      const reopened = await standIn.firstWindow();
      const { page: again } = await reopened.opened;
      await again.getByTestId('canvas-count').filter({ hasText: '4 canvases' }).waitFor();

      // Quit with unsaved work, "Save": saved, then the app quits (not just the window closing).
      standIn.scriptDialog('showOpenDialog', { canceled: false, filePaths: [file] });
      await again.getByRole('button', { name: 'Open…' }).click();
      await again.getByTestId('canvas-count').filter({ hasText: '2 canvases' }).waitFor();
      await editLabel(again, 'Saved on quit');
      await expect.poll(() => reopened.isDocumentEdited()).toBe(true);
      standIn.scriptDialog('showMessageBoxSync', 0);
      standIn.app.quit();
      await expect.poll(() => labelOnDisk(file)).toBe('Saved on quit');
      await expect.poll(() => reopened.isDestroyed()).toBe(true);
      await expect.poll(() => standIn.hasQuit()).toBe(true);
    });
  },
);
