/**
 * Autosave during steady work. Waiting for a pause alone never writes while someone keeps typing, so a kill -9
 * after a long stretch of edits left nothing to recover. A change waits at most a few seconds.
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

describe('autosave under steady typing', () => {
  let host: HostProcess | null = null;
  let session: BrowserSession | null = null;
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('recovers all but the last seconds of 20 s of steady typing after a kill -9', async () => {
    host = await startHost();
    session = await openBrowser();
    await writeFile(path.join(host.workspace, 'steady.json'), JSON.stringify(manifest));
    const page = session.page;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'steady.json');
    await page.getByTestId('canvas-cell').first().click();
    const field = page.getByTestId('label-items-0');
    await field.fill('');
    // 67 keystrokes 300 ms apart: 20 s without a single 1.5 s pause.
    const typed = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_+=!';
    expect(typed).toHaveLength(67);
    await field.pressSequentially(typed, { delay: 300 });
    await host.stop('SIGKILL');
    await session.close();

    // Restart on the same data folder and recover, as a person would after a crash.
    host = await startHost({ workspace: host.workspace, dataDir: host.dataDir });
    session = await openBrowser();
    const again = session.page;
    await again.goto(host.url);
    await again.getByRole('dialog', { name: 'Recover unsaved work?' }).waitFor();
    await again.getByRole('button', { name: /steady\.json/ }).click();
    await again.getByTestId('canvas-cell').first().click();
    await expect.poll(() => again.getByTestId('label-items-0').inputValue()).not.toBe('x');
    const recovered = await again.getByTestId('label-items-0').inputValue();
    expect(typed.startsWith(recovered)).toBe(true);
    const lost = typed.length - recovered.length;
    console.log(`autosave: ${recovered.length} of ${typed.length} keystrokes recovered after 20 s of typing`);
    // Without a maximum wait nothing is written before the typing stops. With the 5 s wait, a record is at most
    // ~17 keystrokes behind, plus the write itself; 27 (8 s) leaves room for a slow machine, never "nothing".
    expect(lost).toBeLessThanOrEqual(27);
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
