/**
 * Autosave during steady work. Waiting for a pause alone never writes while someone keeps typing, so a kill -9
 * after a long stretch of edits left nothing to recover. A change waits at most a few seconds.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
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

const manifest = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/steady/manifest.json',
  type: 'Manifest',
  label: { en: ['Steady'] },
  items: [
    {
      id: 'https://example.org/steady/canvas/1',
      type: 'Canvas',
      label: { none: ['x'] },
      height: 30,
      width: 20,
    },
  ],
};

async function recordedTexts(dir: string): Promise<string[]> {
  // Completed records only: a write in progress is a hidden temporary file until its rename.
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => n.endsWith('.autosave.json') && !n.startsWith('.'),
  );
  return Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
}

describe('autosave under steady typing', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('writes unsaved work while the typing goes on, so a kill -9 loses only the last seconds', async () => {
    host = await startHost();
    session = await openBrowser();
    await writeFile(path.join(host.workspace, 'steady.json'), JSON.stringify(manifest));
    const page = session.page;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'steady.json');
    await page.getByTestId('canvas-cell').first().click();
    const field = page.getByTestId('label-items-0');
    await field.fill('');
    // 40 keystrokes 300 ms apart: 12 s without a single 1.5 s pause.
    const typed = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    await field.pressSequentially(typed, { delay: 300 });
    await host.stop('SIGKILL');

    const texts = await recordedTexts(path.join(host.dataDir, 'autosave'));
    // The longest prefix of what was typed that a record holds.
    const kept = Math.max(
      0,
      ...texts.map((t) => {
        const label = (JSON.parse(JSON.parse(t).text).items[0].label.none[0] as string) ?? '';
        return typed.startsWith(label) ? label.length : 0;
      }),
    );
    // Without a maximum wait nothing is written before the typing stops. With one, a record is at most ~5 s
    // (17 keystrokes) behind; 10 leaves room for a slow machine without accepting "nothing".
    expect(kept).toBeGreaterThanOrEqual(10);
  });

  it('says so when autosave cannot write, instead of leaving the work silently unprotected', async () => {
    await session?.close();
    await host?.stop();
    const { mkdtemp } = await import('node:fs/promises');
    const os = await import('node:os');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-data-'));
    // A file where the recovery folder should be: every autosave write fails.
    await writeFile(path.join(dataDir, 'autosave'), 'not a folder');
    host = await startHost({ dataDir });
    session = await openBrowser();
    const page = session.page;
    await openApp(page, host.url);
    await page.getByTestId('canvas-cell').first().click();
    await page.getByTestId('label-items-0').fill('edited, not protected');
    await expect
      .poll(() => page.getByTestId('message').textContent(), { timeout: 15_000 })
      .toContain('Autosave could not keep a recovery copy');
    expect(await page.getByTestId('message').textContent()).toContain('save them now');
  });
});
