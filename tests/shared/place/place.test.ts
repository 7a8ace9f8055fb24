import { describe, expect, it } from 'vitest';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import { validate } from '../../../shared/iiif/validation';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../../shared/iiif/json';
import type { PlaceEdit, Position } from '../../../shared/iiif/place';
import {
  NAVPLACE_CONTEXT,
  addPlaceFeature,
  buildGeometry,
  formatPositions,
  moveVertex,
  parsePositions,
  readNavPlace,
  removePlaceFeature,
  setPlaceGeometry,
  setPlaceLabel,
  withFreshPlaceIds,
  withNavPlaceContext,
  wrapLongitude,
} from '../../../shared/iiif/place';

const P3 = 'http://iiif.io/api/presentation/3/context.json';
const CANVAS = 'https://example.org/book/canvas/1';
const mint = () => createIdMinter('https://example.org/book', new Set());

/** RFC 7946 rules a navPlace consumer relies on; every value the edits produce must pass. */
function geoJsonProblems(value: JsonValue | undefined): string[] {
  if (value === undefined) return [];
  const problems: string[] = [];
  if (!isJsonObject(value) || value['type'] !== 'FeatureCollection' || !isJsonArray(value['features']))
    return ['not a FeatureCollection'];
  const positionOk = (p: JsonValue) =>
    isJsonArray(p) &&
    p.length === 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90;
  for (const feature of value['features']) {
    if (!isJsonObject(feature) || feature['type'] !== 'Feature') problems.push('feature type');
    const f = feature as JsonObject;
    if (typeof f['id'] !== 'string') problems.push('feature id');
    if (!isJsonObject(f['properties'])) problems.push('properties');
    const g = f['geometry'] as JsonObject;
    const c = g['coordinates'] as JsonValue[];
    if (g['type'] === 'Point' && !positionOk(c)) problems.push('point');
    if (g['type'] === 'LineString' && !(c.length >= 2 && c.every(positionOk))) problems.push('line');
    if (g['type'] === 'Polygon') {
      const ring = c[0] as JsonValue[][];
      const closed = JSON.stringify(ring[0]) === JSON.stringify(ring[ring.length - 1]);
      if (c.length !== 1 || ring.length < 4 || !closed || !ring.every(positionOk)) problems.push('polygon');
    }
  }
  return problems;
}

function valueOf(edit: PlaceEdit): JsonObject | undefined {
  if ('error' in edit) throw new Error(edit.error);
  expect(geoJsonProblems(edit.value)).toEqual([]);
  return edit.value;
}

const TRIANGLE: Position[] = [
  [2, 48],
  [3, 48],
  [2.5, 49],
];

describe('buildGeometry', () => {
  it('closes a polygon ring, counter-clockwise, and drops a typed closing position', () => {
    const clockwise: Position[] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ];
    const built = buildGeometry('Polygon', [...clockwise, [0, 0]]);
    expect(built).toEqual({
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
            [1, 0],
          ],
        ],
      },
    });
  });

  it('refuses too few positions, collinear polygons and out-of-range positions, saying why', () => {
    expect(buildGeometry('Polygon', TRIANGLE.slice(0, 2))).toEqual({
      error: 'A polygon needs at least 3 different positions; 2 were given.',
    });
    expect(
      buildGeometry('LineString', [
        [1, 1],
        [1, 1],
      ]),
    ).toEqual({
      error: 'A line needs at least 2 different positions; 1 was given.',
    });
    expect(
      buildGeometry('Polygon', [
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toHaveProperty('error', 'The polygon’s positions all lie on one line: it has no area.');
    expect(buildGeometry('Point', [[100, 95]])).toEqual({
      error: 'Position 1: latitude 95 is outside -90 to 90.',
    });
    expect(buildGeometry('Point', [])).toHaveProperty('error');
  });

  it('rounds to six decimals and wraps longitudes from a map panned round the world', () => {
    expect(buildGeometry('Point', [[2.123456789, 48.987654321]])).toEqual({
      geometry: { type: 'Point', coordinates: [2.123457, 48.987654] },
    });
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-540)).toBe(180 - 360);
    expect(wrapLongitude(12)).toBe(12);
  });
});

describe('parsePositions', () => {
  it('reads one position per line or per ";", with commas or spaces, and round-trips its own format', () => {
    const parsed = parsePositions('2.35, 48.85; -0.1 51.5\n  13.4,52.5  \n');
    expect(parsed).toEqual({
      positions: [
        [2.35, 48.85],
        [-0.1, 51.5],
        [13.4, 52.5],
      ],
    });
    if ('positions' in parsed) expect(parsePositions(formatPositions(parsed.positions))).toEqual(parsed);
  });

  it('names the position and the problem', () => {
    expect(parsePositions('')).toEqual({ error: 'Type at least one position: longitude, latitude.' });
    expect(parsePositions('2, 48; 3')).toEqual({
      error: 'Position 2 (“3”): expected two numbers, longitude then latitude, such as “2.35, 48.85”.',
    });
    expect(parsePositions('2,5 48,1')).toHaveProperty('error');
    expect(parsePositions('2.3 north')).toEqual({
      error: 'Position 1 (“2.3 north”): “north” is not a number (use a point as decimal mark).',
    });
    // Latitude first, the way people say it: the message says which order is expected.
    expect(parsePositions('48.85, 120')).toEqual({
      error:
        'Position 1 (“48.85, 120”): latitude 120 is outside -90 to 90 (positions are longitude first, then latitude).',
    });
    expect(parsePositions('200, 10')).toEqual({
      error: 'Position 1 (“200, 10”): longitude 200 is outside -180 to 180.',
    });
  });
});

describe('navPlace edits', () => {
  it('creates the collection with minted ids, then adds, labels, moves and removes features', () => {
    const minter = mint();
    const one = valueOf(
      addPlaceFeature(
        undefined,
        { kind: 'Polygon', positions: TRIANGLE, label: { en: ['Here'] } },
        minter,
        CANVAS,
      ),
    );
    expect(one).toMatchObject({
      id: `${CANVAS}/feature-collection/1`,
      type: 'FeatureCollection',
      features: [
        {
          id: `${CANVAS}/feature-collection/1/feature/1`,
          type: 'Feature',
          properties: { label: { en: ['Here'] } },
          geometry: { type: 'Polygon' },
        },
      ],
    });
    const two = valueOf(addPlaceFeature(one, { kind: 'Point', positions: [[10, 20]] }, minter, CANVAS));
    expect(readNavPlace(two).features.map((f) => [f.id, f.kind, f.label])).toEqual([
      [`${CANVAS}/feature-collection/1/feature/1`, 'Polygon', { en: ['Here'] }],
      [`${CANVAS}/feature-collection/1/feature/2`, 'Point', undefined],
    ]);

    const moved = valueOf(moveVertex(two, 0, 2, [2.5, 50]));
    expect(readNavPlace(moved).features[0]?.positions).toContainEqual([2.5, 50]);
    expect(readNavPlace(moved).features[1]).toEqual(readNavPlace(two).features[1]);

    const relabelled = valueOf(setPlaceLabel(moved, 1, { en: ['Pin'], fr: ['Épingle'] }));
    expect(readNavPlace(relabelled).features[1]?.label).toEqual({ en: ['Pin'], fr: ['Épingle'] });
    const unlabelled = valueOf(setPlaceLabel(relabelled, 1, {}));
    expect((unlabelled?.['features'] as JsonObject[])[1]?.['properties']).toEqual({});

    const retyped = valueOf(
      setPlaceGeometry(unlabelled, 1, 'LineString', [
        [10, 20],
        [11, 21],
      ]),
    );
    expect(readNavPlace(retyped).features[1]?.kind).toBe('LineString');

    const removed = valueOf(removePlaceFeature(retyped, 0));
    expect(readNavPlace(removed).features).toHaveLength(1);
    expect(removePlaceFeature(removed, 0)).toEqual({ value: undefined });
  });

  it('keeps what it does not edit and shows geometries it cannot draw as they are', () => {
    const stored: JsonObject = {
      id: 'https://example.org/fc',
      type: 'FeatureCollection',
      extra: 'kept',
      features: [
        {
          id: 'https://example.org/f/1',
          type: 'Feature',
          properties: { label: { en: ['Islands'] }, other: 1 },
          geometry: {
            type: 'MultiPoint',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        },
        {
          id: 'https://example.org/f/2',
          type: 'Feature',
          bbox: [0, 0, 1, 1],
          properties: { other: 2 },
          geometry: { type: 'Point', coordinates: [0.5, 0.5] },
        },
      ],
    };
    const view = readNavPlace(stored);
    expect(view.features[0]).toMatchObject({ kind: null, geometryType: 'MultiPoint', positions: [] });
    const moved = valueOf(moveVertex(stored, 1, 0, [0.7, 0.7]));
    expect(moved?.['extra']).toBe('kept');
    expect((moved?.['features'] as JsonValue[])[0]).toBe((stored['features'] as JsonValue[])[0]);
    // The stale bbox goes with the move; the feature's other properties stay.
    expect((moved?.['features'] as JsonObject[])[1]).toEqual({
      id: 'https://example.org/f/2',
      type: 'Feature',
      properties: { other: 2 },
      geometry: { type: 'Point', coordinates: [0.7, 0.7] },
    });
    expect(moveVertex(stored, 0, 0, [1, 1])).toEqual({ error: 'That vertex is no longer there.' });
    const labelled = valueOf(setPlaceLabel(stored, 1, { none: ['P'] }));
    expect((labelled?.['features'] as JsonObject[])[1]?.['properties']).toEqual({
      other: 2,
      label: { none: ['P'] },
    });
  });

  it('refuses to edit a value that is not a FeatureCollection, and refuses invalid geometry', () => {
    const single = { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } };
    expect(readNavPlace(single).problem).toContain('FeatureCollection');
    expect(addPlaceFeature(single, { kind: 'Point', positions: [[0, 0]] }, mint())).toHaveProperty('error');
    const one = valueOf(addPlaceFeature(undefined, { kind: 'Point', positions: [[0, 0]] }, mint()));
    expect(setPlaceGeometry(one, 0, 'Polygon', [[0, 0]])).toHaveProperty('error');
    expect(addPlaceFeature(one, { kind: 'Point', positions: [[0, 91]] }, mint())).toHaveProperty('error');
  });

  it('gives copies of the same places fresh ids under each canvas', () => {
    const drawn = valueOf(
      addPlaceFeature(undefined, { kind: 'Polygon', positions: TRIANGLE }, mint()),
    ) as JsonObject;
    const copy = withFreshPlaceIds(drawn, createIdMinter(CANVAS, new Set()));
    expect(copy['id']).toBe(`${CANVAS}/feature-collection/1`);
    expect((copy['features'] as JsonObject[])[0]?.['id']).toBe(`${CANVAS}/feature-collection/1/feature/1`);
    expect((copy['features'] as JsonObject[])[0]?.['geometry']).toEqual(
      (drawn['features'] as JsonObject[])[0]?.['geometry'],
    );
    expect(geoJsonProblems(copy)).toEqual([]);
  });
});

describe('withNavPlaceContext', () => {
  it('lists the extension context before the Presentation 3 one, once', () => {
    const doc = { '@context': P3, id: 'x', type: 'Manifest' };
    const next = withNavPlaceContext(doc);
    expect(next['@context']).toEqual([NAVPLACE_CONTEXT, P3]);
    expect(Object.keys(next)[0]).toBe('@context');
    expect(withNavPlaceContext(next)).toBe(next);
    const other = withNavPlaceContext({ '@context': ['http://example.org/ext.json', P3], id: 'x' });
    expect(other['@context']).toEqual(['http://example.org/ext.json', NAVPLACE_CONTEXT, P3]);
  });
});

describe('what the edits produce, as our validator reads it', () => {
  it('a manifest given places by the edits has no findings about them', () => {
    const canvas = {
      id: CANVAS,
      type: 'Canvas',
      label: { en: ['p. 1'] },
      width: 100,
      height: 100,
      items: [],
    };
    const manifest: JsonObject = {
      '@context': P3,
      id: 'https://example.org/book/manifest.json',
      type: 'Manifest',
      label: { en: ['Book'] },
      items: [canvas],
    };
    const place = valueOf(
      addPlaceFeature(
        undefined,
        { kind: 'Polygon', positions: TRIANGLE, label: { en: ['Here'] } },
        mint(),
        CANVAS,
      ),
    ) as JsonObject;
    const placed = withNavPlaceContext({ ...manifest, items: [{ ...canvas, navPlace: place }] });
    const about = (doc: JsonObject) =>
      validate(doc).filter((finding) => JSON.stringify(finding).includes('navPlace'));
    expect(about(placed)).toEqual([]);
    // Without the context the term is unknown: the reason the edits add it.
    expect(about({ ...placed, '@context': P3 }).length).toBeGreaterThan(0);
  });
});
