/**
 * info.json (any version) → ImageServiceDescriptor. Never throws: malformed input of any kind (not JSON, an
 * HTML error page, wrong types, missing dimensions or id) comes back as `{ ok: false, reasons }`, with one
 * sentence per problem, so a curator adding 500 images learns what is wrong with each one.
 */
import { describeExcessNesting, nestsDeeperThan } from '../document/nesting';
import { isAppAddress } from '../../app-origin';
import { isJsonObject, type JsonObject } from '../json';
import type { ImageServiceDescriptor, ImageSize, InfoJsonResult, TileSpec } from './descriptor';
import { describe, readProfile } from './profile';
import { detectImageApiVersion } from './version';

/**
 * @param json the parsed document, or its text (then parsed here, so HTML error pages are recognised).
 * @param sourceUrl where it was fetched from: used for Image API 1.0, whose info.json has no URI of its own.
 */
export function parseInfoJson(json: unknown, sourceUrl?: string): InfoJsonResult {
  if (typeof json === 'string') {
    const text = json.trim();
    if (looksLikeHtml(text)) {
      return {
        ok: false,
        reasons: [
          'The server answered with a web page (HTML), not image information (JSON). It may be an error or login page.',
        ],
      };
    }
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      return { ok: false, reasons: ['The image information is not valid JSON.'] };
    }
  }
  if (!isJsonObject(json)) {
    return { ok: false, reasons: [`An info.json must be a JSON object, not ${describe(json)}.`] };
  }
  if (nestsDeeperThan(json)) return { ok: false, reasons: [describeExcessNesting()] };
  const detected = detectImageApiVersion(json);
  if (!detected.ok) return { ok: false, reasons: [...detected.reasons] };
  const { version } = detected;
  const reasons: string[] = [];
  const warnings: string[] = [...detected.warnings];

  const id = readId(json, version, sourceUrl, reasons, warnings);
  const width = positiveInteger(json['width'], 'width', reasons);
  const height = positiveInteger(json['height'], 'height', reasons);
  const profile = readProfile(json, version);
  if (!profile.ok) reasons.push(...profile.reasons);
  else warnings.push(...profile.warnings);
  const sizes = readSizes(json['sizes'], reasons);
  const tiles = version === 1 ? readV1Tiles(json, reasons) : readTiles(json['tiles'], reasons);
  const limits = profile.ok
    ? profile.value.limits
    : { maxWidth: undefined, maxHeight: undefined, maxArea: undefined };
  const maxWidth = optionalPositiveInteger(limits.maxWidth, 'maxWidth', reasons);
  const maxHeight = optionalPositiveInteger(limits.maxHeight, 'maxHeight', reasons);
  const maxArea = optionalPositiveInteger(limits.maxArea, 'maxArea', reasons);

  if (reasons.length > 0 || !profile.ok || id === undefined || width === undefined || height === undefined) {
    return { ok: false, reasons };
  }
  const descriptor: ImageServiceDescriptor = {
    version,
    id,
    level: profile.value.level,
    width,
    height,
    sizes: [...sizes].sort((a, b) => a.width - b.width || a.height - b.height),
    tiles,
    ...(maxWidth !== undefined ? { maxWidth } : {}),
    ...(maxHeight !== undefined ? { maxHeight } : {}),
    ...(maxArea !== undefined ? { maxArea } : {}),
    formats: profile.value.formats,
    qualities: profile.value.qualities,
    features: profile.value.features,
    warnings,
  };
  return { ok: true, value: descriptor };
}

export function looksLikeHtml(text: string): boolean {
  return /^(?:\uFEFF)?\s*<(?:!doctype\s+html|html|head|body|!--|\?xml|title|h1|div|p)\b/i.test(text);
}

function readId(
  json: JsonObject,
  version: number,
  sourceUrl: string | undefined,
  reasons: string[],
  warnings: string[],
): string | undefined {
  const preferred = version === 3 ? 'id' : '@id';
  const other = version === 3 ? '@id' : 'id';
  let raw = json[preferred];
  if (raw === undefined && typeof json[other] === 'string') {
    raw = json[other];
    warnings.push(`The service URI is given as "${other}"; Image API ${version} uses "${preferred}".`);
  }
  if (raw === undefined && version === 1 && typeof json['identifier'] === 'string') {
    // Image API 1.0 gives only the local identifier; the service URI is where the document was found.
    const base = sourceUrl ? serviceBaseOf(sourceUrl) : undefined;
    if (base) return base;
    warnings.push(
      'Image API 1.0 gives only a local identifier, and the address of this info.json is unknown.',
    );
    return json['identifier'];
  }
  if (raw === undefined) {
    reasons.push(`The service URI ("${preferred}") is missing.`);
    return undefined;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    reasons.push(`The service URI ("${preferred}") must be a non-empty string, not ${describe(raw)}.`);
    return undefined;
  }
  const trimmed = raw.trim();
  // The id becomes the image's address in the manifest and in every viewer that opens it: only http(s) is an
  // address a viewer can load, and anything else (javascript:, data:, file:) is refused rather than written.
  // The desktop app's own app://tessera/ tiles (the sample, local images) are the one exception: publishing moves
  // them under the base URL, as it does the web host's http://127.0.0.1 ones.
  if (!/^https?:\/\/[^\s/?#]/i.test(trimmed) && !isAppAddress(trimmed)) {
    reasons.push(
      `The service URI "${shorten(trimmed)}" is not an http(s) address, so Tessera will not add the image: ` +
        'ask the image server for an info.json with a web address as its id.',
    );
    return undefined;
  }
  const base = serviceBaseOf(trimmed);
  if (base !== trimmed) warnings.push(`The service URI "${trimmed}" should not end in "/" or "/info.json".`);
  return base;
}

/** `…/abc/info.json` or `…/abc/` → `…/abc`. */
export function serviceBaseOf(url: string): string {
  return url
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/info\.json$/i, '')
    .replace(/\/+$/, '');
}

function positiveInteger(value: unknown, name: string, reasons: string[]): number | undefined {
  if (value === undefined || value === null) {
    reasons.push(`"${name}" is missing.`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    reasons.push(`"${name}" must be a whole number of pixels greater than 0, not ${describe(value)}.`);
    return undefined;
  }
  return value;
}

function optionalPositiveInteger(value: unknown, name: string, reasons: string[]): number | undefined {
  return value === undefined ? undefined : positiveInteger(value, name, reasons);
}

function readSizes(value: unknown, reasons: string[]): ImageSize[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    reasons.push(`"sizes" must be a list of {width, height} objects, not ${describe(value)}.`);
    return [];
  }
  const sizes: ImageSize[] = [];
  value.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry)) {
      reasons.push(
        `"sizes" entry ${index + 1} must be an object with width and height, not ${describe(entry)}.`,
      );
      return;
    }
    const errors: string[] = [];
    const width = positiveInteger(entry['width'], 'width', errors);
    const height = positiveInteger(entry['height'], 'height', errors);
    if (width === undefined || height === undefined) {
      reasons.push(...errors.map((e) => `"sizes" entry ${index + 1}: ${e}`));
      return;
    }
    sizes.push({ width, height });
  });
  return sizes;
}

function readTiles(value: unknown, reasons: string[]): TileSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    reasons.push(`"tiles" must be a list of tile descriptions, not ${describe(value)}.`);
    return [];
  }
  const tiles: TileSpec[] = [];
  value.forEach((entry: unknown, index) => {
    const where = `"tiles" entry ${index + 1}`;
    if (!isJsonObject(entry)) {
      reasons.push(`${where} must be an object, not ${describe(entry)}.`);
      return;
    }
    const errors: string[] = [];
    const width = positiveInteger(entry['width'], 'width', errors);
    const height = optionalPositiveInteger(entry['height'], 'height', errors);
    const scaleFactors = readScaleFactors(entry['scaleFactors'], 'scaleFactors', errors);
    if (errors.length > 0 || width === undefined || scaleFactors === undefined) {
      reasons.push(...errors.map((e) => `${where}: ${e}`));
      return;
    }
    tiles.push({ width, height: height ?? width, scaleFactors });
  });
  return tiles;
}

function readScaleFactors(value: unknown, name: string, reasons: string[]): number[] | undefined {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((f) => typeof f === 'number' && Number.isInteger(f) && f > 0)
  ) {
    reasons.push(`"${name}" must be a non-empty list of whole numbers greater than 0.`);
    return undefined;
  }
  return [...(value as number[])].sort((a, b) => a - b);
}

/** Image API 1.x describes one tile grid with top-level `tile_width`, `tile_height` and `scale_factors`. */
function readV1Tiles(json: JsonObject, reasons: string[]): TileSpec[] {
  const width = optionalPositiveInteger(json['tile_width'], 'tile_width', reasons);
  const height = optionalPositiveInteger(json['tile_height'], 'tile_height', reasons);
  const hasFactors = json['scale_factors'] !== undefined;
  const scaleFactors = hasFactors ? readScaleFactors(json['scale_factors'], 'scale_factors', reasons) : [1];
  if (width === undefined || scaleFactors === undefined) return [];
  return [{ width, height: height ?? width, scaleFactors }];
}

/** At most 80 characters of a value quoted in a message (a hostile id may be megabytes long). */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
