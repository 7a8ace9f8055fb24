import { describe, expect, it } from 'vitest';
import {
  clampToCanvas,
  fitInside,
  intersect,
  moveBy,
  resizeFromCorner,
  spanned,
  turnQuarter,
  withSide,
} from '../../../renderer/src/features/composition/geometry';

const rect = { x: 100, y: 100, width: 400, height: 300 };

describe('composition geometry', () => {
  it('resizes from a corner with the opposite corner fixed and the proportions kept', () => {
    expect(resizeFromCorner(rect, 'se', { x: 900, y: 150 })).toEqual({
      x: 100,
      y: 100,
      width: 800,
      height: 600,
    });
    expect(resizeFromCorner(rect, 'nw', { x: 300, y: 250 })).toEqual({
      x: 300,
      y: 250,
      width: 200,
      height: 150,
    });
    // The pointer went further vertically: height leads.
    expect(resizeFromCorner(rect, 'ne', { x: 500, y: -200 })).toEqual({
      x: 100,
      y: -200,
      width: 800,
      height: 600,
    });
    const tiny = resizeFromCorner(rect, 'se', { x: 100, y: 100 });
    expect(tiny.width).toBeGreaterThan(0);
    expect(tiny.width / tiny.height).toBeCloseTo(4 / 3);
  });

  it('moves, turns about the centre and fits', () => {
    expect(moveBy(rect, 10, -5)).toEqual({ x: 110, y: 95, width: 400, height: 300 });
    expect(turnQuarter(rect)).toEqual({ x: 150, y: 50, width: 300, height: 400 });
    expect(fitInside(2 / 3, { width: 1200, height: 900 })).toEqual({ x: 300, y: 0, width: 600, height: 900 });
  });

  it('keeps targets on the canvas in whole pixels, shrinking those that are too big', () => {
    const canvas = { width: 1200, height: 900 };
    expect(clampToCanvas({ x: -10.2, y: 850, width: 400.4, height: 300 }, canvas)).toEqual({
      x: 0,
      y: 600,
      width: 400,
      height: 300,
    });
    expect(clampToCanvas({ x: 0, y: 0, width: 2400, height: 900 }, canvas)).toEqual({
      x: 0,
      y: 0,
      width: 1200,
      height: 450,
    });
  });

  it('edits one side with the other following', () => {
    expect(withSide(rect, 'width', 800)).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(withSide(rect, 'height', 150)).toEqual({ x: 100, y: 100, width: 200, height: 150 });
  });

  it('spans two points either way and intersects rectangles', () => {
    expect(spanned({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20, width: 40, height: 60 });
    expect(intersect(rect, { x: 400, y: 0, width: 400, height: 200 })).toEqual({
      x: 400,
      y: 100,
      width: 100,
      height: 100,
    });
    expect(intersect(rect, { x: 0, y: 0, width: 50, height: 50 })).toBeNull();
  });
});
