import { describe, expect, it } from 'vitest';
import {
  boxFromCorners,
  formatTarget,
  growBounds,
  inPixels,
  inUnitOf,
  moveGeometry,
  parseTarget,
  pointAt,
  polygonFrom,
  resizeGeometry,
  boundsOfGeometry,
  type DrawnGeometry,
} from '../../../shared/iiif/annotations';
import { CANVAS } from './sample';

const SIZE = { width: 1000, height: 500 };

/** A drawn shape written as a new target and read back. */
function roundTrip(geometry: DrawnGeometry) {
  const written = formatTarget({ source: CANVAS, geometry });
  return { written, read: parseTarget(written) };
}

describe('drawn shapes to targets and back', () => {
  it('writes a dragged box as #xywh= in whole pixels, whichever way it was dragged', () => {
    const box = boxFromCorners([300.6, 220.2], [100.4, 20.7]);
    expect(box).toEqual({ kind: 'box', unit: 'pixel', x: 100, y: 21, w: 201, h: 199 });
    const { written, read } = roundTrip(box);
    expect(written).toBe(`${CANVAS}#xywh=100,21,201,199`);
    expect(read).toEqual({ source: CANVAS, geometry: box });
  });

  it('writes a point as a PointSelector', () => {
    const { written, read } = roundTrip(pointAt([12.4, 99.6]));
    expect(written).toEqual({
      type: 'SpecificResource',
      source: CANVAS,
      selector: { type: 'PointSelector', x: 12, y: 100 },
    });
    expect(read.geometry).toEqual({ kind: 'point', x: 12, y: 100 });
  });

  it('writes a polygon as an SvgSelector that reads back vertex for vertex', () => {
    const polygon = polygonFrom([
      [10.2, 10],
      [200, 10.6],
      [200, 150],
    ]) as DrawnGeometry;
    const { written, read } = roundTrip(polygon);
    expect(written).toMatchObject({
      type: 'SpecificResource',
      selector: { type: 'SvgSelector', value: expect.stringContaining('points="10,10 200,11 200,150"') },
    });
    expect(read.geometry).toEqual({
      kind: 'polygon',
      points: [
        [10, 10],
        [200, 11],
        [200, 150],
      ],
    });
  });

  it('reads a freehand path (Annotorious/Mirador spelling) as the same outline', () => {
    const read = parseTarget({
      type: 'SpecificResource',
      source: CANVAS,
      selector: { type: 'SvgSelector', value: '<svg><path d="M10,10 L200,10 l0,140 Z"/></svg>' },
    });
    expect(read.geometry).toEqual({
      kind: 'polygon',
      points: [
        [10, 10],
        [200, 10],
        [200, 150],
      ],
    });
  });

  it('thins a freehand trace and refuses fewer than three distinct points', () => {
    const trace: [number, number][] = [];
    for (let i = 0; i <= 100; i += 1) trace.push([i, i < 50 ? 0 : i - 50]);
    const thinned = polygonFrom(trace, 5);
    expect(thinned?.kind).toBe('polygon');
    expect(thinned?.kind === 'polygon' && thinned.points.length).toBeLessThan(25);
    expect(
      polygonFrom(
        [
          [0, 0],
          [0.2, 0.1],
          [1, 1],
        ],
        2,
      ),
    ).toBeUndefined();
    expect(
      polygonFrom([
        [0, 0],
        [5, 5],
      ]),
    ).toBeUndefined();
  });
});

describe('moving and resizing', () => {
  it('moves each kind of shape', () => {
    expect(moveGeometry({ kind: 'point', x: 1, y: 2 }, 3, 4)).toEqual({ kind: 'point', x: 4, y: 6 });
    expect(moveGeometry(boxFromCorners([0, 0], [10, 10]), -5, 5)).toMatchObject({ x: -5, y: 5, w: 10 });
    expect(
      moveGeometry(
        {
          kind: 'polygon',
          points: [
            [0, 0],
            [4, 0],
            [4, 4],
          ],
        },
        1,
        1,
      ),
    ).toEqual({
      kind: 'polygon',
      points: [
        [1, 1],
        [5, 1],
        [5, 5],
      ],
    });
  });

  it('resizes a polygon by scaling it about its bounds, never below one pixel', () => {
    const polygon: DrawnGeometry = {
      kind: 'polygon',
      points: [
        [10, 10],
        [20, 10],
        [20, 30],
      ],
    };
    const grown = resizeGeometry(polygon, growBounds(boundsOfGeometry(polygon), 10, 20));
    expect(grown).toEqual({
      kind: 'polygon',
      points: [
        [10, 10],
        [30, 10],
        [30, 50],
      ],
    });
    const box = resizeGeometry(
      boxFromCorners([0, 0], [2, 2]),
      growBounds({ x: 0, y: 0, w: 2, h: 2 }, -5, -5),
    );
    expect(box).toMatchObject({ w: 1, h: 1 });
  });

  it('keeps a percent box in percent through a pixel edit', () => {
    const percent: DrawnGeometry = { kind: 'box', unit: 'percent', x: 10, y: 10, w: 50, h: 20 };
    const pixels = inPixels(percent, SIZE);
    expect(pixels).toEqual({ kind: 'box', unit: 'pixel', x: 100, y: 50, w: 500, h: 100 });
    expect(inUnitOf(percent, moveGeometry(pixels, 10, 5), SIZE)).toEqual({
      kind: 'box',
      unit: 'percent',
      x: 11,
      y: 11,
      w: 50,
      h: 20,
    });
  });
});
