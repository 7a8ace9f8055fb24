import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getIn, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { applyAllOfKind } from '../../../shared/iiif/validation/fixes';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, canvas, manifest, summary } from './helpers';

const AV = `${BASE}/canvas/av`;

function video(duration: number | string, extra: JsonObject = {}): JsonObject {
  return {
    id: 'https://media.example.org/film.mp4',
    type: 'Video',
    format: 'video/mp4',
    width: 640,
    height: 360,
    duration: duration as number,
    ...extra,
  };
}

/** A 60 s video canvas painted by `paintings` (body, target[, extra]), with `annotations` pages if given. */
function avCanvas(
  paintings: { body: JsonValue; target?: JsonValue; extra?: JsonObject }[] = [{ body: video(60) }],
  extra: JsonObject = {},
): JsonObject {
  return {
    id: AV,
    type: 'Canvas',
    label: { none: ['Film'] },
    width: 640,
    height: 360,
    duration: 60,
    items: [
      {
        id: `${AV}/page`,
        type: 'AnnotationPage',
        items: paintings.map((p, i) => ({
          id: `${AV}/page/${i}`,
          type: 'Annotation',
          motivation: 'painting',
          body: p.body,
          target: p.target ?? AV,
          ...p.extra,
        })),
      },
    ],
    ...extra,
  };
}

function commentPage(targets: JsonValue[]): JsonObject {
  return {
    annotations: [
      {
        id: `${AV}/comments`,
        type: 'AnnotationPage',
        items: targets.map((target, i) => ({
          id: `${AV}/comments/${i}`,
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: `note ${i}` },
          target,
        })),
      },
    ],
  };
}

function codes(doc: JsonObject, ...wanted: string[]): string[] {
  return summary(validate(doc)).filter((s) => wanted.some((code) => s.startsWith(`${code}@`)));
}

const TIME = ['time-outside-duration'];

describe('time spans within the Canvas duration', () => {
  it('accepts spans inside, open spans, and the end exactly at the duration', () => {
    const doc = manifest({}, [
      avCanvas(
        [{ body: video(60) }],
        commentPage([`${AV}#t=0,60`, `${AV}#t=59`, `${AV}#t=10,20&xywh=0,0,10,10`]),
      ),
    ]);
    expect(codes(doc, ...TIME)).toEqual([]);
  });

  it('reports annotation targets past the end in every spelling, with a fix only where the start is inside', () => {
    const doc = manifest({}, [
      avCanvas(
        [{ body: video(60) }],
        commentPage([
          `${AV}#t=50,75`,
          {
            type: 'SpecificResource',
            source: { id: AV, type: 'Canvas' },
            selector: { type: 'FragmentSelector', value: 't=30,61' },
          },
          { id: `${AV}#t=60,70`, type: 'Canvas' },
          { type: 'SpecificResource', source: AV, selector: { type: 'PointSelector', t: 90 } },
          `${AV}#xywh=0,0,5,5&t=npt:0:00:10,0:01:10`,
        ]),
      ),
    ]);
    const findings = validate(doc).filter((f) => f.code === 'time-outside-duration');
    expect(findings.map((f) => [f.pathText, f.fix ?? null])).toEqual([
      ['$.items[0].annotations[0].items[0].target', 'clamp-time-to-duration'],
      ['$.items[0].annotations[0].items[1].target', 'clamp-time-to-duration'],
      ['$.items[0].annotations[0].items[2].target', null],
      ['$.items[0].annotations[0].items[3].target', null],
      ['$.items[0].annotations[0].items[4].target', 'clamp-time-to-duration'],
    ]);
    expect(findings[0]?.message).toMatch(/ends at 75 s, after the end of the Canvas \(60 s\)/);
    expect(findings[2]?.message).toMatch(/starts at 60 s/);

    const fixed = applyAllOfKind(doc, 'time-outside-duration') as JsonObject;
    const target = (i: number) => getIn(fixed, ['items', 0, 'annotations', 0, 'items', i, 'target']);
    expect(target(0)).toBe(`${AV}#t=50,60`);
    expect(target(1)).toEqual({
      type: 'SpecificResource',
      source: { id: AV, type: 'Canvas' },
      selector: { type: 'FragmentSelector', value: 't=30,60' },
    });
    expect(target(4)).toBe(`${AV}#xywh=0,0,5,5&t=10,60`);
    // What has no certain fix is left for the curator.
    expect(target(2)).toEqual({ id: `${AV}#t=60,70`, type: 'Canvas' });
    expect(codes(fixed, ...TIME)).toEqual([
      'time-outside-duration@$.items[0].annotations[0].items[2].target',
      'time-outside-duration@$.items[0].annotations[0].items[3].target',
    ]);
  });

  it('reports painting clips placed past the end', () => {
    const doc = manifest({}, [avCanvas([{ body: video(30) }, { body: video(40), target: `${AV}#t=30,70` }])]);
    expect(codes(doc, ...TIME)).toEqual(['time-outside-duration@$.items[0].items[0].items[1].target']);
    const fixed = applyAllOfKind(doc, 'time-outside-duration');
    expect(getIn(fixed, ['items', 0, 'items', 0, 'items', 1, 'target'])).toBe(`${AV}#t=30,60`);
  });

  it('reports Range items past the end of their Canvas, in both spellings, and fixes them', () => {
    const doc = manifest(
      {
        structures: [
          {
            id: `${BASE}/range/1`,
            type: 'Range',
            label: { en: ['Movements'] },
            items: [
              {
                id: `${BASE}/range/2`,
                type: 'Range',
                label: { en: ['I'] },
                items: [{ id: `${AV}#t=0,30`, type: 'Canvas' }],
              },
              {
                id: `${BASE}/range/3`,
                type: 'Range',
                label: { en: ['II'] },
                items: [{ id: `${AV}#t=30,65.5`, type: 'Canvas' }],
              },
              {
                id: `${BASE}/range/4`,
                type: 'Range',
                label: { en: ['III'] },
                items: [
                  {
                    type: 'SpecificResource',
                    source: { id: AV, type: 'Canvas' },
                    selector: {
                      type: 'FragmentSelector',
                      conformsTo: 'http://www.w3.org/TR/media-frags/',
                      value: 't=40,90',
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
      [avCanvas()],
    );
    expect(codes(doc, ...TIME)).toEqual([
      'time-outside-duration@$.structures[0].items[1].items[0]',
      'time-outside-duration@$.structures[0].items[2].items[0]',
    ]);
    const fixed = applyAllOfKind(doc, 'time-outside-duration') as JsonObject;
    expect(getIn(fixed, ['structures', 0, 'items', 1, 'items', 0])).toEqual({
      id: `${AV}#t=30,60`,
      type: 'Canvas',
    });
    expect(getIn(fixed, ['structures', 0, 'items', 2, 'items', 0, 'selector', 'value'])).toBe('t=40,60');
    expect(codes(fixed, ...TIME)).toEqual([]);
  });
});

describe('durations', () => {
  it('reports a duration that is not a positive number, and turns one written as text into a number', () => {
    for (const bad of [0, -5, '60', ' 60.5 ', '1e3', '-2', null]) {
      const doc = manifest({}, [avCanvas([{ body: video(60) }], { duration: bad as JsonValue })]);
      const [finding] = validate(doc).filter((f) => f.code === 'duration-invalid');
      expect(finding?.pathText).toBe('$.items[0].duration');
      expect(finding?.fix ?? null).toBe(bad === '60' || bad === ' 60.5 ' ? 'number-from-text' : null);
    }
    const fixed = applyAllOfKind(
      manifest({}, [avCanvas([{ body: video('572.034') }], { duration: '572.034' })]),
      'duration-invalid',
    );
    expect(getIn(fixed, ['items', 0, 'duration'])).toBe(572.034);
    expect(getIn(fixed, ['items', 0, 'items', 0, 'items', 0, 'body', 'duration'])).toBe(572.034);
    const size = applyAllOfKind(manifest({}, [canvas(1, { width: '1000' })]), 'dimension-invalid');
    expect(getIn(size, ['items', 0, 'width'])).toBe(1000);
  });

  it('warns about a Canvas with a duration where nothing plays, but not about images placed in time', () => {
    const still = canvas(1, { duration: 30 });
    expect(codes(manifest({}, [still]), 'canvas-duration-without-media')).toEqual([
      'canvas-duration-without-media@$.items[0].duration',
    ]);
    const timeline = canvas(1, { duration: 30 });
    const painting = getIn(timeline, ['items', 0, 'items', 0]) as JsonObject;
    const placed = {
      ...timeline,
      items: [
        {
          ...(getIn(timeline, ['items', 0]) as JsonObject),
          items: [{ ...painting, target: `${String(timeline.id)}#t=0,10` }],
        },
      ],
    };
    expect(codes(manifest({}, [placed]), 'canvas-duration-without-media')).toEqual([]);
    expect(codes(manifest({}, [avCanvas()]), 'canvas-duration-without-media')).toEqual([]);
  });

  it('warns when audio or video lasts otherwise than the span it fills, within a tenth of a second', () => {
    const sound = (duration: number) => ({
      id: 'https://media.example.org/a.mp3',
      type: 'Sound',
      format: 'audio/mpeg',
      duration,
    });
    const doc = manifest({}, [
      avCanvas([
        { body: video(60.05) },
        { body: video(20), target: `${AV}#t=0,30` },
        { body: video(90), target: `${AV}#t=30,40` },
        { body: { type: 'Choice', items: [sound(10), sound(30)] }, target: `${AV}#t=30` },
        { body: video(5), target: `${AV}#t=0,30`, extra: { timeMode: 'loop' } },
      ]),
    ]);
    expect(codes(doc, 'media-duration-mismatch')).toEqual([
      'media-duration-mismatch@$.items[0].items[0].items[1].body',
      'media-duration-mismatch@$.items[0].items[0].items[3].body',
    ]);
    const longer = manifest({}, [avCanvas([{ body: video(75) }])]);
    expect(validate(longer).find((f) => f.code === 'media-duration-mismatch')?.message).toMatch(
      /lasts 75 s but the Canvas only 60 s/,
    );
  });
});

describe('navPlace', () => {
  const point = (coordinates: JsonValue) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates },
  });
  const place = (features: JsonValue, extra: JsonObject = {}) => ({
    navPlace: { id: `${BASE}/place`, type: 'FeatureCollection', features, ...extra },
  });
  const nav = (doc: JsonObject) => codes(doc, 'nav-place-invalid');

  it('accepts every geometry type in range, on the Manifest and on Canvases', () => {
    const ring = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 0],
    ];
    const features: JsonValue[] = [
      point([-118.47, 34.07]),
      point([180, -90, 12]),
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      },
      {
        type: 'Feature',
        properties: null,
        geometry: {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [1, 2],
              [3, 4],
            ],
          ],
        },
      },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] } },
      {
        type: 'Feature',
        geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] },
      },
    ];
    expect(nav(manifest(place(features), [canvas(1, place([point([2.35, 48.85])]))]))).toEqual([]);
  });

  it('reports what no map can read, one finding per Feature, at the first problem', () => {
    const doc = manifest(
      place([
        point([34.07, -118.47]),
        point(['2.35', 48.85]),
        point([2.35]),
        { type: 'Feature', geometry: { type: 'Circle', coordinates: [0, 0] } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2]] } },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [0, 0],
              ],
            ],
          },
        },
        { type: 'Feature', geometry: null },
        { type: 'Feature', properties: 'x', geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Point', coordinates: [0, 0] },
        {
          type: 'Feature',
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [0, 0],
                  [1, 1],
                  [0, 1],
                  [0, 0],
                ],
              ],
              [
                [
                  [0, 0],
                  [Infinity, 1],
                  [0, 0],
                  [0, 0],
                ],
              ],
            ],
          },
        },
      ]),
    );
    const findings = validate(doc).filter((f) => f.code === 'nav-place-invalid');
    expect(findings.map((f) => f.pathText)).toEqual([
      '$.navPlace.features[0].geometry.coordinates',
      '$.navPlace.features[1].geometry.coordinates',
      '$.navPlace.features[2].geometry.coordinates',
      '$.navPlace.features[3].geometry.type',
      '$.navPlace.features[4].geometry.coordinates',
      '$.navPlace.features[5].geometry.coordinates[0]',
      '$.navPlace.features[6]',
      '$.navPlace.features[7].properties',
      '$.navPlace.features[8]',
      '$.navPlace.features[9].geometry.coordinates[1][0][1]',
    ]);
    expect(findings[0]?.message).toMatch(/off the map.*swapped/);
    expect(findings[3]?.message).toMatch(/"Circle" is not a GeoJSON geometry type/);
    expect(findings[5]?.message).toMatch(/at least 4 positions/);
    expect(findings.every((f) => f.severity === 'error' && f.fix === undefined)).toBe(true);
  });

  it('reports a navPlace that is not a FeatureCollection', () => {
    expect(
      nav(manifest({ navPlace: { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } } })),
    ).toEqual(['nav-place-invalid@$.navPlace']);
    expect(nav(manifest({ navPlace: [] }))).toEqual(['nav-place-invalid@$.navPlace']);
    expect(nav(manifest({ navPlace: { type: 'FeatureCollection' } }))).toEqual([
      'nav-place-invalid@$.navPlace.features',
    ]);
  });

  it('closes a ring left open, the one certain repair', () => {
    const open = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const doc = manifest(place([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [open] } }]));
    const [finding] = validate(doc).filter((f) => f.code === 'nav-place-invalid');
    expect(finding).toMatchObject({
      pathText: '$.navPlace.features[0].geometry.coordinates[0]',
      fix: 'close-polygon-ring',
    });
    const fixed = applyAllOfKind(doc, 'nav-place-invalid');
    expect(getIn(fixed, ['navPlace', 'features', 0, 'geometry', 'coordinates', 0])).toEqual([
      ...open,
      [0, 0],
    ]);
    expect(nav(fixed as JsonObject)).toEqual([]);
  });
});

describe('the time-based and navPlace cookbook recipes', () => {
  const cookbook = path.resolve(import.meta.dirname, '../../../../shared/corpus/p3/cookbook');
  const NEW_CODES = [
    'time-outside-duration',
    'canvas-duration-without-media',
    'media-duration-mismatch',
    'nav-place-invalid',
  ];
  const recipes = [
    '0002-mvm-audio.json',
    '0026-toc-opera.json',
    '0064-opera-one-canvas.json',
    '0229-behavior-ranges.json',
    '0489-multimedia-canvas.json',
    '0560-resources-on-a-timeline.json',
    '0154-geo-extension.json',
    '0240-navPlace-on-canvases.json',
  ];
  it.each(recipes)('%s has none of these findings', (name) => {
    let text: string;
    try {
      text = readFileSync(path.join(cookbook, name), 'utf8');
    } catch {
      console.log(`skipped: ${name} is not in ../shared/corpus`);
      return;
    }
    expect(codes(JSON.parse(text) as JsonObject, ...NEW_CODES)).toEqual([]);
  });
});

describe('time spans named from the Manifest or a Range', () => {
  it('checks annotations on the Manifest against the Canvas they name, and fixes them', () => {
    const doc = manifest(
      {
        annotations: [
          {
            id: `${BASE}/manifest-notes`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${BASE}/manifest-notes/1`,
                type: 'Annotation',
                motivation: 'commenting',
                body: { type: 'TextualBody', value: 'the finale' },
                target: `${AV}#t=55,80`,
              },
            ],
          },
        ],
      },
      [avCanvas()],
    );
    expect(codes(doc, ...TIME)).toEqual(['time-outside-duration@$.annotations[0].items[0].target']);
    const fixed = applyAllOfKind(doc, 'time-outside-duration');
    expect(getIn(fixed, ['annotations', 0, 'items', 0, 'target'])).toBe(`${AV}#t=55,60`);
  });
});
