/**
 * `navPlace` (the IIIF navPlace extension, https://iiif.io/api/extension/navplace/): where a resource is about,
 * as a GeoJSON FeatureCollection (RFC 7946). Maps draw it, so a shape they cannot read is an error: a
 * FeatureCollection of Features, each with a geometry of a known type whose positions are [longitude,
 * latitude] numbers in range, lines of two positions or more, and polygon rings of four or more that close.
 * One finding per Feature, at the first problem, so a large collection with one systematic mistake stays
 * readable. The only certain repair is closing a ring whose last position was left off.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { describeValue } from '../values';

export const NAV_PLACE_SPEC = 'https://iiif.io/api/extension/navplace/#navplace';
const GEOJSON_SPEC = 'https://datatracker.ietf.org/doc/html/rfc7946#section-3.1';

/** A problem found in one geometry: where (steps below the geometry) and why; `fix` when it is certain. */
interface GeometryProblem {
  readonly steps: (string | number)[];
  readonly message: string;
  readonly fix?: 'close-polygon-ring';
}

function positionProblem(value: JsonValue, steps: (string | number)[]): GeometryProblem | undefined {
  if (!isJsonArray(value) || value.length < 2 || value.length > 3 || value.some((n) => typeof n !== 'number'))
    return {
      steps,
      message: `a position must be [longitude, latitude] (numbers), not ${describeValue(value)}`,
    };
  const [lon, lat] = value as number[];
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { steps, message: 'a position is not finite' };
  if ((lon as number) < -180 || (lon as number) > 180 || (lat as number) < -90 || (lat as number) > 90) {
    // Latitude first is the usual mistake: say so when swapping would put the point in range.
    const swapped = Math.abs(lat as number) <= 180 && Math.abs(lon as number) <= 90;
    return {
      steps,
      message: `the position [${lon}, ${lat}] is off the map: longitude runs from -180 to 180 and latitude from -90 to 90${swapped ? ' (GeoJSON puts longitude first; are they swapped?)' : ''}`,
    };
  }
  return undefined;
}

function listProblem(
  value: JsonValue,
  steps: (string | number)[],
  check: (item: JsonValue, steps: (string | number)[]) => GeometryProblem | undefined,
  minimum: number,
  what: string,
): GeometryProblem | undefined {
  if (!isJsonArray(value)) return { steps, message: `${what} must be a list, not ${describeValue(value)}` };
  if (value.length < minimum) return { steps, message: `${what} needs at least ${minimum} entries` };
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i] as JsonValue, [...steps, i]);
    if (problem) return problem;
  }
  return undefined;
}

function lineProblem(value: JsonValue, steps: (string | number)[]): GeometryProblem | undefined {
  return listProblem(value, steps, positionProblem, 2, 'a line');
}

function sameJsonArray(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function ringProblem(value: JsonValue, steps: (string | number)[]): GeometryProblem | undefined {
  const positions = listProblem(value, steps, positionProblem, 3, 'a polygon ring');
  if (positions) return positions;
  const ring = value as JsonValue[];
  if (!sameJsonArray(ring[0], ring[ring.length - 1]))
    return {
      steps,
      message: 'a polygon ring must end where it starts (its last position repeats its first)',
      fix: 'close-polygon-ring',
    };
  if (ring.length < 4)
    return { steps, message: 'a polygon ring needs at least 4 positions, the last repeating the first' };
  return undefined;
}

function polygonProblem(value: JsonValue, steps: (string | number)[]): GeometryProblem | undefined {
  return listProblem(value, steps, ringProblem, 1, 'a polygon');
}

const COORDINATES: Readonly<
  Record<string, (value: JsonValue, steps: (string | number)[]) => GeometryProblem | undefined>
> = {
  Point: positionProblem,
  MultiPoint: (value, steps) => listProblem(value, steps, positionProblem, 1, 'a MultiPoint'),
  LineString: lineProblem,
  MultiLineString: (value, steps) => listProblem(value, steps, lineProblem, 1, 'a MultiLineString'),
  Polygon: polygonProblem,
  MultiPolygon: (value, steps) => listProblem(value, steps, polygonProblem, 1, 'a MultiPolygon'),
};

function geometryProblem(geometry: JsonValue, steps: (string | number)[]): GeometryProblem | undefined {
  if (!isJsonObject(geometry))
    return { steps, message: `the geometry must be an object, not ${describeValue(geometry)}` };
  const type = geometry.type;
  if (type === 'GeometryCollection') {
    return listProblem(
      geometry.geometries ?? null,
      [...steps, 'geometries'],
      geometryProblem,
      1,
      'a GeometryCollection',
    );
  }
  const check = typeof type === 'string' ? COORDINATES[type] : undefined;
  if (check === undefined)
    return {
      steps: [...steps, 'type'],
      message: `${describeValue(type)} is not a GeoJSON geometry type (Point, LineString, Polygon, their Multi forms, GeometryCollection)`,
    };
  return check(geometry.coordinates ?? null, [...steps, 'coordinates']);
}

function featureProblem(feature: JsonValue): GeometryProblem | undefined {
  if (!isJsonObject(feature) || feature.type !== 'Feature')
    return {
      steps: [],
      message: `each entry of "features" must be a GeoJSON Feature, not ${describeValue(isJsonObject(feature) ? (feature.type ?? null) : feature)}`,
    };
  if (feature.properties !== undefined && feature.properties !== null && !isJsonObject(feature.properties))
    return { steps: ['properties'], message: 'a Feature\'s "properties" must be an object' };
  if (feature.geometry === undefined || feature.geometry === null)
    return { steps: [], message: 'this Feature has no geometry, so no map can place it' };
  return geometryProblem(feature.geometry, ['geometry']);
}

export function checkNavPlace(node: JsonObject, site: Site, ctx: Checker): void {
  const value = node.navPlace;
  if (value === undefined) return;
  const where = at(site, 'navPlace');
  if (!isJsonObject(value) || value.type !== 'FeatureCollection') {
    ctx.error(
      'nav-place-invalid',
      where,
      `"navPlace" must be a GeoJSON FeatureCollection, not ${describeValue(isJsonObject(value) ? (value.type ?? null) : value)}.`,
      NAV_PLACE_SPEC,
    );
    return;
  }
  if (!isJsonArray(value.features)) {
    ctx.error(
      'nav-place-invalid',
      at(where, 'features'),
      'The navPlace FeatureCollection needs "features": a list of GeoJSON Features.',
      NAV_PLACE_SPEC,
    );
    return;
  }
  value.features.forEach((feature, index) => {
    const problem = featureProblem(feature);
    if (problem === undefined) return;
    const text = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
    ctx.error(
      'nav-place-invalid',
      at(where, 'features', index, ...problem.steps),
      `${text}.`,
      GEOJSON_SPEC,
      problem.fix,
    );
  });
}

/** A ring with its first position repeated at the end; anything else as it is. */
export function closeRing(ring: JsonValue): JsonValue {
  if (!isJsonArray(ring) || ring.length < 3) return ring;
  const first = ring[0];
  return sameJsonArray(first, ring[ring.length - 1]) || first === undefined ? ring : [...ring, first];
}
