/**
 * Offline thumbnails: a project assembled from two institutions (pasted image services and canvases copied
 * from a manifest) is saved; with every institution's server stopped, reopening it in a new session of the
 * app (same data folder) shows all its thumbnails, from the main side's disk cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstitution, type Institution } from '../fixtures/institutions';
import {
  openBrowser,
  startHost,
  type BrowserSession,
  type HostProcess,
  openApp,
  openWorkspaceFile,
} from './harness';

const loadedThumbs = (session: BrowserSession) =>
  session.page.locator('[data-testid="canvas-cell"] [data-thumb-state="loaded"]').count();

describe('offline', () => {
  let staticLibrary: Institution;
  let museum: Institution;
  let host: HostProcess | undefined;
  let session: BrowserSession | undefined;
  const institutions: Institution[] = [];

  beforeAll(async () => {
    [staticLibrary, museum] = await Promise.all([
      startInstitution({
        name: 'Static Library',
        level: 0,
        imageApi: 3,
        images: [{ id: 'leaf', width: 600, height: 800 }],
        syntheticImages: 3,
      }),
      startInstitution({
        name: 'Dynamic Museum',
        level: 2,
        imageApi: 2,
        images: [
          { id: 'm1', width: 800, height: 600, label: 'Museum 1' },
          { id: 'm2', width: 500, height: 700, label: 'Museum 2' },
          { id: 'm3', width: 640, height: 640, label: 'Museum 3' },
        ],
      }),
    ]);
    institutions.push(staticLibrary, museum);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await Promise.all(institutions.map((institution) => institution.close()));
  });

  it('shows every thumbnail of a reopened project from the cache with the institutions’ servers stopped', async () => {
    host = await startHost();
    session = await openBrowser();
    const { page } = session;
    await openApp(page, host.url);
    await page.getByRole('button', { name: 'New manifest…' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    const urls = [
      ...[0, 1, 2].map((i) => staticLibrary.infoUrl(`synthetic-${i}`)),
      museum.serviceUrl('m1'),
      museum.infoUrl('m2'),
    ];
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByLabel('Image addresses').fill(urls.join('\n'));
    await page.getByRole('button', { name: 'Add 5' }).click();
    await expect
      .poll(() => page.getByTestId('add-progress').textContent(), { timeout: 60_000 })
      .toBe('Added 5 canvases.');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    // Two canvases copied from the museum's manifest, inserted with the position control.
    await page.getByRole('button', { name: 'Sources' }).click();
    await page.getByLabel('Source address').fill(museum.manifestUrl(3));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('source-canvas').count()).toBe(3);
    await page.getByTestId('source-canvas').nth(1).click();
    await page
      .getByTestId('source-canvas')
      .nth(2)
      .click({ modifiers: ['Control'] });
    await page.getByLabel('Insert selected canvases at position').fill('1');
    await page.getByRole('button', { name: 'Insert 2 selected' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('7 canvases');
    await expect.poll(() => loadedThumbs(session as BrowserSession), { timeout: 30_000 }).toBe(7);

    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').fill('offline-project.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('Saved offline-project.json');
    const { workspace, dataDir } = host;
    await session.close();
    await host.stop();

    // The network is gone: every institution is down.
    await Promise.all(institutions.splice(0).map((institution) => institution.close()));

    host = await startHost({ workspace, dataDir });
    session = await openBrowser();
    const reopened = session.page;
    await openApp(reopened, host.url);
    await openWorkspaceFile(reopened, 'offline-project.json');
    await expect.poll(() => reopened.getByTestId('canvas-count').textContent()).toContain('7 canvases');
    await expect.poll(() => loadedThumbs(session as BrowserSession), { timeout: 30_000 }).toBe(7);
    const failed = await reopened.locator('[data-testid="canvas-cell"] [data-thumb-state="failed"]').count();
    expect(failed).toBe(0);
    const labels = await reopened
      .getByTestId('canvas-cell')
      .evaluateAll((cells) => cells.map((c) => (c.getAttribute('aria-label') ?? '').split(',')[0]));
    expect(labels.slice(0, 2)).toEqual(['Museum 2', 'Museum 3']);
    expect(session.offLoopback).toEqual([]);
  });
});
