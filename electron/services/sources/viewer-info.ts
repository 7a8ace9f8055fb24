/**
 * The part of an institution's info.json a viewer uses, and nothing else. `/remote-image` hands the page JSON
 * from servers we do not control; OpenSeadragon and our thumbnails need sizes, tiles and the service's
 * capabilities, so every other field (extensions, services, arbitrary strings for some other code to trip on)
 * is dropped on the way. Covers Image API 1, 2 and 3 names.
 */
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';

/** Built here, field by field, before it is handed out read-only. */
type Draft = Record<string, JsonValue>;

const STRING_FIELDS = ['@context', 'id', '@id', 'type', '@type', 'protocol'] as const;
const NUMBER_FIELDS = [
  'width',
  'height',
  'maxWidth',
  'maxHeight',
  'maxArea',
  'tile_width',
  'tile_height',
] as const;
const STRING_LIST_FIELDS = [
  'extraFormats',
  'extraQualities',
  'preferredFormats',
  'extraFeatures',
  'formats',
  'qualities',
] as const;
const PROFILE_FIELDS = ['formats', 'qualities', 'supports', 'maxWidth', 'maxHeight', 'maxArea'] as const;

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: JsonValue | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function strings(value: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string');
}

function numbers(value: JsonValue | undefined): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isNumber);
}

function pickNumbers(source: JsonObject, keys: readonly string[]): Draft {
  const out: Draft = {};
  for (const key of keys) if (isNumber(source[key])) out[key] = source[key];
  return out;
}

function profileEntry(value: JsonValue): JsonValue | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  const out: Draft = pickNumbers(value, ['maxWidth', 'maxHeight', 'maxArea']);
  for (const key of PROFILE_FIELDS) {
    const list = strings(value[key]);
    if (list) out[key] = list;
  }
  return out;
}

export function viewerInfo(json: JsonObject): JsonObject {
  const out: Draft = {};
  for (const key of STRING_FIELDS) {
    const value = json[key];
    // Image API 3 contexts may be a list of URLs.
    if (typeof value === 'string') out[key] = value;
    else if (key === '@context' && Array.isArray(value)) out[key] = strings(value) ?? [];
  }
  Object.assign(out, pickNumbers(json, NUMBER_FIELDS));
  for (const key of STRING_LIST_FIELDS) {
    const list = strings(json[key]);
    if (list) out[key] = list;
  }
  const profile = json['profile'];
  if (typeof profile === 'string') out['profile'] = profile;
  else if (Array.isArray(profile))
    out['profile'] = profile.map(profileEntry).filter((v): v is JsonValue => v !== undefined);
  const scaleFactors = numbers(json['scale_factors']);
  if (scaleFactors) out['scale_factors'] = scaleFactors;
  if (Array.isArray(json['tiles'])) {
    out['tiles'] = json['tiles'].filter(isObject).map((tile) => {
      const entry = pickNumbers(tile, ['width', 'height']);
      const factors = numbers(tile['scaleFactors']);
      return factors ? { ...entry, scaleFactors: factors } : entry;
    });
  }
  if (Array.isArray(json['sizes'])) {
    out['sizes'] = json['sizes'].filter(isObject).map((size) => pickNumbers(size, ['width', 'height']));
  }
  return out;
}
