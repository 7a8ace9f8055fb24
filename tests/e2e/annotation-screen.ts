/**
 * Reading and driving annotations on the viewer's screen, for the e2e tests that draw them: the shapes drawn
 * (kind and bounding box, in document order), a comparison within a tolerance, and the mouse at canvas pixels
 * through the canvas frame the viewer draws.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Drawn {
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shapes on screen, by kind and bounding box, in document order. */
export async function shapesOnScreen(page: Page): Promise<Drawn[]> {
  return page.getByTestId('annotation-shape').evaluateAll((elements) =>
    elements.map((element) => {
      const outline = element.firstElementChild as SVGGraphicsElement;
      const box = outline.getBoundingClientRect();
      return {
        kind: (element as SVGElement).dataset['kind'] ?? '',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
      };
    }),
  );
}

export function expectSameScreen(actual: Drawn[], expected: Drawn[], tolerance = 2) {
  expect(actual.map((s) => s.kind)).toEqual(expected.map((s) => s.kind));
  actual.forEach((shape, i) => {
    const want = expected[i] as Drawn;
    for (const key of ['x', 'y', 'width', 'height'] as const)
      expect(Math.abs(shape[key] - want[key]), `${shape.kind} ${key}`).toBeLessThanOrEqual(tolerance);
  });
}

/** The mouse at canvas pixels of a canvas `width` × `height`, through the canvas frame on screen. */
export function canvasMouse(page: Page, width: number, height: number) {
  const clientAt = async (x: number, y: number): Promise<[number, number]> => {
    const frame = await page.getByTestId('canvas-frame').boundingBox();
    if (!frame) throw new Error('no canvas frame on screen');
    return [frame.x + (x * frame.width) / width, frame.y + (y * frame.height) / height];
  };
  return {
    clientAt,
    async clickAt(x: number, y: number) {
      await page.mouse.click(...(await clientAt(x, y)));
    },
    async dragAt(from: [number, number], to: [number, number]) {
      const [fx, fy] = await clientAt(...from);
      const [tx, ty] = await clientAt(...to);
      await page.mouse.move(fx, fy);
      await page.mouse.down();
      await page.mouse.move(tx, ty, { steps: 8 });
      await page.mouse.up();
    },
  };
}

/** Waits until the viewer shows its one image and the canvas frame stops moving (the fit is then done). */
export async function waitForSteadyCanvas(page: Page) {
  await expect.poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images')).toBe('1');
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await page.getByTestId('canvas-frame').boundingBox());
      const steady = now === last;
      last = now;
      return steady;
    })
    .toBe(true);
}
