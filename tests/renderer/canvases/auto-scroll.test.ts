import { describe, expect, it } from 'vitest';
import { autoScrollStep } from '../../../renderer/src/features/canvases/auto-scroll';

describe('auto-scroll speed', () => {
  const top = 100;
  const height = 800;

  it('is zero away from the edges and points towards the nearer edge', () => {
    expect(autoScrollStep(500, top, height, 0)).toBe(0);
    expect(autoScrollStep(top + 2, top, height, 0)).toBeLessThan(0);
    expect(autoScrollStep(top + height - 2, top, height, 0)).toBeGreaterThan(0);
  });

  it('is faster deeper in the zone and the longer the pointer is held there', () => {
    const shallow = autoScrollStep(top + 50, top, height, 0);
    const deep = autoScrollStep(top, top, height, 0);
    expect(Math.abs(deep)).toBeGreaterThan(Math.abs(shallow));
    expect(Math.abs(autoScrollStep(top, top, height, 3000))).toBeGreaterThan(40 * Math.abs(deep));
  });

  it('crosses 9,000 grid cells (about 400,000 px) in well under ten seconds at full depth', () => {
    let travelled = 0;
    let frames = 0;
    while (travelled < 400_000 && frames < 10_000) {
      travelled += Math.abs(autoScrollStep(top, top, height, (frames * 1000) / 60));
      frames += 1;
    }
    expect(frames / 60).toBeLessThan(10);
  });
});
