import { describe, expect, it } from 'vitest';
import { cropStyle } from '../../../renderer/src/features/canvases/crop-style';

describe('the CSS boxes of a cropped thumbnail', () => {
  it('fits the crop, centred, and places the whole image so that only the crop shows', () => {
    // The right half of a 4:3 image: a 2:3 crop in a 120×120 box is 80 wide and 120 high.
    const style = cropStyle(
      { x: 0.5, y: 0, width: 0.5, height: 1, aspect: 1.5, degrees: 0, mirror: false },
      { width: 120, height: 120 },
    );
    expect(style.clip).toEqual({ left: 20, top: 0, width: 80, height: 120 });
    expect(style.image).toEqual({ left: '-100%', top: '0%', width: '200%', height: '100%' });
  });

  it('fits a quarter-turned crop by its turned aspect, mirroring before turning', () => {
    // Turned, the 2:3 crop is 3:2: 120 wide and 80 high in the box; unturned it is 80×120 about the same centre.
    const style = cropStyle(
      { x: 0, y: 0, width: 1, height: 1, aspect: 1.5, degrees: 90, mirror: true },
      { width: 120, height: 120 },
    );
    expect(style.clip).toEqual({
      left: 20,
      top: 0,
      width: 80,
      height: 120,
      transform: 'rotate(90deg) scaleX(-1)',
    });
  });
});
