import { describe, expect, it } from 'vitest';
import { formatTarget, parseTarget, parseTargets, type TargetShape } from '../../../shared/iiif/annotations';
import type { JsonValue } from '../../../shared/iiif/json';
import { CANVAS } from './sample';

const svgPath = '<svg><path d="M905.5,824 891.5,878 890,905z" /></svg>';

describe('parseTarget', () => {
  it('reads each spelling of where', () => {
    expect(parseTarget(CANVAS)).toEqual({ source: CANVAS, geometry: { kind: 'whole' } });
    expect(parseTarget(`${CANVAS}#xywh=1,2,3,4`).geometry).toEqual({
      kind: 'box',
      unit: 'pixel',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
    });
    expect(parseTarget(`${CANVAS}#xywh=percent:10,10,50,50`).geometry).toMatchObject({
      unit: 'percent',
      w: 50,
    });
    expect(parseTarget(`${CANVAS}#t=1.5,3`).geometry).toEqual({ kind: 'time', start: 1.5, end: 3 });
    expect(parseTarget({ id: CANVAS, type: 'Canvas' })).toEqual({
      source: CANVAS,
      geometry: { kind: 'whole' },
    });
    expect(
      parseTarget({
        type: 'SpecificResource',
        source: CANVAS,
        selector: { type: 'PointSelector', x: 5, y: 6 },
      }),
    ).toEqual({ source: CANVAS, geometry: { kind: 'point', x: 5, y: 6 } });
    expect(
      parseTarget({
        type: 'SpecificResource',
        source: { id: CANVAS, type: 'Canvas' },
        selector: { type: 'FragmentSelector', value: 'xywh=0,0,9,9' },
      }).geometry,
    ).toMatchObject({ kind: 'box', w: 9 });
    expect(
      parseTarget({ source: CANVAS, selector: { type: 'SvgSelector', value: svgPath } }).geometry,
    ).toEqual({
      kind: 'polygon',
      points: [
        [905.5, 824],
        [891.5, 878],
        [890, 905],
      ],
    });
    expect(
      parseTarget({
        source: CANVAS,
        selector: { type: 'SvgSelector', value: '<svg><polygon points="0,0 10,0 10,10"/></svg>' },
      }).geometry,
    ).toMatchObject({
      kind: 'polygon',
      points: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    });
  });

  it('keeps what it cannot draw, and says what it cannot read', () => {
    const curve = '<svg><path d="M0,0 C10,10 20,20 30,0z"/></svg>';
    expect(parseTarget({ source: CANVAS, selector: { type: 'SvgSelector', value: curve } }).geometry).toEqual(
      {
        kind: 'svg',
        svg: curve,
      },
    );
    expect(
      parseTarget({ source: CANVAS, selector: { type: 'ImageApiSelector', rotation: '90' } }).geometry,
    ).toEqual({
      kind: 'selector',
      selector: 'ImageApiSelector',
    });
    expect(parseTarget(`${CANVAS}#xywh=1,2,0,4`).geometry.kind).toBe('invalid');
    expect(parseTarget(`${CANVAS}#t=5,1`).geometry.kind).toBe('invalid');
    expect(parseTarget({ source: CANVAS, selector: { type: 'PointSelector', x: 'a' } }).geometry.kind).toBe(
      'invalid',
    );
    expect(
      parseTarget({ source: CANVAS, selector: { type: 'SvgSelector', value: 'M0 0' } }).geometry.kind,
    ).toBe('invalid');
    expect(parseTarget(42).geometry.kind).toBe('invalid');
  });

  it('reads several canvases of a manifest-level annotation', () => {
    expect(parseTargets([CANVAS, 'https://example.org/canvas/2#t=1']).map((t) => t.source)).toEqual([
      CANVAS,
      'https://example.org/canvas/2',
    ]);
  });
});

describe('formatTarget', () => {
  const written: JsonValue[] = [
    CANVAS,
    `${CANVAS}#xywh=1,2,3,4`,
    `${CANVAS}#t=0,10`,
    { id: CANVAS, type: 'Canvas', partOf: [{ id: 'm', type: 'Manifest' }] },
    { type: 'SpecificResource', source: CANVAS, selector: { type: 'PointSelector', x: 1, y: 1 } },
    {
      type: 'SpecificResource',
      source: CANVAS,
      styleClass: 'red',
      selector: { type: 'FragmentSelector', value: 'xywh=1,1,2,2' },
    },
  ];

  it('gives back the very entry it read when the shape did not change', () => {
    for (const entry of written) expect(formatTarget(parseTarget(entry), entry)).toBe(entry);
  });

  it('writes each new shape so that it reads back the same', () => {
    const shapes: TargetShape[] = [
      { source: CANVAS, geometry: { kind: 'whole' } },
      { source: CANVAS, geometry: { kind: 'box', unit: 'pixel', x: 1, y: 2, w: 3, h: 4 } },
      { source: CANVAS, geometry: { kind: 'point', x: 7, y: 8 } },
      {
        source: CANVAS,
        geometry: {
          kind: 'polygon',
          points: [
            [0, 0],
            [5, 0],
            [5, 5],
          ],
        },
      },
      { source: CANVAS, geometry: { kind: 'time', start: 2, end: 4 } },
    ];
    for (const shape of shapes) expect(parseTarget(formatTarget(shape))).toEqual(shape);
    expect(formatTarget(shapes[1] as TargetShape)).toBe(`${CANVAS}#xywh=1,2,3,4`);
    expect(formatTarget(shapes[2] as TargetShape)).toEqual({
      type: 'SpecificResource',
      source: CANVAS,
      selector: { type: 'PointSelector', x: 7, y: 8 },
    });
  });

  it('keeps the spelling of a changed SpecificResource and replaces only the selector', () => {
    const entry = written[5] as JsonValue;
    const moved = formatTarget(
      { source: CANVAS, geometry: { kind: 'box', unit: 'pixel', x: 5, y: 5, w: 2, h: 2 } },
      entry,
    );
    expect(moved).toEqual({
      type: 'SpecificResource',
      source: CANVAS,
      styleClass: 'red',
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 'xywh=5,5,2,2',
      },
    });
    const reference = written[3] as JsonValue;
    const boxed = formatTarget(
      { source: CANVAS, geometry: { kind: 'box', unit: 'pixel', x: 0, y: 0, w: 1, h: 1 } },
      reference,
    );
    expect(boxed).toBe(`${CANVAS}#xywh=0,0,1,1`);
  });

  it('refuses to invent a target for a shape it only keeps', () => {
    expect(() => formatTarget({ source: CANVAS, geometry: { kind: 'selector', selector: 'X' } })).toThrow();
  });
});
