/**
 * Issue 3, open from a URL: the main side fetches the manifest (here from a loopback fixture institution) and a
 * Presentation 2 manifest is upgraded on open with a visible notice; a bad URL is refused with a clear message
 * and the open document stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { openBrowser, startHost, type BrowserSession, type HostProcess, openApp } from './harness';

describe('open from URL', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let museum: Institution;
  beforeAll(async () => {
    museum = await startInstitution({ name: 'URL Museum', level: 2, imageApi: 2 });
    host = await startHost();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await museum?.close();
  });

  it('opens a Presentation 2 manifest by URL, upgraded, with a notice', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await page.keyboard.press('Control+Shift+O');
    await page.getByLabel('Manifest URL').fill(museum.manifestUrl(2));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('upgraded from Presentation 2');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(2);
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
  });

  it('refuses what it cannot use and keeps the open document', async () => {
    const { page } = session;
    // The open document is unsaved (upgraded): it stays in its tab, so nothing asks to discard it.
    await page.keyboard.press('Control+Shift+O');
    await page.getByLabel('Manifest URL').fill(`${museum.baseUrl}/no-such-manifest.json`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/404|not found/i);
    await page.getByLabel('Manifest URL').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('http');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('canvas-cell').count()).toBe(2);
  });
});
