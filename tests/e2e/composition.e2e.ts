/**
 * Issue 7's composition acceptance, in Chromium through the web host, with two simulated institutions serving
 * images of known colours (tests/fixtures/institutions): image A (1200×900, red | green over blue | yellow) from
 * a level 2 Image API 3 server, image B (600×900, the same colours turned: blue | red over yellow | green) from a
 * static level 0 Image API 2 server. On an empty 1200×900 canvas we place A, crop it to its red quadrant by
 * drawing, put the crop on the top-left quarter and B on the right half, check the pixels on screen, save, check
 * the saved manifest against the official schema, and reopen it to the same picture. Then the other crop
 * spelling (region in the URL), a quarter turn, a mouse drag (one undo step each), and images that fail.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialSchemaChecks } from './official-schema-check';
import {
  FAILURE_PATHS,
  QUADRANTS,
  QUADRANTS_TURNED,
  pixelAt,
  startInstitution,
  type Institution,
  colourName,
  type ColourName,
} from '../fixtures/institutions';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const BASE = 'https://example.org/iiif/composition';
const FILE = 'composition.json';

type Json = Record<string, unknown>;

function canvas(n: number, label: string, width: number, height: number, body: Json | null): Json {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [label] },
    width,
    height,
    items: [
      {
        id: `${id}/page/1`,
        type: 'AnnotationPage',
        items: body
          ? [
              {
                id: `${id}/annotation/1`,
                type: 'Annotation',
                motivation: 'painting',
                body,
                target: id,
              },
            ]
          : [],
      },
    ],
  };
}

function manifest(a: Institution, b: Institution, failing: Institution): Json {
  const serviceA = a.serviceUrl('a');
  const serviceB = b.serviceUrl('b');
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Composition test'] },
    items: [
      canvas(1, 'Image A', 1200, 900, {
        id: `${serviceA}/full/max/0/default.jpg`,
        type: 'Image',
        format: 'image/jpeg',
        width: 1200,
        height: 900,
        service: [{ id: serviceA, type: 'ImageService3', profile: 'level2' }],
      }),
      canvas(2, 'Image B', 600, 900, {
        id: `${serviceB}/full/300,/0/default.jpg`,
        type: 'Image',
        format: 'image/jpeg',
        width: 300,
        height: 450,
        service: [
          { '@id': serviceB, '@type': 'ImageService2', profile: 'http://iiif.io/api/image/2/level0.json' },
        ],
      }),
      canvas(3, 'Composed', 1200, 900, null),
      canvas(4, 'Broken', 1200, 900, {
        id: `${failing.baseUrl}${FAILURE_PATHS.notFound.replace('/info.json', '')}/full/max/0/default.jpg`,
        type: 'Image',
        format: 'image/jpeg',
        service: [
          {
            '@id': `${failing.baseUrl}${FAILURE_PATHS.notFound.replace('/info.json', '')}`,
            '@type': 'ImageService2',
            profile: 'http://iiif.io/api/image/2/level2.json',
          },
        ],
      }),
    ],
  };
}

/** Colours on screen at canvas coordinates, read from a screenshot decoded by sharp. */
async function coloursAt(page: Page, points: readonly [number, number][]): Promise<ColourName[]> {
  const frame = await page.getByTestId('canvas-frame').first().boundingBox();
  if (!frame) return points.map(() => 'other');
  const shot = await page.screenshot();
  const colours: ColourName[] = [];
  for (const [x, y] of points) {
    const px = frame.x + (x / 1200) * frame.width;
    const py = frame.y + (y / 900) * frame.height;
    colours.push(colourName(await pixelAt(shot, px, py)));
  }
  return colours;
}

/** Canvas points and the colour each must show once A's red crop and B are in place. */
const EXPECTED: readonly [[number, number], ColourName][] = [
  [[150, 110], 'red'],
  [[300, 225], 'red'],
  [[520, 400], 'red'],
  [[300, 675], 'other'], // bottom-left quarter: empty canvas
  [[750, 225], 'blue'],
  [[1050, 225], 'red'],
  [[750, 675], 'yellow'],
  [[1050, 675], 'green'],
];

async function expectPicture(page: Page, expected: readonly [[number, number], ColourName][]) {
  await expect
    .poll(
      () =>
        coloursAt(
          page,
          expected.map(([point]) => point),
        ),
      { timeout: 30_000, interval: 500 },
    )
    .toEqual(expected.map(([, colour]) => colour));
}

/** A fresh app (it starts on the sample), then the file: the document comes from disk, not from memory. */
async function startFresh(page: Page, url: string, name: string) {
  await openApp(page, url);
  await openWorkspaceFile(page, name);
}

async function setField(page: Page, testId: string, value: number) {
  const field = page.getByTestId(testId);
  await field.fill(String(value));
  await field.press('Enter');
  await expect.poll(() => field.inputValue()).toBe(String(value));
}

async function selectCanvas(page: Page, index: number) {
  const cell = page.getByTestId('canvas-cell').nth(index);
  await cell.click();
  await expect.poll(() => cell.getAttribute('aria-selected')).toBe('true');
}

async function fitView(page: Page) {
  await page.getByRole('button', { name: 'Fit to canvas' }).click();
}

describe('composition in the zoom viewer', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  let a: Institution;
  let b: Institution;
  let failing: Institution;

  beforeAll(async () => {
    [a, b, failing] = await Promise.all([
      startInstitution({
        name: 'Dynamic Gallery',
        level: 2,
        imageApi: 3,
        manifests: false,
        images: [{ id: 'a', width: 1200, height: 900, colours: QUADRANTS, label: 'Image A' }],
      }),
      startInstitution({
        name: 'Static Archive',
        level: 0,
        imageApi: 2,
        manifests: false,
        images: [{ id: 'b', width: 600, height: 900, colours: QUADRANTS_TURNED, label: 'Image B' }],
      }),
      startInstitution({
        name: 'Failing Foundation',
        level: 2,
        imageApi: 2,
        failures: true,
        manifests: false,
      }),
    ]);
    await writeFile(
      path.join(app.host.workspace, FILE),
      `${JSON.stringify(manifest(a, b, failing), null, 2)}\n`,
    );
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), failing?.close()]);
  });

  it('crops A to its red quadrant, places it top-left and B on the right half, saves valid P3 and reopens', async () => {
    const { page } = app;
    await startFresh(page, app.host.url, FILE);
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(4);
    await selectCanvas(page, 2);
    await page.getByTestId('compose-toggle').click();

    // Place A (from canvas 1): it fills the 1200×900 canvas.
    await page.getByTestId('place-source').selectOption('0');
    await page.getByTestId('place-image').click();
    await expect.poll(() => page.getByTestId('composition-item').count()).toBe(1);
    await expect.poll(() => page.getByTestId('target-w').inputValue()).toBe('1200');

    // Draw a crop inside A's red quadrant…
    await page.getByTestId('crop-toggle').click();
    const box = await page.getByTestId('composition-item').boundingBox();
    if (!box) throw new Error('no composition box');
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.05);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => Number(await page.getByTestId('crop-width').inputValue()))
      .toBeLessThan(600);
    // …then make it exactly the quadrant, and put it on the top-left quarter.
    await setField(page, 'crop-x', 0);
    await setField(page, 'crop-y', 0);
    await setField(page, 'crop-width', 600);
    await setField(page, 'crop-height', 450);
    await setField(page, 'target-x', 0);
    await setField(page, 'target-y', 0);
    await setField(page, 'target-w', 600);
    expect(await page.getByTestId('target-h').inputValue()).toBe('450');

    // Place B (from canvas 2) on the right half.
    await page.getByTestId('place-source').selectOption('1');
    await page.getByTestId('place-image').click();
    await expect.poll(() => page.getByTestId('composition-item').count()).toBe(2);
    await setField(page, 'target-x', 600);
    await setField(page, 'target-y', 0);
    await setField(page, 'target-h', 900);
    expect(await page.getByTestId('target-w').inputValue()).toBe('600');

    await page.getByTestId('compose-toggle').click();
    await fitView(page);
    await expectPicture(page, EXPECTED);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`Saved ${FILE}`);
    const saved = JSON.parse(await readFile(path.join(app.host.workspace, FILE), 'utf8')) as Json;
    const composed = (saved['items'] as Json[])[2] as Json;
    const annotations = ((composed['items'] as Json[])[0] as Json)['items'] as Json[];
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'painting',
      target: `${BASE}/canvas/3#xywh=0,0,600,450`,
      body: {
        type: 'SpecificResource',
        source: { id: `${a.serviceUrl('a')}/full/max/0/default.jpg`, type: 'Image' },
        selector: { type: 'ImageApiSelector', region: '0,0,600,450' },
      },
    });
    expect(annotations[1]).toMatchObject({ target: `${BASE}/canvas/3#xywh=600,0,600,900` });
    schema.add('the composed manifest', saved);

    // Reopen the saved file in a fresh app: the same picture.
    await startFresh(page, app.host.url, FILE);
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(4);
    await selectCanvas(page, 2);
    await fitView(page);
    await expectPicture(page, EXPECTED);
  });

  it('writes the crop as a region URL on request, turns B a quarter, and each gesture is one undo step', async () => {
    const { page } = app;
    await page.getByTestId('compose-toggle').click();
    await page.getByTestId('composition-list-item').nth(0).click();
    await page.getByTestId('encoding-url').check();
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
    const saved = JSON.parse(await readFile(path.join(app.host.workspace, FILE), 'utf8')) as Json;
    const annotations = ((((saved['items'] as Json[])[2] as Json)['items'] as Json[])[0] as Json)[
      'items'
    ] as Json[];
    expect(annotations[0]?.['body']).toEqual({
      id: `${a.serviceUrl('a')}/0,0,600,450/max/0/default.jpg`,
      type: 'Image',
      format: 'image/jpeg',
      width: 600,
      height: 450,
    });
    schema.add('the manifest with a region URL', saved);
    await fitView(page);
    await expectPicture(page, EXPECTED);

    // A quarter turn of B about its centre: (600,0,600,900) → 900×600, kept on the canvas at (300,150).
    await page.getByTestId('composition-list-item').nth(1).click();
    await page.getByTestId('rotate').click();
    await expect.poll(() => page.getByTestId('target-x').inputValue()).toBe('300');
    expect(await page.getByTestId('target-w').inputValue()).toBe('900');
    // Turned clockwise, B's blue | red over yellow | green becomes yellow | blue over green | red.
    await expectPicture(page, [
      [[525, 300], 'yellow'],
      [[975, 300], 'blue'],
      [[525, 600], 'green'],
      [[975, 600], 'red'],
      [[150, 110], 'red'],
    ]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('target-x').inputValue()).toBe('600');
    expect(await page.getByTestId('target-w').inputValue()).toBe('600');

    // Drag B with the mouse: many pointer moves, one step.
    const item = page.getByTestId('composition-item').nth(1);
    const box = await item.boundingBox();
    if (!box) throw new Error('no composition box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2 - i * 10, box.y + box.height / 2);
    await page.mouse.up();
    await expect.poll(async () => Number(await page.getByTestId('target-x').inputValue())).toBeLessThan(600);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('target-x').inputValue()).toBe('600');

    // Undone to the saved state: nothing left to save.
    await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(0);
  });

  it('shows a placeholder and a message for an image that cannot be loaded, and keeps working', async () => {
    const { page } = app;
    await page.getByTestId('compose-toggle').click();
    await selectCanvas(page, 3);
    await expect.poll(() => page.getByTestId('image-placeholder').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('viewer-failure').textContent()).toMatch(/could not be loaded/);
    // The app still works: another canvas shows its image.
    await selectCanvas(page, 0);
    await fitView(page);
    await expect
      .poll(
        () =>
          coloursAt(page, [
            [300, 225],
            [900, 225],
            [300, 675],
            [900, 675],
          ]),
        { timeout: 30_000 },
      )
      .toEqual(['red', 'green', 'blue', 'yellow']);
    expect(app.session.errors.filter((e) => /TypeError|Uncaught|is not a function/.test(e))).toEqual([]);
    expect(app.session.offLoopback).toEqual([]);
  });

  schema.test('The composed and saved manifest');
});
