/**
 * Issue 17's acceptance: killing the host with two documents unsaved recovers both. Each open document has its
 * own autosave record (the one in the background too); after kill -9 and a restart, "Restore all" brings each
 * back in its own tab, unsaved, with undo reaching back to its file as saved.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { recordTexts } from './recovery-records';

function manifestText(name: string): string {
  const doc = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `https://example.org/${name}/manifest.json`,
    type: 'Manifest',
    label: { en: [`Book ${name}`] },
    items: [1, 2, 3].map((n) => ({
      id: `https://example.org/${name}/canvas/${n}`,
      type: 'Canvas',
      label: { none: [`${name} ${n}`] },
      height: 300,
      width: 200,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

describe('recovery of several documents', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('recovers both unsaved documents after kill -9', async () => {
    host = await startHost();
    session = await openBrowser();
    await writeFile(path.join(host.workspace, 'a.json'), manifestText('a'));
    await writeFile(path.join(host.workspace, 'b.json'), manifestText('b'));
    const page = session.page;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'a.json');
    await page.getByTestId('canvas-cell').nth(1).click();
    await page.getByTestId('label-items-1').fill('a 2 (unsaved)');
    // Straight to the next document: a's pending change is written when its tab is left.
    await openWorkspaceFile(page, 'b.json');
    await page.getByTestId('canvas-cell').nth(2).click();
    await page.getByTestId('label-items-2').fill('b 3 (unsaved)');
    const dataDir = host.dataDir;
    await expect
      .poll(
        async () => {
          const texts = await recordTexts(dataDir);
          return ['a 2 (unsaved)', 'b 3 (unsaved)'].every((edit) => texts.some((t) => t.includes(edit)));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await host.stop('SIGKILL');
    await session.close();

    host = await startHost({ workspace: host.workspace, dataDir });
    session = await openBrowser();
    const again = session.page;
    await again.goto(host.url);
    const dialog = again.getByRole('dialog', { name: 'Recover unsaved work?' });
    await dialog.getByRole('button', { name: /a\.json/ }).waitFor();
    await dialog.getByRole('button', { name: /b\.json/ }).waitFor();
    await dialog.getByRole('button', { name: 'Restore all 2' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const tabs = again.getByRole('tablist', { name: 'Open documents' }).getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(2);
    for (const [name, index, edit] of [
      ['a', 1, 'a 2 (unsaved)'],
      ['b', 2, 'b 3 (unsaved)'],
    ] as const) {
      const tab = again.getByRole('tab', { name: new RegExp(`^${name}\\.json`) });
      await tab.click();
      await expect.poll(() => again.getByTestId('canvas-cell').nth(index).textContent()).toContain(edit);
      expect(await tab.textContent()).toContain('•');
      // Undo reaches back past the recovered edit, to the file as saved.
      await again.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() => again.getByTestId('canvas-cell').nth(index).textContent())
        .not.toContain('unsaved');
      await again.getByRole('button', { name: 'Redo' }).click();
    }
  });
});
