/**
 * The linked-resource properties (homepage, seeAlso, rendering, thumbnail, partOf, and an Agent's logo): what
 * each item must and should have per Presentation 3 §3.3, and the small list operations their editors share.
 */
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../../../shared/iiif/json';

export type LinkedProperty = 'homepage' | 'seeAlso' | 'rendering' | 'thumbnail' | 'partOf' | 'logo';

export interface LinkedSpec {
  readonly title: string;
  /** Types offered in the picker; a type already in the document is kept and shown too. */
  readonly types: readonly string[];
  readonly defaultType: string;
  readonly label: 'required' | 'recommended' | 'optional';
  readonly format: boolean;
  readonly profile: boolean;
  readonly help: string;
}

const CONTENT_TYPES = ['Text', 'Image', 'Dataset', 'Sound', 'Video', 'Model'];

export const LINKED_SPECS: Readonly<Record<LinkedProperty, LinkedSpec>> = {
  homepage: {
    title: 'Homepage',
    types: ['Text'],
    defaultType: 'Text',
    label: 'required',
    format: true,
    profile: false,
    help: 'A web page about this resource, e.g. its catalogue record.',
  },
  seeAlso: {
    title: 'See also',
    types: ['Dataset', 'Text', 'Image'],
    defaultType: 'Dataset',
    label: 'recommended',
    format: true,
    profile: true,
    help: 'Machine-readable descriptions: MARC, MODS, Dublin Core, Linked Art...',
  },
  rendering: {
    title: 'Rendering',
    types: CONTENT_TYPES,
    defaultType: 'Text',
    label: 'required',
    format: true,
    profile: false,
    help: 'Alternative forms to download: a PDF, an e-book, a transcription.',
  },
  thumbnail: {
    title: 'Thumbnail',
    types: ['Image', 'Video', 'Sound'],
    defaultType: 'Image',
    label: 'optional',
    format: true,
    profile: false,
    help: 'A small image that stands for the resource in lists and search results.',
  },
  partOf: {
    title: 'Part of',
    types: ['Collection', 'Manifest'],
    defaultType: 'Collection',
    label: 'recommended',
    format: false,
    profile: false,
    help: 'Larger resources this one belongs to, e.g. a collection, or the manifest a canvas came from.',
  },
  logo: {
    title: 'Logo',
    types: ['Image'],
    defaultType: 'Image',
    label: 'optional',
    format: true,
    profile: false,
    help: 'A small image of the institution’s logo.',
  },
};

/** The items of a list property; a single object (common in the wild) is read as a list of one. */
export function itemsOf(value: JsonValue | undefined): readonly JsonValue[] {
  if (isJsonArray(value)) return value;
  return isJsonObject(value) ? [value] : [];
}

/** The list with one item moved; the same list when the move is out of range. */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const copy = items.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** A list property as stored: absent when empty. */
/** `object` with `key` set to `value`, or without it when `value` is undefined; other keys kept in order. */
export function withKey(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const copy: Record<string, JsonValue> = { ...object };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

export function listValue(items: readonly JsonValue[]): JsonValue | undefined {
  return items.length === 0 ? undefined : items;
}

/**
 * Why a URI cannot identify a linked resource, or null. Only http(s) is accepted: these links are followed by
 * viewers, and a `javascript:` or `data:` "link" would run code or smuggle content.
 */
export function uriProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Give the URI (http:// or https://).';
  if (/\s/.test(trimmed)) return 'A URI cannot contain spaces.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Not a complete URI: it must start with http:// or https://.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `Only http:// and https:// links are allowed, not ${url.protocol}`;
  return null;
}

/** A new item for a linked property: id and type first, as the spec's examples order them. */
export function newLinkedItem(fields: {
  id: string;
  type: string;
  label?: string;
  language: string;
}): JsonObject {
  const item: Record<string, JsonValue> = { id: fields.id.trim(), type: fields.type };
  const label = fields.label?.trim() ?? '';
  if (label !== '') item['label'] = { [fields.language]: [label] };
  return item;
}
