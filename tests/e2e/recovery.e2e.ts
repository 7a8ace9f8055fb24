/**
 * Issue 3's acceptance: open a file, edit a label, save — the file differs by that label only; edit again, kill
 * the host with SIGKILL before saving, restart it on the same data folder, recover the edit, undo back past it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openBrowser,
  startHost,
  type BrowserSession,
  type HostProcess,
  openApp,
  openWorkspaceFile,
} from './harness';
import { someRecordHolds } from './recovery-records';

// Four-space indentation and extension properties: the save must keep both.
const original = `${JSON.stringify(
  {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/book/manifest.json',
    type: 'Manifest',
    label: { en: ['A book'] },
    'ex:unknown': [1, { deep: 'kept' }],
    items: [1, 2, 3].map((n) => ({
      id: `https://example.org/book/canvas/${n}`,
      type: 'Canvas',
      label: { none: [`f. ${n}r`] },
      height: 300,
      width: 200,
    })),
  },
  null,
  4,
)}\n`;

describe('lose nothing', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('saves a one-label edit as a one-line diff, and recovers an unsaved edit after kill -9', async () => {
    host = await startHost();
    session = await openBrowser();
    const file = path.join(host.workspace, 'book.json');
    await writeFile(file, original);
    const page = session.page;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'book.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(3);

    await page.getByTestId('canvas-cell').nth(1).click();
    await page.getByTestId('label-items-1').fill('f. 2r (restored)');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved book.json');
    const saved = await readFile(file, 'utf8');
    const changedLines = saved.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    // items[1].label.none[0] sits five levels deep: 20 spaces in this four-space file.
    expect(changedLines).toEqual([`${' '.repeat(20)}"f. 2r (restored)"`]);

    // An unsaved edit, then the host dies without warning.
    await page.getByTestId('canvas-cell').nth(2).click();
    await page.getByTestId('label-items-2').fill('f. 3r (unsaved)');
    const { dataDir } = host;
    await expect.poll(() => someRecordHolds(dataDir, 'f. 3r (unsaved)'), { timeout: 10_000 }).toBe(true);
    await host.stop('SIGKILL');
    await session.close();

    host = await startHost({ workspace: host.workspace, dataDir: host.dataDir });
    session = await openBrowser();
    const again = session.page;
    await again.goto(host.url);
    await again.getByRole('dialog', { name: 'Recover unsaved work?' }).waitFor();
    await again.getByRole('button', { name: /book\.json/ }).click();
    await expect
      .poll(() => again.getByTestId('canvas-cell').nth(2).textContent())
      .toContain('f. 3r (unsaved)');
    await expect.poll(() => again.getByTestId('dirty-marker').count()).toBe(1);

    // Undo reaches back past the recovered edit, to the file as saved; redo brings it back.
    await again.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => again.getByTestId('canvas-cell').nth(2).textContent()).not.toContain('unsaved');
    expect(await again.getByTestId('dirty-marker').count()).toBe(0);
    await again.getByRole('button', { name: 'Redo' }).click();
    await expect
      .poll(() => again.getByTestId('canvas-cell').nth(2).textContent())
      .toContain('f. 3r (unsaved)');
    await again.keyboard.press('Control+s');
    await expect.poll(() => again.getByTestId('message').textContent()).toContain('Saved book.json');
    expect(JSON.parse(await readFile(file, 'utf8')).items[2].label).toEqual({ none: ['f. 3r (unsaved)'] });
  });
});
