/**
 * The geometries the place editor draws and types (GeoJSON, RFC 7946): a Point, a LineString, a Polygon of one
 * ring. Positions are [longitude, latitude] in WGS 84, GeoJSON's order, which is the opposite of how people often
 * say them, so every message names the order. Building a geometry is the one gate every edit passes through: what
 * comes out is always valid GeoJSON (positions in range, enough of them, a closed counter-clockwise ring).
 */
import type { JsonObject } from '../json';

export type Position = readonly [longitude: number, latitude: number];
export type PlaceKind = 'Point' | 'LineString' | 'Polygon';

export const PLACE_KINDS: readonly PlaceKind[] = ['Point', 'LineString', 'Polygon'];

export const KIND_TEXT: Readonly<Record<PlaceKind, string>> = {
  Point: 'point',
  LineString: 'line',
  Polygon: 'polygon',
};

/** The fewest distinct positions each kind needs. */
export const MIN_POSITIONS: Readonly<Record<PlaceKind, number>> = { Point: 1, LineString: 2, Polygon: 3 };

/** Six decimals is about 0.1 m: finer than any map click, and it keeps the JSON readable. */
export function roundPosition([lon, lat]: Position): Position {
  const round = (n: number) => Math.round(n * 1e6) / 1e6 + 0;
  return [round(lon), round(lat)];
}

/** A map can be panned round the world more than once; a longitude outside -180..180 is the same meridian. */
export function wrapLongitude(lon: number): number {
  if (lon >= -180 && lon <= 180) return lon;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Why a position cannot be stored, or null. */
export function positionProblem([lon, lat]: Position): string | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'longitude and latitude must be numbers';
  const lonOk = lon >= -180 && lon <= 180;
  const latOk = lat >= -90 && lat <= 90;
  if (lonOk && latOk) return null;
  // 48.85, 2.35 (Paris, said the usual way) would be a valid position in the sea; 2.35, 120 is the tell.
  if (!latOk && Math.abs(lat) <= 180 && Math.abs(lon) <= 90)
    return `latitude ${lat} is outside -90 to 90 (positions are longitude first, then latitude)`;
  if (!latOk) return `latitude ${lat} is outside -90 to 90`;
  return `longitude ${lon} is outside -180 to 180`;
}

export type GeometryResult = { readonly geometry: JsonObject } | { readonly error: string };

/**
 * The GeoJSON geometry of `kind` through `positions` (a polygon's ring given without its closing position; a
 * closing position typed anyway is dropped). Consecutive repeats are dropped, so a double click adds one vertex.
 */
export function buildGeometry(kind: PlaceKind, positions: readonly Position[]): GeometryResult {
  for (const [index, position] of positions.entries()) {
    const problem = positionProblem(position);
    if (problem !== null) return { error: `Position ${index + 1}: ${problem}.` };
  }
  const distinct = withoutRepeats(positions.map(roundPosition));
  if (kind === 'Polygon' && distinct.length > 1 && samePosition(distinct[0], distinct[distinct.length - 1]))
    distinct.pop();
  const min = MIN_POSITIONS[kind];
  if (kind === 'Point') {
    if (distinct.length !== 1)
      return { error: `A point is one position (longitude, latitude); ${distinct.length} were given.` };
    return { geometry: { type: 'Point', coordinates: [...(distinct[0] as Position)] } };
  }
  if (distinct.length < min)
    return {
      error: `A ${KIND_TEXT[kind]} needs at least ${min} different positions; ${distinct.length} ${
        distinct.length === 1 ? 'was' : 'were'
      } given.`,
    };
  if (kind === 'LineString')
    return { geometry: { type: 'LineString', coordinates: distinct.map((p) => [...p]) } };
  if (ringArea(distinct) === 0)
    return { error: 'The polygon’s positions all lie on one line: it has no area.' };
  // RFC 7946 §3.1.6: exterior rings are counter-clockwise.
  const ring = ringArea(distinct) < 0 ? [...distinct].reverse() : distinct;
  return { geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as Position].map((p) => [...p])] } };
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

function withoutRepeats(positions: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const position of positions) if (!samePosition(out[out.length - 1], position)) out.push(position);
  return out;
}

/** Twice the signed area of an open ring (shoelace): positive when counter-clockwise. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[(i + 1) % ring.length] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}
