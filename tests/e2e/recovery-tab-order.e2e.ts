/**
 * Recovery keeps the order of the tabs (issue 17): three unsaved documents, edited first to last, with the last
 * then moved to the middle of the tab bar; after kill -9 and a restart, "Restore all" reopens them in the
 * order of the tabs, not in the order they were last written.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestText } from './documents-page';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { readRecords } from './recovery-records';

/** The completed recovery records, by the name of the document they hold. */
async function records(dataDir: string): Promise<Map<string, { tab?: number; text: string }>> {
  const parsed = await readRecords(dataDir);
  return new Map(
    parsed.map((r) => [String(r['name']), { tab: r['tab'] as number | undefined, text: String(r['text']) }]),
  );
}

describe('recovery in the order of the tabs', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('restores the unsaved documents in their tabs’ order after a reorder and kill -9', async () => {
    host = await startHost();
    session = await openBrowser();
    for (const name of ['a', 'b', 'c']) {
      await writeFile(path.join(host.workspace, `${name}.json`), manifestText(name, 2));
    }
    const page = session.page;
    await openApp(page, host.url);
    for (const name of ['a', 'b', 'c']) {
      await openWorkspaceFile(page, `${name}.json`);
      await page.getByTestId('canvas-cell').nth(1).click();
      await page.getByTestId('label-items-1').fill(`${name} 2 (unsaved)`);
    }
    // c, active, moves between a and b: a, c, b.
    await page.keyboard.press('Control+Shift+PageUp');
    const tabs = () =>
      page.getByRole('tablist', { name: 'Open documents' }).getByRole('tab').allTextContents();
    await expect
      .poll(async () => (await tabs()).map((t) => t.slice(0, 6)))
      .toEqual(['a.json', 'c.json', 'b.json']);
    const dataDir = host.dataDir;
    // Every record holds its edit and says its document's place after the reorder.
    await expect
      .poll(
        async () => {
          const now = await records(dataDir);
          return ['a', 'c', 'b'].map((name) => {
            const record = now.get(`${name}.json`);
            return record?.text.includes(`${name} 2 (unsaved)`) ? record.tab : null;
          });
        },
        { timeout: 15_000 },
      )
      .toEqual([0, 1, 2]);
    await host.stop('SIGKILL');
    await session.close();

    host = await startHost({ workspace: host.workspace, dataDir });
    session = await openBrowser();
    const again = session.page;
    await again.goto(host.url);
    const dialog = again.getByRole('dialog', { name: 'Recover unsaved work?' });
    await dialog.getByRole('button', { name: 'Restore all 3' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const restored = () =>
      again.getByRole('tablist', { name: 'Open documents' }).getByRole('tab').allTextContents();
    await expect
      .poll(async () => (await restored()).map((t) => t.slice(0, 6)))
      .toEqual(['a.json', 'c.json', 'b.json']);
  });
});
