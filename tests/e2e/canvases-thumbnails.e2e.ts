/**
 * Thumbnails in the canvas grid against loopback IIIF servers: only mounted cells load, each asks an image
 * service for at most twice the width it shows, a level-0 service is asked only for sizes it declares, no more
 * than six loads per host are in flight (checked with the server holding every answer), cells scrolled away
 * give their slot back, a failed image shows as unavailable, and a cropped or turned canvas (a fragment) shows
 * the fragment, cut by a level 2 server or, from a level 0 size, by the cell.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigManifest } from '../fixtures/big-manifest/big-manifest';
import { cell, GRID, openFromWorkspace, scrollToCanvas } from '../fixtures/big-manifest/grid-page';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { type BrowserSession } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { coloursIn } from './screen-colours';

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

/** Points spread over a thumbnail box, as fractions of it, in rows top to bottom. */
function grid(xs: readonly number[], ys: readonly number[]): [number, number][] {
  return ys.flatMap((y) => xs.map((x): [number, number] => [x, y]));
}

/** A canvas painting `region` (and `rotation`) of a 1200×900 quadrant image through its service. */
function fragmentCanvas(
  n: number,
  size: [number, number],
  service: Record<string, unknown>,
  selector: Record<string, string>,
): Record<string, unknown> {
  const id = `https://example.org/fragments/canvas/${n}`;
  const source = {
    id: `${String(service['id'])}/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width: 1200,
    height: 900,
    service: [service],
  };
  return {
    id,
    type: 'Canvas',
    label: { none: [`Fragment ${n}`] },
    width: size[0],
    height: size[1],
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/a`,
            type: 'Annotation',
            motivation: 'painting',
            body: {
              id: `${id}/page/a/body`,
              type: 'SpecificResource',
              source,
              selector: { type: 'ImageApiSelector', ...selector },
            },
            target: id,
          },
        ],
      },
    ],
  };
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
  const app = useHostAndBrowser();
  let level2: Institution;
  let level0: Institution;

  beforeAll(async () => {
    [level2, level0] = await Promise.all([
      startInstitution({ level: 2, manifests: false, syntheticImages: COUNT }),
      startInstitution({ level: 0, manifests: false, images: [{ id: 'page', width: 1200, height: 900 }] }),
    ]);
    await app.page.goto(app.host.url);
  });
  afterAll(async () => {
    await level2?.close();
    await level0?.close();
  });

  it('loads only mounted cells, asking a level 2 service for at most twice the displayed width', async () => {
    const { page } = app;
    await writeBigManifest(app.host.workspace, 'level2.json', {
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
        const states = await thumbStates(app.session);
        return states.length > 0 && count(states, 'loaded') === states.length;
      })
      .toBe(true);
    const mounted = new Set((await thumbStates(app.session)).map(([index]) => `synthetic-${index}`));
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

  it('has at most six loads in flight per app.host, and frees the slots of cells scrolled away', async () => {
    const { page } = app;
    level2.pause();
    level2.clearLog();
    try {
      await scrollToCanvas(page, 1500);
      await expect.poll(async () => count(await thumbStates(app.session), 'loading')).toBe(6);
      const waiting = await thumbStates(app.session);
      expect(count(waiting, 'queued')).toBeGreaterThan(0);
      await level2.waitForRequests(6);
      expect(level2.maxInFlight()).toBeLessThanOrEqual(6);

      // Far away, with every answer still held: the new cells can only load if the old ones let go.
      await scrollToCanvas(page, 2600);
      await expect
        .poll(async () => {
          const states = await thumbStates(app.session);
          return states.filter(([index, s]) => s === 'loading' && index >= 2500).length;
        })
        .toBe(6);
      expect(count(await thumbStates(app.session), 'loading')).toBe(6);
    } finally {
      level2.resume();
    }
    await expect
      .poll(async () => {
        const states = await thumbStates(app.session);
        return count(states, 'loaded') === states.length;
      })
      .toBe(true);
  });

  it('asks a level 0 service only for a size it declares', async () => {
    const { page } = app;
    const info = (await (await fetch(level0.infoUrl('page'))).json()) as { sizes: unknown };
    const service = level0.serviceUrl('page');
    await writeBigManifest(app.host.workspace, 'level0.json', {
      count: 20,
      image: () => ({
        url: `${service}/full/max/0/default.jpg`,
        width: 1200,
        height: 900,
        service: { id: service, level: 0 },
      }),
    });
    // Publishers often copy the declared sizes into the manifest; the grid uses them without fetching info.json.
    const path = `${app.host.workspace}/level0.json`;
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
        const states = await thumbStates(app.session);
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
    const { page } = app;
    const missing = `${level2.baseUrl}/no-such-image`;
    await writeBigManifest(app.host.workspace, 'broken.json', {
      count: 3,
      image: (i) => ({ url: `${missing}/${i}.jpg`, width: 100, height: 75 }),
    });
    await openFromWorkspace(page, 'broken.json', 3);
    await expect.poll(async () => count(await thumbStates(app.session), 'failed')).toBe(3);
    // The words are drawn by CSS (they are not text of the cell, whose name must contain all its text).
    const shown = await page
      .getByRole('img', { name: 'p. 2: image unavailable' })
      .evaluate((element) => getComputedStyle(element, '::after').content);
    expect(shown).toBe('"Image unavailable"');
    expect(app.session.offLoopback).toEqual([]);
  });

  it('shows only the fragment of a cropped or turned canvas, asking a level 2 server for the region', async () => {
    const { page } = app;
    const info = (await (await fetch(level0.infoUrl('page'))).json()) as { sizes: unknown };
    const level2Service = { id: level2.serviceUrl('quadrants'), type: 'ImageService3', profile: 'level2' };
    // Publishers copy a level 0 service's sizes into the manifest; the cell then crops a declared size.
    const level0Service = {
      id: level0.serviceUrl('page'),
      type: 'ImageService3',
      profile: 'level0',
      sizes: info.sizes,
    };
    // Quadrants: red | green over blue | yellow.
    const manifest = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/fragments/manifest.json',
      type: 'Manifest',
      label: { none: ['Fragments'] },
      items: [
        fragmentCanvas(1, [600, 450], level2Service, { region: '0,0,600,450' }),
        fragmentCanvas(2, [600, 450], level0Service, { region: 'pct:0,0,50,50' }),
        // The bottom half (blue | yellow) turned a quarter: blue above yellow.
        fragmentCanvas(3, [450, 1200], level2Service, { region: '0,450,1200,450', rotation: '90' }),
        // Mirrored first (yellow | blue), then turned: yellow above blue.
        fragmentCanvas(4, [450, 1200], level0Service, { region: '0,450,1200,450', rotation: '!90' }),
      ],
    };
    await writeFile(path.join(app.host.workspace, 'fragments.json'), JSON.stringify(manifest, null, 2));
    level2.clearLog();
    level0.clearLog();
    await openFromWorkspace(page, 'fragments.json', 4);
    await expect
      .poll(async () => {
        const states = await thumbStates(app.session);
        return states.length === 4 && count(states, 'loaded') === 4;
      })
      .toBe(true);

    const frame = (index: number) => cell(page, index).locator('.thumb-frame');
    const box = await frame(0).boundingBox();
    const [width, height] = [box?.width ?? 0, box?.height ?? 0];
    // Where a crop of aspect `w`:`h` is drawn (contained, centred) in the frame, as fractions of the frame.
    const drawn = (w: number, h: number) => {
      const scale = Math.min(width / w, height / h);
      const fx = (w * scale) / width;
      const fy = (h * scale) / height;
      const at = (f: number, extent: number) => 0.5 + (f - 0.5) * extent;
      return (xs: number[], ys: number[]) =>
        grid(
          xs.map((x) => at(x, fx)),
          ys.map((y) => at(y, fy)),
        );
    };
    const quarter = drawn(600, 450)([0.1, 0.5, 0.9], [0.1, 0.5, 0.9]);
    for (const index of [0, 1]) {
      await expect.poll(() => coloursIn(page, frame(index), quarter)).toEqual(quarter.map(() => 'red'));
    }
    const standing = drawn(450, 1200);
    const top = standing([0.1, 0.5, 0.9], [0.1, 0.4]);
    const bottom = standing([0.1, 0.5, 0.9], [0.6, 0.9]);
    await expect
      .poll(() => coloursIn(page, frame(2), [...top, ...bottom]))
      .toEqual([...top.map(() => 'blue'), ...bottom.map(() => 'yellow')]);
    await expect
      .poll(() => coloursIn(page, frame(3), [...top, ...bottom]))
      .toEqual([...top.map(() => 'yellow'), ...bottom.map(() => 'blue')]);

    // The level 2 server was asked for the regions (turned by it), at no more than twice the width each is
    // drawn at. (Whole-image requests come from the viewer, which shows the first canvas from its tiles.)
    const shownQuarter = Math.min(width, height * (600 / 450));
    const shownStanding = Math.min(width, height * (450 / 1200));
    const asked = level2.requestLog
      .map((entry) => entry.path)
      .filter((p) => p.startsWith('/iiif/quadrants/'));
    const region = asked.map((p) => /^\/iiif\/quadrants\/0,0,600,450\/(\d+),\/0\/default\.jpg$/.exec(p)?.[1]);
    const turned = asked.map(
      (p) => /^\/iiif\/quadrants\/0,450,1200,450\/(\d+),\/90\/default\.jpg$/.exec(p)?.[1],
    );
    const regionWidths = region.filter(Boolean).map(Number);
    // A quarter turn: the width asked for is the region's before the turn, its height once drawn.
    const turnedWidths = turned.filter(Boolean).map((w) => (Number(w) * 450) / 1200);
    expect(regionWidths.length).toBeGreaterThan(0);
    expect(turnedWidths.length).toBeGreaterThan(0);
    for (const w of regionWidths) expect(w).toBeLessThanOrEqual(2 * shownQuarter);
    for (const w of turnedWidths) expect(w).toBeLessThanOrEqual(2 * shownStanding);
    // The level 0 server only for sizes it declares.
    const declared = (info.sizes as { width: number; height: number }[]).map((s) => `${s.width},${s.height}`);
    const level0Asked = level0.requestLog.filter((entry) => entry.path.includes('/full/'));
    expect(level0Asked.length).toBeGreaterThan(0);
    for (const entry of level0Asked) {
      expect(declared).toContain(/\/full\/([^/]+)\//.exec(entry.path)?.[1]);
      expect(entry.status).toBe(200);
    }
  });
});
