/**
 * How the fields every resource shares are read, in one place: a list that may be written as a lone value, and
 * an id (Presentation 3's `id`, Presentation 2's `@id`). Upgrade, publishing and the views read them through
 * these instead of keeping copies that drift apart.
 */
import { isJsonArray, isJsonObject, type JsonValue } from './json';

/** A value as a list: the array itself, a lone value as a list of one, nothing (undefined or null) as none. */
export function asArray(value: JsonValue | undefined): readonly JsonValue[] {
  if (value === undefined || value === null) return [];
  return isJsonArray(value) ? value : [value];
}

/**
 * A list exactly as written: the array, else none. Publishing reads Presentation 3 lists this way: what the
 * specification says is a list is only rewritten where it is one (asArray would take a lone object for a list
 * of one and rewrite ids inside a value the document does not hold as a list).
 */
export function arrayOnly(value: JsonValue | undefined): readonly JsonValue[] {
  return isJsonArray(value) ? value : [];
}

/** A reference's id: the string itself, or an object's `id` (else `@id`); null when it has none. */
export function idOf(node: JsonValue | undefined): string | null {
  if (typeof node === 'string') return node;
  if (!isJsonObject(node)) return null;
  const id = node['id'] ?? node['@id'];
  return typeof id === 'string' ? id : null;
}

/**
 * A Presentation 2 reference's id: as idOf, but `@id` first. In a Presentation 2 document `@id` is the
 * identifier, and the upgrader reads it so: a stray `id` beside it must not name the resource instead.
 */
export function p2IdOf(node: JsonValue | undefined): string | null {
  if (typeof node === 'string') return node;
  if (!isJsonObject(node)) return null;
  const id = node['@id'] ?? node['id'];
  return typeof id === 'string' ? id : null;
}
