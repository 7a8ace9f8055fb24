/**
 * Compliance level and declared capabilities, read from the places each version keeps them:
 *  - v1: `profile` is a compliance URI ending in `#levelN`; `formats` / `qualities` at top level;
 *  - v2: `profile` is a URI, an array of a URI and description objects, or (seen in the wild) one object with
 *    an `@id`; formats, qualities, supports and the max* limits live in those objects;
 *  - v3: `profile` is exactly one of "level0" | "level1" | "level2"; extras are top-level `extraFormats`,
 *    `extraQualities`, `extraFeatures`.
 * A missing profile is read as level 0, the level that promises least, so we never ask for sizes a server
 * may refuse. A profile that names an unknown level is an error.
 */
import { isJsonObject, type JsonObject } from '../json';
import type { ComplianceLevel, ImageApiVersion } from './descriptor';

export interface ProfileReading {
  readonly level: ComplianceLevel;
  readonly formats: readonly string[];
  readonly qualities: readonly string[];
  readonly features: readonly string[];
  /** v2 keeps the max* limits inside the profile description. */
  readonly limits: Readonly<Record<'maxWidth' | 'maxHeight' | 'maxArea', unknown>>;
}

type Reading = { ok: true; value: ProfileReading; warnings: string[] } | { ok: false; reasons: string[] };

const V1_PROFILE =
  /^https?:\/\/library\.stanford\.edu\/iiif\/image-api\/(?:1\.[01]\/)?compliance\.html#level(\d+)$/;
const V2_PROFILE = /^https?:\/\/iiif\.io\/api\/image\/2\/level(\d+)(?:\.json)?$/;
const V3_PROFILE = /^level(\d+)$/;

function toLevel(digits: string | undefined): ComplianceLevel | undefined {
  return digits === '0' || digits === '1' || digits === '2' ? (Number(digits) as ComplianceLevel) : undefined;
}

/** Reads a list of strings; `undefined` when absent, `null` when present but malformed. */
export function stringList(value: unknown): readonly string[] | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** What a version's reader found: the profile (each list once), or the reasons it cannot be used. */
function readingOf(reasons: string[], warnings: string[], found: ProfileReading): Reading {
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    warnings,
    value: {
      level: found.level,
      formats: unique(found.formats),
      qualities: unique(found.qualities),
      features: unique(found.features),
      limits: found.limits,
    },
  };
}

export function readProfile(json: JsonObject, version: ImageApiVersion): Reading {
  if (version === 3) return readV3(json);
  if (version === 2) return readV2(json);
  return readV1(json);
}

function collectLists(
  source: JsonObject,
  keys: { formats: string; qualities: string; features: string },
  reasons: string[],
): { formats: string[]; qualities: string[]; features: string[] } {
  const out = { formats: [] as string[], qualities: [] as string[], features: [] as string[] };
  for (const [field, key] of Object.entries(keys) as [keyof typeof out, string][]) {
    const list = stringList(source[key]);
    if (list === null) reasons.push(`"${key}" must be a list of strings.`);
    else if (list) out[field].push(...list);
  }
  return out;
}

function readV3(json: JsonObject): Reading {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const profile = json['profile'];
  let level: ComplianceLevel = 0;
  if (profile === undefined) warnings.push('No "profile"; assumed level 0 (only declared sizes and tiles).');
  else if (typeof profile !== 'string') {
    reasons.push(`In Image API 3 "profile" must be one string such as "level1", not ${describe(profile)}.`);
  } else {
    const match =
      V3_PROFILE.exec(profile) ?? /^https?:\/\/iiif\.io\/api\/image\/3\/level(\d+)\.json$/.exec(profile);
    const parsed = toLevel(match?.[1]);
    if (parsed === undefined)
      reasons.push(`"profile" is "${profile}"; it must be "level0", "level1" or "level2".`);
    else level = parsed;
  }
  const lists = collectLists(
    json,
    { formats: 'extraFormats', qualities: 'extraQualities', features: 'extraFeatures' },
    reasons,
  );
  return readingOf(reasons, warnings, {
    level,
    formats: [...(level === 2 ? ['jpg', 'png'] : ['jpg']), ...lists.formats],
    qualities: ['default', ...lists.qualities],
    features: lists.features,
    limits: { maxWidth: json['maxWidth'], maxHeight: json['maxHeight'], maxArea: json['maxArea'] },
  });
}

function readV2(json: JsonObject): Reading {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const profile = json['profile'];
  const items: unknown[] = profile === undefined ? [] : Array.isArray(profile) ? profile : [profile];
  let level: ComplianceLevel | undefined;
  const formats: string[] = ['jpg'];
  const qualities: string[] = ['default'];
  const features: string[] = [];
  const limits: Record<'maxWidth' | 'maxHeight' | 'maxArea', unknown> = {
    maxWidth: json['maxWidth'],
    maxHeight: json['maxHeight'],
    maxArea: json['maxArea'],
  };
  const takeUri = (uri: string) => {
    // The short "level2" form is Image API 3 spelling, but some v2 services and manifests use it too.
    const match = V2_PROFILE.exec(uri.trim()) ?? V3_PROFILE.exec(uri.trim());
    if (!match) return;
    const parsed = toLevel(match[1]);
    if (parsed === undefined) reasons.push(`"profile" names an unknown compliance level: "${uri}".`);
    else level = Math.max(level ?? 0, parsed) as ComplianceLevel;
  };
  for (const item of items) {
    if (typeof item === 'string') takeUri(item);
    else if (isJsonObject(item)) {
      if (typeof item['@id'] === 'string') takeUri(item['@id']);
      const lists = collectLists(
        item,
        { formats: 'formats', qualities: 'qualities', features: 'supports' },
        reasons,
      );
      formats.push(...lists.formats);
      qualities.push(...lists.qualities);
      features.push(...lists.features);
      for (const key of ['maxWidth', 'maxHeight', 'maxArea'] as const) {
        if (item[key] !== undefined) limits[key] = item[key];
      }
    } else reasons.push(`"profile" entries must be URIs or objects, not ${describe(item)}.`);
  }
  if (level === undefined) {
    warnings.push(
      '"profile" names no Image API 2 compliance level; assumed level 0 (only declared sizes and tiles).',
    );
  }
  return readingOf(reasons, warnings, { level: level ?? 0, formats, qualities, features, limits });
}

function readV1(json: JsonObject): Reading {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const profile = json['profile'];
  let level: ComplianceLevel = 0;
  if (profile === undefined) warnings.push('No "profile"; assumed level 0 (only declared sizes and tiles).');
  else if (typeof profile !== 'string')
    reasons.push(`"profile" must be a compliance URI, not ${describe(profile)}.`);
  else {
    const parsed = toLevel(V1_PROFILE.exec(profile.trim())?.[1]);
    if (parsed === undefined) reasons.push(`"profile" is not an Image API 1 compliance level: "${profile}".`);
    else level = parsed;
  }
  const lists = collectLists(
    json,
    { formats: 'formats', qualities: 'qualities', features: 'supports' },
    reasons,
  );
  return readingOf(reasons, warnings, {
    level,
    formats: ['jpg', ...lists.formats],
    qualities: ['native', ...lists.qualities],
    features: lists.features,
    limits: { maxWidth: undefined, maxHeight: undefined, maxArea: undefined },
  });
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
