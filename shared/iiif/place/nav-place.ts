/**
 * `navPlace` (IIIF navPlace extension): a GeoJSON FeatureCollection on a manifest, canvas or other resource,
 * each Feature with `properties.label` as a language map. Read as a list of feature views for the editor and
 * changed by pure `(value, args) -> value` edits. Everything the editor does not touch (other properties,
 * foreign members, geometries it cannot draw such as a MultiPolygon) is kept as it was.
 */
import type { MintId } from '../document/mint-ids';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { LanguageMap } from '../language';
import { displayStringOf, isEmptyLanguageMap } from '../language';
import type { GeometryResult, PlaceKind, Position } from './geometry';
import { KIND_TEXT, buildGeometry } from './geometry';

export interface PlaceFeatureView {
  /** Position in `features`. */
  readonly index: number;
  readonly id: string | undefined;
  /** The geometry's type as stored ('MultiPolygon', '' when there is none). */
  readonly geometryType: string;
  /** Set when the editor can draw and move this feature's vertices. */
  readonly kind: PlaceKind | null;
  /** The vertices (a polygon's ring without its closing position); [] when `kind` is null. */
  readonly positions: readonly Position[];
  /** The geometry as stored, for drawing what the editor cannot edit. */
  readonly geometry: JsonValue | undefined;
  readonly label: JsonValue | undefined;
}

export interface PlaceView {
  readonly features: readonly PlaceFeatureView[];
  /** Why the stored value cannot be edited here (it is not a FeatureCollection); null when it can. */
  readonly problem: string | null;
}

export function readNavPlace(value: JsonValue | undefined): PlaceView {
  if (value === undefined) return { features: [], problem: null };
  if (!isJsonObject(value) || value['type'] !== 'FeatureCollection' || !isJsonArray(value['features']))
    return {
      features: [],
      problem: 'navPlace must be a GeoJSON FeatureCollection with a list of features; this value is not one.',
    };
  return { features: value['features'].map(viewOf), problem: null };
}

function viewOf(feature: JsonValue, index: number): PlaceFeatureView {
  const object = isJsonObject(feature) ? feature : {};
  const geometry = isJsonObject(object['geometry']) ? object['geometry'] : {};
  const geometryType = typeof geometry['type'] === 'string' ? geometry['type'] : '';
  const properties = isJsonObject(object['properties']) ? object['properties'] : {};
  const editable = editablePositions(geometryType, geometry['coordinates']);
  return {
    index,
    id: typeof object['id'] === 'string' ? object['id'] : undefined,
    geometryType,
    kind: editable === null ? null : (geometryType as PlaceKind),
    positions: editable ?? [],
    geometry: object['geometry'],
    label: properties['label'],
  };
}

function asPosition(value: JsonValue | undefined): Position | null {
  if (!isJsonArray(value) || value.length < 2) return null;
  const [lon, lat] = value;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;
}

function asPositions(value: JsonValue | undefined): Position[] | null {
  if (!isJsonArray(value)) return null;
  const positions = value.map(asPosition);
  return positions.every((p) => p !== null) ? (positions as Position[]) : null;
}

/** The vertices the editor can move; null for geometries it only shows (holes, multi-geometries). */
function editablePositions(type: string, coordinates: JsonValue | undefined): Position[] | null {
  if (type === 'Point') {
    const position = asPosition(coordinates);
    return position === null ? null : [position];
  }
  if (type === 'LineString') return asPositions(coordinates);
  if (type === 'Polygon' && isJsonArray(coordinates) && coordinates.length === 1) {
    const ring = asPositions(coordinates[0]);
    return ring === null || ring.length < 4 ? null : ring.slice(0, -1);
  }
  return null;
}

export interface NewFeature {
  readonly kind: PlaceKind;
  readonly positions: readonly Position[];
  readonly label?: LanguageMap | undefined;
}

export type PlaceEdit = { readonly value: JsonObject | undefined } | { readonly error: string };

/**
 * Adds a feature, creating the FeatureCollection when there is none. New ids are minted under `parentId` (the
 * canvas's id; the document's base when omitted), the feature's under the collection's.
 */
export function addPlaceFeature(
  value: JsonValue | undefined,
  feature: NewFeature,
  mint: MintId,
  parentId?: string,
): PlaceEdit {
  const built = buildGeometry(feature.kind, feature.positions);
  if ('error' in built) return built;
  const collection = collectionOf(value);
  if ('error' in collection) return collection;
  const current = collection.value ?? {
    id: mint('feature-collection', parentId),
    type: 'FeatureCollection',
    features: [],
  };
  const parent = typeof current['id'] === 'string' ? current['id'] : parentId;
  const label = feature.label !== undefined && !isEmptyLanguageMap(feature.label) ? feature.label : undefined;
  const added: JsonObject = {
    id: mint('feature', parent),
    type: 'Feature',
    properties: label === undefined ? {} : { label },
    geometry: built.geometry,
  };
  return { value: withFeatures(current, [...featuresOf(current), added]) };
}

/** Replaces a feature's geometry with `kind` through `positions` (typed, or a vertex moved on the map). */
export function setPlaceGeometry(
  value: JsonValue | undefined,
  index: number,
  kind: PlaceKind,
  positions: readonly Position[],
): PlaceEdit {
  return editFeature(value, index, (feature) => {
    const built: GeometryResult = buildGeometry(kind, positions);
    if ('error' in built) return built;
    // A bounding box no longer matches the moved shape; RFC 7946 makes it optional, so it goes.
    const { bbox: _bbox, ...rest } = feature;
    return { feature: { ...rest, geometry: built.geometry } };
  });
}

/** Moves one vertex of an editable feature. */
export function moveVertex(
  value: JsonValue | undefined,
  index: number,
  vertex: number,
  position: Position,
): PlaceEdit {
  const view = readNavPlace(value).features[index];
  if (view === undefined || view.kind === null || view.positions[vertex] === undefined)
    return { error: 'That vertex is no longer there.' };
  const positions = view.positions.map((p, i) => (i === vertex ? position : p));
  return setPlaceGeometry(value, index, view.kind, positions);
}

/** Sets (or, with an empty map, removes) a feature's `properties.label`. */
export function setPlaceLabel(
  value: JsonValue | undefined,
  index: number,
  label: LanguageMap | undefined,
): PlaceEdit {
  return editFeature(value, index, (feature) => {
    const properties = isJsonObject(feature['properties']) ? feature['properties'] : {};
    const { label: _old, ...others } = properties;
    const next = label === undefined || isEmptyLanguageMap(label) ? others : { ...properties, label };
    return { feature: { ...feature, properties: next } };
  });
}

/** Removes a feature; removing the last one removes navPlace itself (an empty collection places nothing). */
export function removePlaceFeature(value: JsonValue | undefined, index: number): PlaceEdit {
  const collection = collectionOf(value);
  if ('error' in collection) return collection;
  const features = collection.value ? featuresOf(collection.value) : [];
  if (index < 0 || index >= features.length) return { error: 'That place is no longer there.' };
  const kept = features.filter((_, i) => i !== index);
  return { value: kept.length === 0 ? undefined : withFeatures(collection.value as JsonObject, kept) };
}

/**
 * The same places with fresh ids: how one set of places drawn once is given to many canvases, each copy with
 * ids of its own.
 */
export function withFreshPlaceIds(collection: JsonObject, mint: MintId, parentId?: string): JsonObject {
  const id = mint('feature-collection', parentId);
  const features = featuresOf(collection).map((feature) =>
    isJsonObject(feature) ? { id: mint('feature', id), ...withoutId(feature) } : feature,
  );
  return { id, ...withoutId(collection), features };
}

function withoutId(object: JsonObject): JsonObject {
  const { id: _id, ...rest } = object;
  return rest;
}

function collectionOf(value: JsonValue | undefined): { value: JsonObject | undefined } | { error: string } {
  const view = readNavPlace(value);
  if (view.problem !== null) return { error: view.problem };
  return { value: value as JsonObject | undefined };
}

function featuresOf(collection: JsonObject): readonly JsonValue[] {
  const features = collection['features'];
  return isJsonArray(features) ? features : [];
}

function withFeatures(collection: JsonObject, features: readonly JsonValue[]): JsonObject {
  // A collection-level bbox would no longer cover the features.
  const { bbox: _bbox, ...rest } = collection;
  return { ...rest, features: [...features] };
}

function editFeature(
  value: JsonValue | undefined,
  index: number,
  change: (feature: JsonObject) => { feature: JsonObject } | { error: string },
): PlaceEdit {
  const collection = collectionOf(value);
  if ('error' in collection) return collection;
  const features = collection.value ? featuresOf(collection.value) : [];
  const feature = features[index];
  if (!isJsonObject(feature)) return { error: 'That place is no longer there.' };
  const changed = change(feature);
  if ('error' in changed) return changed;
  const next = features.slice();
  next[index] = changed.feature;
  return { value: withFeatures(collection.value as JsonObject, next) };
}

/** One line for a navPlace value: "polygon “Rome”; point" (a summary in the panel and in a batch preview). */
export function describePlaces(value: JsonValue | undefined, languages: readonly string[]): string {
  const view = readNavPlace(value);
  if (view.problem !== null) return view.problem;
  if (view.features.length === 0) return 'No place set.';
  return view.features
    .map((feature) => {
      const label = displayStringOf(feature.label, languages);
      const kind = feature.kind ? KIND_TEXT[feature.kind] : feature.geometryType || 'no geometry';
      return label ? `${kind} “${label}”` : kind;
    })
    .join('; ');
}
