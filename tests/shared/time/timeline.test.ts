import { describe, expect, it } from 'vitest';
import {
  closeSpan,
  durationToHold,
  fractionToTime,
  laneOf,
  nextSpanFrom,
  placeClip,
  spanAt,
  spanFromDrag,
  timeToFraction,
} from '../../../shared/iiif/time';

describe('placeClip', () => {
  it('puts the first clip at the start', () => {
    expect(placeClip(10, 60, [])).toEqual({ start: 0, end: 10 });
  });

  it('puts the next clip after the last one', () => {
    expect(
      placeClip(5, 60, [
        { start: 0, end: 10 },
        { start: 12, end: 20 },
      ]),
    ).toEqual({ start: 20, end: 25 });
  });

  it('cuts a clip short at the end of the canvas', () => {
    expect(placeClip(10, 15, [{ start: 0, end: 10 }])).toEqual({ start: 10, end: 15 });
  });

  it('starts over at 0 when the canvas is full, never outside it', () => {
    expect(placeClip(5, 10, [{ start: 0 }])).toEqual({ start: 0, end: 5 });
  });
});

describe('spanFromDrag', () => {
  it('orders and clamps the two ends', () => {
    expect(spanFromDrag(8, -2, 10)).toEqual({ start: 0, end: 8 });
    expect(spanFromDrag(3, 12, 10)).toEqual({ start: 3, end: 10 });
  });

  it('treats a tiny drag as a click', () => {
    expect(spanFromDrag(3, 3.01, 10)).toBeUndefined();
  });
});

describe('closeSpan and durationToHold', () => {
  it('closes an open span at the end', () => {
    expect(closeSpan({ start: 4 }, 10)).toEqual({ start: 4, end: 10 });
    expect(closeSpan({ start: 4, end: 30 }, 10)).toEqual({ start: 4, end: 10 });
  });

  it('holds the last clip', () => {
    expect(
      durationToHold([
        { start: 0, end: 10 },
        { start: 10, end: 15 },
      ]),
    ).toBe(15);
    expect(durationToHold([], 3)).toBe(3);
  });
});

describe('laneOf', () => {
  it('stacks overlapping spans and reuses free lanes', () => {
    expect(
      laneOf([
        { start: 0, end: 10 },
        { start: 5, end: 8 },
        { start: 10, end: 12 },
        { start: 9, end: 11 },
      ]),
    ).toEqual([0, 1, 0, 1]);
  });
});

describe('fractions', () => {
  it('converts both ways within bounds', () => {
    expect(timeToFraction(5, 10)).toBe(0.5);
    expect(timeToFraction(15, 10)).toBe(1);
    expect(timeToFraction(5, 0)).toBe(0);
    expect(fractionToTime(0.25, 10)).toBe(2.5);
    expect(fractionToTime(-1, 10)).toBe(0);
  });
});

describe('spanAt and nextSpanFrom', () => {
  const spans = [
    { start: 0, end: 10 },
    { start: 10, end: 15 },
    { start: 20, end: 25 },
  ];

  it('finds the clip playing, handing over at the boundary', () => {
    expect(spanAt(spans, 0)).toBe(0);
    expect(spanAt(spans, 10)).toBe(1);
    expect(spanAt(spans, 17)).toBe(-1);
    expect(spanAt(spans, 25)).toBe(-1);
  });

  it('finds the next clip after a gap', () => {
    expect(nextSpanFrom(spans, 15)).toBe(2);
    expect(nextSpanFrom(spans, 21)).toBe(-1);
  });
});
