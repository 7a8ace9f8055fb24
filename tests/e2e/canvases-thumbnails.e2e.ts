/**
 * Thumbnails in the canvas grid against loopback IIIF servers: only mounted cells load, each asks an image
 * service for at most twice the width it shows, a level-0 service is asked only for sizes it declares, no more
 * than six loads per host are in flight (checked with the server holding every answer), cells scrolled away
 * give their slot back, and a failed image shows as unavailable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigManifest } from '../fixtures/big-manifest/big-manifest';
import { GRID, openFromWorkspace, scrollToCanvas } from '../fixtures/big-manifest/grid-page';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

const COUNT = 3000;

/** Thumbnail states of the mounted cells, by canvas index. */
async function thumbStates(session: BrowserSession): Promise<[number, string][]> {
  return session.page
    .locator(`${GRID} [role="option"]`)
    .evaluateAll((cells) =>
      cells.map((c) => [
        Number(c.getAttribute('data-index')),
        c.querySelector('[data-thumb-state]')?.getAttribute('data-thumb-state') ?? '',
      ]),
    );
}

function count(states: [number, string][], state: string): number {
  return states.filter(([, s]) => s === state).length;
}

/** Image requests (not info.json) in the institution's log, with the width asked for. */
function imageRequests(institution: Institution) {
  return institution.requestLog
    .map((entry) => ({
      entry,
      match: /^\/iiif\/([^/]+)\/full\/(\d+),\d*\/0\/default\.jpg$/.exec(entry.path),
    }))
    .filter(({ match }) => match !== null)
    .map(({ entry, match }) => ({ id: match?.[1] ?? '', width: Number(match?.[2]), status: entry.status }));
}

describe('canvas thumbnails', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let level2: Institution;
  let level0: Institution;

  beforeAll(async () => {
    [level2, level0] = await Promise.all([
      startInstitution({ level: 2, manifests: false, syntheticImages: COUNT }),
      startInstitution({ level: 0, manifests: false, images: [{ id: 'page', width: 1200, height: 900 }] }),
    ]);
    host = await startHost();
    session = await openBrowser();
    await session.page.goto(host.url);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await level2?.close();
    await level0?.close();
  });

  it('loads only mounted cells, asking a level 2 service for at most twice the displayed width', async () => {
    const { page } = session;
    await writeBigManifest(host.workspace, 'level2.json', {
      count: COUNT,
      image: (i) => {
        const service = level2.serviceUrl(`synthetic-${i}`);
        return {
          url: `${service}/full/max/0/default.jpg`,
          width: 1200,
          height: 900,
          service: { id: service, level: 2 },
        };
      },
    });
    level2.clearLog();
    await openFromWorkspace(page, 'level2.json', COUNT);
    await expect
      .poll(async () => {
        const states = await thumbStates(session);
        return states.length > 0 && count(states, 'loaded') === states.length;
      })
      .toBe(true);
    const mounted = new Set((await thumbStates(session)).map(([index]) => `synthetic-${index}`));
    // The thumbnail box, and the width a 4:3 image is drawn at inside it.
    const box = await page.locator(`${GRID} .thumb-frame`).first().boundingBox();
    const shown = Math.min(box?.width ?? 0, (box?.height ?? 0) * (1200 / 900));
    // The viewer shows the focused canvas through its info.json and tiles; the grid never reads info.json.
    const viewed = new Set(
      level2.requestLog.map((e) => /^\/iiif\/([^/]+)\/info\.json$/.exec(e.path)?.[1]).filter(Boolean),
    );
    expect([...viewed]).toEqual(['synthetic-0']);
    const requests = imageRequests(level2).filter((r) => !viewed.has(r.id));
    expect(requests.length).toBeGreaterThan(10);
    for (const request of requests) {
      expect(mounted.has(request.id)).toBe(true);
      expect(request.width).toBeLessThanOrEqual(2 * shown);
      expect(request.width).toBeGreaterThanOrEqual(Math.floor(shown));
    }
    // Each thumbnail once, nothing for the 2,900-odd canvases out of view.
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length);
  });

  it('has at most six loads in flight per host, and frees the slots of cells scrolled away', async () => {
    const { page } = session;
    level2.pause();
    level2.clearLog();
    try {
      await scrollToCanvas(page, 1500);
      await expect.poll(async () => count(await thumbStates(session), 'loading')).toBe(6);
      const waiting = await thumbStates(session);
      expect(count(waiting, 'queued')).toBeGreaterThan(0);
      await level2.waitForRequests(6);
      expect(level2.maxInFlight()).toBeLessThanOrEqual(6);

      // Far away, with every answer still held: the new cells can only load if the old ones let go.
      await scrollToCanvas(page, 2600);
      await expect
        .poll(async () => {
          const states = await thumbStates(session);
          return states.filter(([index, s]) => s === 'loading' && index >= 2500).length;
        })
        .toBe(6);
      expect(count(await thumbStates(session), 'loading')).toBe(6);
    } finally {
      level2.resume();
    }
    await expect
      .poll(async () => {
        const states = await thumbStates(session);
        return count(states, 'loaded') === states.length;
      })
      .toBe(true);
  });

  it('asks a level 0 service only for a size it declares', async () => {
    const { page } = session;
    const info = (await (await fetch(level0.infoUrl('page'))).json()) as { sizes: unknown };
    const service = level0.serviceUrl('page');
    await writeBigManifest(host.workspace, 'level0.json', {
      count: 20,
      image: () => ({
        url: `${service}/full/max/0/default.jpg`,
        width: 1200,
        height: 900,
        service: { id: service, level: 0 },
      }),
    });
    // Publishers often copy the declared sizes into the manifest; the grid uses them without fetching info.json.
    const path = `${host.workspace}/level0.json`;
    const { readFile, writeFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    await writeFile(
      path,
      text.replaceAll('"profile": "level0"', `"profile": "level0", "sizes": ${JSON.stringify(info.sizes)}`),
    );
    level0.clearLog();
    await openFromWorkspace(page, 'level0.json', 20);
    await expect
      .poll(async () => {
        const states = await thumbStates(session);
        return states.length > 0 && count(states, 'loaded') === states.length;
      })
      .toBe(true);
    const declared = (info.sizes as { width: number; height: number }[]).map((s) => `${s.width},${s.height}`);
    const asked = level0.requestLog.filter((entry) => entry.path.includes('/full/'));
    expect(asked.length).toBeGreaterThan(0);
    for (const entry of asked) {
      expect(declared).toContain(/\/full\/([^/]+)\//.exec(entry.path)?.[1]);
      expect(entry.status).toBe(200);
    }
  });

  it('shows a clear broken-image state when a thumbnail fails', async () => {
    const { page } = session;
    const missing = `${level2.baseUrl}/no-such-image`;
    await writeBigManifest(host.workspace, 'broken.json', {
      count: 3,
      image: (i) => ({ url: `${missing}/${i}.jpg`, width: 100, height: 75 }),
    });
    await openFromWorkspace(page, 'broken.json', 3);
    await expect.poll(async () => count(await thumbStates(session), 'failed')).toBe(3);
    expect(await page.getByRole('img', { name: 'p. 2: image unavailable' }).textContent()).toContain(
      'Image unavailable',
    );
    expect(session.offLoopback).toEqual([]);
  });
});
