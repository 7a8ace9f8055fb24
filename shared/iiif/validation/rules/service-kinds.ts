/**
 * What a service object is, read from its type, context or profile. Shared by the service checks and by the
 * fixes, which may only convert a service whose kind and version are certain.
 */
import { isJsonArray, type JsonObject } from '../../json';

/** Service types Presentation 3 defines for older APIs (used with `@type` or `type`). */
export const PRESENTATION_3_SERVICE_TYPES = new Set([
  'ImageService1',
  'ImageService2',
  'SearchService1',
  'AutoCompleteService1',
  'AuthCookieService1',
  'AuthTokenService1',
  'AuthLogoutService1',
]);

/** Types the current APIs (Image 3, Search 2, Auth 2) define for themselves. */
export const CURRENT_API_SERVICE_TYPES = new Set([
  'ImageService3',
  'SearchService2',
  'AutoCompleteService2',
  'AuthAccessService2',
  'AuthAccessTokenService2',
  'AuthProbeService2',
  'AuthLogoutService2',
]);

function contexts(node: JsonObject): string[] {
  const context = node['@context'];
  if (typeof context === 'string') return [context];
  if (isJsonArray(context)) return context.filter((c): c is string => typeof c === 'string');
  return [];
}

/** The profile as a list of strings (Image API 2 allows a list whose first item is the compliance level). */
export function profileStrings(node: JsonObject): string[] {
  const profile = node.profile;
  if (typeof profile === 'string') return [profile];
  if (isJsonArray(profile)) return profile.filter((p): p is string => typeof p === 'string');
  return [];
}

export function serviceType(node: JsonObject): string | undefined {
  const type = node.type ?? node['@type'];
  return typeof type === 'string' ? type : undefined;
}

/** The Image API version (1, 2 or 3) when the service is certainly an Image API service. */
export function imageApiVersion(node: JsonObject): 1 | 2 | 3 | undefined {
  const type = serviceType(node);
  if (type === 'ImageService1') return 1;
  if (type === 'ImageService2') return 2;
  if (type === 'ImageService3') return 3;
  for (const text of [...contexts(node), ...profileStrings(node)]) {
    const match = /iiif\.io\/api\/image\/([123])\//.exec(text);
    if (match) return Number(match[1]) as 1 | 2 | 3;
    if (/library\.stanford\.edu\/iiif\/image-api\//.test(text)) return 1;
  }
  return undefined;
}

export function isImageService(node: JsonObject): boolean {
  if (imageApiVersion(node) !== undefined) return true;
  return profileStrings(node).some((p) => /^level[012]$/.test(p));
}

/** The compliance level (0, 1 or 2) declared in the profile, if any. */
export function complianceLevel(node: JsonObject): number | undefined {
  for (const profile of profileStrings(node)) {
    const match = /level([012])(?:\.json)?$/.exec(profile);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * The type a service without one certainly has, and under which key (`@type` next to `@id`, `type` next to
 * `id`), or undefined when it cannot be told.
 */
export function inferServiceType(node: JsonObject): { key: 'type' | '@type'; value: string } | undefined {
  const key = node['@id'] !== undefined && node.id === undefined ? '@type' : 'type';
  const version = imageApiVersion(node);
  if (version !== undefined) return { key, value: `ImageService${version}` };
  const texts = [...contexts(node), ...profileStrings(node)];
  const known: readonly [RegExp, string][] = [
    [/iiif\.io\/api\/auth\/1\/(login|clickthrough|kiosk|external)/, 'AuthCookieService1'],
    [/iiif\.io\/api\/auth\/1\/token/, 'AuthTokenService1'],
    [/iiif\.io\/api\/auth\/1\/logout/, 'AuthLogoutService1'],
    [/iiif\.io\/api\/search\/[01]\/autocomplete/, 'AutoCompleteService1'],
    [/iiif\.io\/api\/search\/[01]\/search/, 'SearchService1'],
  ];
  for (const [pattern, value] of known) {
    if (texts.some((text) => pattern.test(text))) return { key, value };
  }
  return undefined;
}

/**
 * A Presentation 2 style Image API 1/2 service: a profile list, or an `@id` with no type, or a type-less
 * service that embeds the image information. Returns the version when the conversion is certain.
 */
export function presentation2ImageServiceVersion(node: JsonObject): 1 | 2 | undefined {
  const version = imageApiVersion(node);
  if (version !== 1 && version !== 2) return undefined;
  const typeless = node.type === undefined && node['@type'] === undefined;
  const profileList = isJsonArray(node.profile);
  if (!typeless && !profileList) return undefined;
  return complianceProfile(node, version) === undefined ? undefined : version;
}

/** The single compliance-level profile string for an Image API 1/2 service. */
export function complianceProfile(node: JsonObject, version: 1 | 2): string | undefined {
  const level = profileStrings(node).find((p) => /level[012](\.json)?$/.test(p));
  if (level === undefined) return undefined;
  if (level.startsWith('http')) return level;
  // A bare "level1" under Image API 2 is the same as its compliance URI.
  return version === 2 ? `http://iiif.io/api/image/2/${level}.json` : undefined;
}
