/**
 * Which Image API version an info.json speaks. The `@context` decides when present; real-world v1.0 documents
 * and some servers omit it, so we then infer the version from the profile and the property names, and say so.
 *
 * Context rules (they follow the specs and the IIIF validator's corpus of deliberately bad documents):
 *  - v3: the v3 context as a string, or as the LAST item of an array (extension contexts come first);
 *  - v2 and v1.1: a single context string; an array is not allowed in those versions;
 *  - a Presentation context means somebody pasted a manifest, not an info.json;
 *  - any other declared context is refused: we would be guessing what the document means.
 * `https:` and `http:` spellings of a context URI are treated alike (servers behind TLS proxies rewrite them).
 */
import { isJsonObject } from '../json';
import type { ImageApiVersion } from './descriptor';

export const IMAGE_CONTEXTS: Readonly<Record<ImageApiVersion, string>> = {
  1: 'http://library.stanford.edu/iiif/image-api/1.1/context.json',
  2: 'http://iiif.io/api/image/2/context.json',
  3: 'http://iiif.io/api/image/3/context.json',
};

const PRESENTATION_CONTEXT = /^http:\/\/iiif\.io\/api\/presentation\/\d\/context\.json$/;

export type VersionDetection =
  | { readonly ok: true; readonly version: ImageApiVersion; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reasons: readonly string[] };

function normalizeUri(uri: string): string {
  return uri.trim().replace(/^https:\/\//i, 'http://');
}

function versionOfContext(uri: string): ImageApiVersion | undefined {
  const normal = normalizeUri(uri);
  for (const version of [1, 2, 3] as const) if (normal === IMAGE_CONTEXTS[version]) return version;
  return undefined;
}

export function detectImageApiVersion(json: unknown): VersionDetection {
  if (!isJsonObject(json)) return { ok: false, reasons: ['An info.json must be a JSON object.'] };
  const context = json['@context'];
  if (context === undefined) return inferWithoutContext(json);
  if (typeof context === 'string') {
    const version = versionOfContext(context);
    if (version) return { ok: true, version, warnings: [] };
    return { ok: false, reasons: [unknownContextReason(context)] };
  }
  if (Array.isArray(context)) {
    if (context.length === 0 || !context.every((item) => typeof item === 'string')) {
      return { ok: false, reasons: ['"@context" must be a URI or a list of URIs.'] };
    }
    const items = context as readonly string[];
    const last = items[items.length - 1] as string;
    if (versionOfContext(last) === 3) return { ok: true, version: 3, warnings: [] };
    const imageVersions = items.map(versionOfContext).filter((v): v is ImageApiVersion => v !== undefined);
    if (imageVersions.includes(3)) {
      return {
        ok: false,
        reasons: [
          '"@context" lists the Image API 3 context, but not last; extension contexts must come before it.',
        ],
      };
    }
    if (imageVersions.length > 0) {
      return {
        ok: false,
        reasons: [
          `"@context" is a list, which Image API ${imageVersions[0] === 1 ? '1.1' : '2'} does not allow: it must be the single string ${IMAGE_CONTEXTS[imageVersions[0] as ImageApiVersion]}.`,
        ],
      };
    }
    const presentation = items.find((item) => PRESENTATION_CONTEXT.test(normalizeUri(item)));
    return { ok: false, reasons: [unknownContextReason(presentation ?? last)] };
  }
  return { ok: false, reasons: ['"@context" must be a URI or a list of URIs.'] };
}

function unknownContextReason(context: string): string {
  if (PRESENTATION_CONTEXT.test(normalizeUri(context))) {
    return 'This is an IIIF Presentation document (a manifest or collection), not an image information (info.json) document.';
  }
  return `"@context" is ${JSON.stringify(context)}, which is not an IIIF Image API context.`;
}

/** No `@context`: usual for Image API 1.0, tolerated elsewhere when the rest of the document is unambiguous. */
function inferWithoutContext(json: Readonly<Record<string, unknown>>): VersionDetection {
  const profile = json['profile'];
  const profiles = (Array.isArray(profile) ? profile : [profile])
    .map((p) => (typeof p === 'string' ? p : isJsonObject(p) && typeof p['@id'] === 'string' ? p['@id'] : ''))
    .map(normalizeUri);
  let version: ImageApiVersion | undefined;
  let because = '';
  if (profiles.some((p) => p.startsWith('http://library.stanford.edu/iiif/image-api/'))) {
    version = 1;
    because = 'its profile is an Image API 1 compliance URI';
  } else if (profiles.some((p) => p.startsWith('http://iiif.io/api/image/2/'))) {
    version = 2;
    because = 'its profile is an Image API 2 compliance URI';
  } else if (json['type'] === 'ImageService3' || profiles.some((p) => /^level[0-9]$/.test(p))) {
    version = 3;
    because = 'it has Image API 3 properties';
  } else if ('identifier' in json || 'scale_factors' in json || 'tile_width' in json) {
    version = 1;
    because = 'it has Image API 1 properties';
  }
  if (!version) {
    return {
      ok: false,
      reasons: [
        'There is no "@context", and nothing else says which IIIF Image API version this document follows.',
      ],
    };
  }
  const warnings =
    version === 1 && 'identifier' in json
      ? []
      : [`No "@context"; read as Image API ${version} because ${because}.`];
  return { ok: true, version, warnings };
}
