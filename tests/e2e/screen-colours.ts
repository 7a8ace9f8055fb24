/**
 * What colour the screen shows at points inside an element, named as the fixture images' quadrant colours:
 * for checking which part of a test image an element draws (a crop, a turn, a mirror) by what is on screen.
 */
import type { Locator, Page } from 'playwright-core';
import { colourName, pixelAt, type ColourName } from '../fixtures/institutions';

/** `points` are fractions (0–1) of the element's box; 'other' for every point when it has no box. */
export async function coloursIn(
  page: Page,
  element: Locator,
  points: readonly (readonly [number, number])[],
): Promise<ColourName[]> {
  const box = await element.boundingBox();
  if (!box) return points.map(() => 'other');
  const shot = await page.screenshot();
  return Promise.all(
    points.map(async ([x, y]) =>
      colourName(await pixelAt(shot, box.x + x * box.width, box.y + y * box.height)),
    ),
  );
}
