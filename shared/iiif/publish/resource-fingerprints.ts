/**
 * What a resource is, apart from its id and its place: the key by which a publication recognises a resource it
 * published before after the document's id for it was edited. Each fingerprint names other resources only by
 * their published URIs (`resolve`), never by their ids in the document, so editing a Canvas's id changes no
 * fingerprint of what is on it, and reordering changes none at all.
 */
import { arrayOnly } from '../fields';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { stableHash } from './stable-hash';

/** A document id (or a reference with a #fragment) → the URI it is published at, when already known. */
export type Resolve = (reference: string) => string;

/** Descriptive text is never a reference, even when it happens to quote an id. */
export const TEXT_PROPERTIES = new Set(['label', 'summary', 'metadata', 'requiredStatement', 'value']);

/**
 * Resources described inside an annotation whose id is only a name Tessera minted for them (a composed body,
 * a selector): what they are is what they say, so their id is left out of a fingerprint.
 */
const NAMED_ONLY = /^(?:SpecificResource|Choice|TextualBody|\w*Selector)$/;

/** The value as text with sorted keys, references resolved and minted names left out. */
function canonical(value: JsonValue | undefined, resolve: Resolve, text = false): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(text ? value : resolve(value));
  if (isJsonArray(value)) return `[${value.map((v) => canonical(v, resolve, text)).join(',')}]`;
  if (!isJsonObject(value)) return JSON.stringify(value);
  const namedOnly = typeof value.type === 'string' && NAMED_ONLY.test(value.type);
  const keys = Object.keys(value)
    .filter((key) => !(key === 'id' && namedOnly))
    .sort();
  const parts = keys.map(
    (key) => `${JSON.stringify(key)}:${canonical(value[key], resolve, text || TEXT_PROPERTIES.has(key))}`,
  );
  return `{${parts.join(',')}}`;
}

/**
 * What a Canvas shows: the ids of its painted bodies, sorted. It survives an edit of the Canvas's own id, so a
 * renamed Canvas is still recognised as the one published before. (Kept as it was first recorded: records
 * written before the other kinds had fingerprints hold these.)
 */
export function canvasFingerprint(canvas: JsonObject): string | undefined {
  const ids: string[] = [];
  const addBody = (body: JsonValue | undefined): void => {
    if (isJsonArray(body)) body.forEach(addBody);
    else if (isJsonObject(body)) {
      if (typeof body.id === 'string') ids.push(body.id);
      if (isJsonArray(body.items)) body.items.forEach(addBody);
    }
  };
  for (const page of arrayOnly(canvas.items)) {
    if (!isJsonObject(page)) continue;
    for (const annotation of arrayOnly(page.items))
      if (isJsonObject(annotation) && annotation.motivation === 'painting') addBody(annotation.body);
  }
  return ids.length > 0 ? `canvas ${ids.sort().join(' ')}` : undefined;
}

/** An Annotation: its motivation, its body (what it says or shows) and its target, by published URI. */
export function annotationFingerprint(annotation: JsonObject, resolve: Resolve): string {
  const key = [
    canonical(annotation.motivation, resolve, true),
    canonical(annotation.body, resolve),
    canonical(annotation.target, resolve),
  ].join('\n');
  return `annotation ${stableHash(key)}`;
}

/**
 * An Annotation Page: the published URI of the resource it belongs to, which list of it it is in (`items`,
 * `annotations`), and its Annotations' fingerprints in any order.
 */
export function pageFingerprint(ownerUri: string, list: string, annotations: readonly string[]): string {
  return `page ${stableHash([ownerUri, list, ...[...annotations].sort()].join('\n'))}`;
}

/** A Range: its label and what it points at in order (nested Ranges by their own fingerprints). */
export function rangeFingerprint(range: JsonObject, resolve: Resolve): string {
  const items = arrayOnly(range.items).map((item) =>
    isJsonObject(item) && item.type === 'Range' && isJsonArray(item.items)
      ? rangeFingerprint(item, resolve)
      : canonical(item, resolve),
  );
  return `range ${stableHash([canonical(range.label, resolve, true), ...items].join('\n'))}`;
}
