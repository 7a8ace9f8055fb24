/**
 * The zoom viewer's other painting cases, checked by what is on screen: a Choice with a layer switcher, a
 * static image without a service, a percent region turned half round, mirrored rotations (`!n`) beside a
 * plain one, the keyboard (OpenSeadragon's keys on its canvas), and the view-only opacity used while aligning
 * (it never reaches the document).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QUADRANTS,
  QUADRANTS_TURNED,
  pixelAt,
  quadrantImage,
  startInstitution,
  type Institution,
  colourName,
  type ColourName,
} from '../fixtures/institutions';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const BASE = 'https://example.org/iiif/viewer';
const FILE = 'viewer.json';
type Json = Record<string, unknown>;

function canvas(n: number, width: number, height: number, body: Json): Json {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`Canvas ${n}`] },
    width,
    height,
    items: [
      {
        id: `${id}/page/1`,
        type: 'AnnotationPage',
        items: [{ id: `${id}/annotation/1`, type: 'Annotation', motivation: 'painting', body, target: id }],
      },
    ],
  };
}

/**
 * `staticImage`: a plain image URL that is no Image API request (a data: URL of the quadrants), so the
 * viewer itself crops, mirrors and turns it.
 */
function manifest(inst: Institution, staticImage: string): Json {
  const image = (id: string, label: string): Json => ({
    id: `${inst.serviceUrl(id)}/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width: 1200,
    height: 900,
    label: { en: [label] },
    service: [{ id: inst.serviceUrl(id), type: 'ImageService3', profile: 'level2' }],
  });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Viewer cases'] },
    items: [
      canvas(1, 1200, 900, { type: 'Choice', items: [image('a', 'Visible'), image('b', 'X-ray')] }),
      canvas(2, 1200, 900, {
        id: `${inst.serviceUrl('a')}/full/600,/0/default.png`,
        type: 'Image',
        format: 'image/png',
        width: 600,
        height: 450,
      }),
      canvas(3, 600, 450, {
        id: `${BASE}/canvas/3/body`,
        type: 'SpecificResource',
        source: image('b', 'Turned quadrants'),
        selector: { type: 'ImageApiSelector', region: 'pct:0,0,50,50', rotation: '180' },
      }),
      canvas(4, 1200, 900, {
        id: `${BASE}/canvas/4/body`,
        type: 'SpecificResource',
        source: image('a', 'Mirrored'),
        selector: { type: 'ImageApiSelector', rotation: '!0' },
      }),
      canvas(5, 900, 1200, {
        id: `${BASE}/canvas/5/body`,
        type: 'SpecificResource',
        source: image('a', 'Mirrored, turned a quarter'),
        selector: { type: 'ImageApiSelector', rotation: '!90' },
      }),
      canvas(6, 900, 1200, {
        id: `${BASE}/canvas/6/body`,
        type: 'SpecificResource',
        source: image('a', 'Turned a quarter'),
        selector: { type: 'ImageApiSelector', rotation: '90' },
      }),
      canvas(7, 900, 900, {
        id: `${BASE}/canvas/7/body`,
        type: 'SpecificResource',
        source: { id: staticImage, type: 'Image', format: 'image/png', width: 1200, height: 900 },
        selector: { type: 'ImageApiSelector', region: '300,0,900,900', rotation: '!90' },
      }),
    ],
  };
}

async function coloursAt(
  page: Page,
  size: [number, number],
  points: [number, number][],
): Promise<ColourName[]> {
  const frame = await page.getByTestId('canvas-frame').first().boundingBox();
  if (!frame) return points.map(() => 'other');
  const shot = await page.screenshot();
  return Promise.all(
    points.map(async ([x, y]) =>
      colourName(
        await pixelAt(shot, frame.x + (x / size[0]) * frame.width, frame.y + (y / size[1]) * frame.height),
      ),
    ),
  );
}

const QUARTERS: [number, number][] = [
  [300, 225],
  [900, 225],
  [300, 675],
  [900, 675],
];

async function selectCanvas(page: Page, index: number) {
  const cell = page.getByTestId('canvas-cell').nth(index);
  await cell.click();
  await expect.poll(() => cell.getAttribute('aria-selected')).toBe('true');
}

describe('the zoom viewer', () => {
  const app = useHostAndBrowser();
  let inst: Institution;

  beforeAll(async () => {
    inst = await startInstitution({
      level: 2,
      imageApi: 3,
      manifests: false,
      images: [
        { id: 'a', width: 1200, height: 900, colours: QUADRANTS },
        { id: 'b', width: 1200, height: 900, colours: QUADRANTS_TURNED },
      ],
    });
    const staticImage = `data:image/png;base64,${(await quadrantImage(1200, 900, QUADRANTS)).toString('base64')}`;
    await writeFile(
      path.join(app.host.workspace, FILE),
      JSON.stringify(manifest(inst, staticImage), null, 2),
    );
  });
  afterAll(async () => {
    await inst?.close();
  });

  it('switches the layers of a Choice', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'viewer.json');
    await expect.poll(() => page.title()).toContain(FILE);
    await selectCanvas(page, 0);
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['red', 'green', 'blue', 'yellow']);
    await page.getByRole('radio', { name: 'X-ray' }).check();
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['blue', 'red', 'yellow', 'green']);
    await page.getByRole('radio', { name: 'X-ray' }).press('ArrowUp');
    await expect.poll(() => page.getByRole('radio', { name: 'Visible' }).isChecked()).toBe(true);
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['red', 'green', 'blue', 'yellow']);
  });

  it('shows a static image without a service, fitted to its target', async () => {
    const { page } = app;
    await selectCanvas(page, 1);
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['red', 'green', 'blue', 'yellow']);
  });

  it('shows a percent region turned half round', async () => {
    const { page } = app;
    await selectCanvas(page, 2);
    // The top-left quarter of the turned image is blue whichever way it is turned: all of it, everywhere.
    await expect
      .poll(
        () =>
          coloursAt(
            page,
            [600, 450],
            [
              [60, 45],
              [300, 225],
              [540, 405],
            ],
          ),
        { timeout: 30_000 },
      )
      .toEqual(['blue', 'blue', 'blue']);
  });

  // Image API 3 §4.3: `!n` mirrors the image left–right (reflection on the vertical axis), then turns it n°
  // clockwise. Image a is red | green over blue | yellow.
  it('mirrors an image whose rotation is !0', async () => {
    const { page } = app;
    await selectCanvas(page, 3);
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['green', 'red', 'yellow', 'blue']);
  });

  it('mirrors, then turns, an image whose rotation is !90; a plain 90 only turns', async () => {
    const { page } = app;
    const quarters: [number, number][] = [
      [225, 300],
      [675, 300],
      [225, 900],
      [675, 900],
    ];
    // Mirrored: green | red over yellow | blue; turned clockwise, the left column (green above yellow) becomes
    // the top row read from the right.
    await selectCanvas(page, 4);
    await expect
      .poll(() => coloursAt(page, [900, 1200], quarters), { timeout: 30_000 })
      .toEqual(['yellow', 'green', 'blue', 'red']);
    await selectCanvas(page, 5);
    await expect
      .poll(() => coloursAt(page, [900, 1200], quarters), { timeout: 30_000 })
      .toEqual(['blue', 'red', 'yellow', 'green']);
  });

  it('crops a plain image before mirroring and turning it (!90 with a region)', async () => {
    const { page } = app;
    await selectCanvas(page, 6);
    // Region x 300–1200: red | green (a third, two thirds) over blue | yellow. Mirrored: green | red (two
    // thirds, a third) over yellow | blue. Turned clockwise (900 × 900): the top two thirds are yellow | green,
    // the bottom third blue | red. Row 450 tells this from a crop taken after the mirror (blue | red there)
    // and from no mirror at all (yellow | green in both rows).
    await expect
      .poll(
        () =>
          coloursAt(
            page,
            [900, 900],
            [
              [225, 450],
              [675, 450],
              [225, 800],
              [675, 800],
            ],
          ),
        { timeout: 30_000 },
      )
      .toEqual(['yellow', 'green', 'blue', 'red']);
  });

  it('zooms from the keyboard and fits back', async () => {
    const { page } = app;
    // Canvas 1's images have 1200 pixels: room to zoom before OpenSeadragon's limit (1.1 image pixels per
    // screen pixel), which the 600-pixel static image of canvas 2 would hit at once.
    await selectCanvas(page, 0);
    const width = async () => (await page.getByTestId('canvas-frame').boundingBox())?.width ?? 0;
    // The width once the view has stopped moving (OpenSeadragon animates): two samples in a row agree.
    const settledWidth = async () => {
      let previous = -1;
      let now = 0;
      await expect
        .poll(async () => {
          now = await width();
          const settled = now > 100 && Math.abs(now - previous) < 0.5;
          previous = now;
          return settled;
        })
        .toBe(true);
      return now;
    };
    const fitted = await settledWidth();
    await page.getByLabel(/^Image view/).focus();
    await page.keyboard.press('Equal');
    await expect.poll(width).toBeGreaterThan(fitted * 1.05);
    await page.keyboard.press('Digit0');
    // "0" fits exactly as the Fit button does.
    expect(Math.abs((await settledWidth()) - fitted)).toBeLessThan(2);
    // A tap of = zooms on for some frames after the key is up; a 0 pressed at once still ends fitted.
    await page.keyboard.press('Equal');
    await page.keyboard.press('Digit0');
    expect(Math.abs((await settledWidth()) - fitted)).toBeLessThan(2);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(width).toBeGreaterThan(fitted * 1.2);
    await page.getByRole('button', { name: 'Fit to canvas' }).click();
    expect(Math.abs((await settledWidth()) - fitted)).toBeLessThan(2);
  });

  it('fades an image while aligning without changing the document', async () => {
    const { page } = app;
    await selectCanvas(page, 1);
    await page.getByTestId('compose-toggle').click();
    await page.getByTestId('composition-list-item').first().click();
    await page.getByTestId('opacity').fill('30');
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['other', 'other', 'other', 'other']);
    expect(await page.getByTestId('dirty-marker').count()).toBe(0);
    await page.getByTestId('compose-toggle').click();
    await expect
      .poll(() => coloursAt(page, [1200, 900], QUARTERS), { timeout: 30_000 })
      .toEqual(['red', 'green', 'blue', 'yellow']);
    expect(app.session.errors.filter((e) => /TypeError|Uncaught|is not a function/.test(e))).toEqual([]);
  });
});
