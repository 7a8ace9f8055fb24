/**
 * Pure edits of one property of one resource: `(doc, args) -> doc`. Only the path from the resource to the root
 * is copied (shared/iiif/json updateIn), and an edit that changes nothing returns `doc` itself, so callers can
 * tell a real change (and an undo step) from a no-op by identity.
 */
import type { LanguageMap } from '../language/language-map';
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { getIn, isJsonObject, updateIn } from '../json';
import { sameJsonInOrder } from '../json';

/**
 * Sets `key` on the object at `path` (e.g. [] for the manifest, ['items', 3] for its fourth canvas) to `value`,
 * or removes it when `value` is undefined. A new key goes last; an existing key keeps its place.
 * Throws when there is no object at `path`: that is a bug in the caller, not a user error.
 */
export function setProperty(
  doc: JsonObject,
  path: JsonPath,
  key: string,
  value: JsonValue | undefined,
): JsonObject {
  const target = getIn(doc, path);
  if (!isJsonObject(target)) throw new Error(`setProperty: no object at path [${path.join(', ')}]`);
  const old = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
  if (value === undefined ? old === undefined : old !== undefined && sameJsonInOrder(old, value)) return doc;
  return updateIn(doc, [...path, key], () => value) as JsonObject;
}

/**
 * Sets the label of the resource at `path`; undefined removes it. The map is stored as given: tidying it
 * (dropping empty languages, trimming) is the editing UI's call, made before committing.
 */
export function setLabel(doc: JsonObject, path: JsonPath, label: LanguageMap | undefined): JsonObject {
  return setProperty(doc, path, 'label', label);
}
