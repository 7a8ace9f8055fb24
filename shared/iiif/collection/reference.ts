/**
 * A collection member as a reference (Presentation 3 §5.3: a Collection's `items` name manifests and collections
 * by `id`, `type` and `label`, SHOULD give a `thumbnail`, and MAY give a `navDate`). Made from the resource
 * itself when a member is added by URL, by file or from the Sources panel, and again when a member is
 * refreshed from the resource it points at.
 */
import { asArray } from '../fields';
import { isJsonObject, own, sameJson, type JsonObject, type JsonValue } from '../json';
import { memberTypeOf, type MemberType } from './members';

/** What a reference repeats of its resource, in this order after id and type. */
export const REFERENCE_PROPERTIES = ['label', 'thumbnail', 'navDate'] as const;

export type ReferenceResult =
  { readonly ok: true; readonly reference: JsonObject } | { readonly ok: false; readonly message: string };

/**
 * A reference to `resource` (a Presentation 3 manifest or collection, upgraded already when it was P2), found
 * at `location`. The resource's own `id` is preferred (it is the name it gives itself, and what a redirect
 * led to); the location stands in when it has none. A manifest without a `thumbnail` lends its first canvas's,
 * when that declares one: a declared thumbnail, never an image URL made up here (a level-0 server would 404 it).
 */
export function memberReferenceFrom(resource: JsonValue, location: string): ReferenceResult {
  const type = memberTypeOf(resource);
  if (!type || !isJsonObject(resource)) {
    return { ok: false, message: `${location} is not a Presentation 3 manifest or collection.` };
  }
  const ownId = typeof resource['id'] === 'string' && resource['id'] !== '' ? resource['id'] : '';
  const id = ownId || location;
  if (id === '') return { ok: false, message: 'The resource has no id and no address to refer to it by.' };
  const reference: Record<string, JsonValue> = { id, type };
  for (const property of REFERENCE_PROPERTIES) {
    const value = property === 'thumbnail' ? thumbnailOf(resource, type) : own(resource, property);
    if (value !== undefined) reference[property] = value;
  }
  // A label is required on every member; the address is better than nothing and the user can edit it.
  if (reference['label'] === undefined) reference['label'] = { none: [id] };
  return { ok: true, reference };
}

function thumbnailOf(resource: JsonObject, type: MemberType): JsonValue | undefined {
  const ownThumbnail = resource['thumbnail'];
  if (asArray(ownThumbnail).length > 0) return ownThumbnail;
  if (type !== 'Manifest') return undefined;
  const first = asArray(resource['items']).find(isJsonObject);
  const canvasThumbnail = first?.['thumbnail'];
  return asArray(canvasThumbnail).length > 0 ? canvasThumbnail : undefined;
}

/**
 * `member` with its label, thumbnail and navDate taken from `fresh` (a reference made by memberReferenceFrom):
 * what the resource says now replaces what the member said, properties the resource does not give are kept
 * (the curator may have written them), and everything else of the member stays as it was, in its key order.
 * Returns `member` itself when nothing changes.
 */
export function refreshedMember(member: JsonObject, fresh: JsonObject): JsonObject {
  let next: Record<string, JsonValue> | null = null;
  for (const property of REFERENCE_PROPERTIES) {
    const value = fresh[property];
    if (value === undefined || sameJson(member[property], value)) continue;
    next ??= { ...member };
    next[property] = value;
  }
  return next ?? member;
}
