/**
 * What a parsed JSON value is, from the point of view of "can Tessera open this as a document?". Opening is
 * deliberately lenient (real manifests are messy: no @context, odd labels, unknown properties), so only the
 * top-level type decides. Everything refused gets a message naming what it is instead, because "not a manifest"
 * alone does not help someone who picked an info.json or an annotation list by mistake.
 */
import type { CollectionItems } from '@iiif/presentation-3';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject, own } from '../json';

/** What Tessera opens as a document: a Manifest or a Collection, the resources a Collection lists. */
export type DocumentKind = CollectionItems['type'];

export type Classification =
  | { readonly ok: true; readonly kind: DocumentKind; readonly version: 2 | 3 }
  | { readonly ok: false; readonly message: string };

const P2_TYPES: Record<string, DocumentKind> = { 'sc:Manifest': 'Manifest', 'sc:Collection': 'Collection' };

/** Types of other IIIF and Web Annotation resources, with how to describe them to the user. */
const OTHER_IIIF_TYPES: Record<string, string> = {
  Canvas: 'a Presentation 3 Canvas',
  Range: 'a Presentation 3 Range',
  AnnotationPage: 'a Presentation 3 AnnotationPage (a list of annotations)',
  AnnotationCollection: 'an AnnotationCollection',
  Annotation: 'a single Annotation (possibly a content state)',
  'sc:Canvas': 'a Presentation 2 Canvas',
  'sc:Range': 'a Presentation 2 Range',
  'sc:Sequence': 'a Presentation 2 Sequence',
  'sc:AnnotationList': 'a Presentation 2 AnnotationList (a list of annotations)',
  'sc:Layer': 'a Presentation 2 Layer',
  'oa:Annotation': 'a single Open Annotation',
  ImageService1: 'an Image API info.json (the description of an image service)',
  ImageService2: 'an Image API info.json (the description of an image service)',
  ImageService3: 'an Image API info.json (the description of an image service)',
};

const IMAGE_API_HINT =
  ' To use the image, add it to a canvas of a manifest instead (by its info.json or image service URL).';

export function classifyJson(value: JsonValue): Classification {
  if (!isJsonObject(value)) return refuse(`it is ${describeNonObject(value)}`);
  const type = typeOf(value);
  if (type !== undefined) {
    const p2 = own(P2_TYPES, type);
    if (p2) return { ok: true, kind: p2, version: 2 };
    if (type === 'Manifest' || type === 'Collection') return { ok: true, kind: type, version: 3 };
  }
  if (looksLikeImageInfo(value)) {
    return refuse(`it is an Image API info.json (the description of an image service).${IMAGE_API_HINT}`);
  }
  if (type !== undefined) {
    const known = own(OTHER_IIIF_TYPES, type);
    if (known) return refuse(`it is ${known}.`);
    return refuse(`it is a JSON object of type "${type}".`);
  }
  const keys = Object.keys(value);
  const shown = keys
    .slice(0, 5)
    .map((k) => `"${k}"`)
    .join(', ');
  return refuse(
    keys.length === 0
      ? 'it is an empty JSON object.'
      : `it is a JSON object with no "type" (or "@type"); its properties are ${shown}${keys.length > 5 ? ', ...' : ''}.`,
  );
}

/**
 * The kind of an open document (always Presentation 3 by then: P2 is upgraded on opening), or null for no
 * document. Every screen asks this before it speaks of canvases or members.
 */
export function documentKindOf(doc: JsonValue | null | undefined): DocumentKind | null {
  if (!isJsonObject(doc)) return null;
  // As opening read it: a type given as an array counts by its first string (classifyJson).
  const type = typeOf(doc);
  return type === 'Collection' ? 'Collection' : type === 'Manifest' ? 'Manifest' : null;
}

function refuse(what: string): Classification {
  const sentence = what.endsWith('.') ? what : `${what}.`;
  return { ok: false, message: `This is not a IIIF Manifest or Collection: ${sentence}` };
}

/** `type` (P3) or `@type` (P2); a type given as an array (seen in the wild) counts by its first string. */
function typeOf(value: JsonObject): string | undefined {
  for (const key of ['type', '@type']) {
    const t = value[key];
    if (typeof t === 'string') return t;
    if (isJsonArray(t) && typeof t[0] === 'string') return t[0];
  }
  return undefined;
}

function looksLikeImageInfo(value: JsonObject): boolean {
  const context = JSON.stringify(value['@context'] ?? '');
  if (/iiif\.io\/api\/image|library\.stanford\.edu\/iiif\/image-api/.test(context)) return true;
  if (value['protocol'] === 'http://iiif.io/api/image') return true;
  const type = typeOf(value);
  if (type !== undefined && /^ImageService[123]$/.test(type)) return true;
  // Image API 1.0 info.json had no @context: an identifier, a size and tile or format lists.
  return 'identifier' in value && 'width' in value && 'height' in value && !('items' in value);
}

function describeNonObject(value: JsonValue): string {
  if (isJsonArray(value))
    return `a JSON array (a list of ${value.length} value${value.length === 1 ? '' : 's'})`;
  if (value === null) return 'the JSON value null';
  if (typeof value === 'string') return 'a JSON string';
  if (typeof value === 'number') return 'a JSON number';
  return `the JSON value ${String(value)}`;
}
