/**
 * The one reading of a collection's members (`items`). As with canvases (../canvases.ts), index N is always
 * `items[N]`, the raw place in the document: the grid, the selection and every edit count the same way. A
 * member is a Manifest or a Collection, either referenced (id, type, label, thumbnail, navDate...) or embedded
 * (with its own `items`, nested to any depth); anything else keeps its place and is shown for what it is.
 */
import type { CollectionItems } from '@iiif/presentation-3';
import { canvasItems } from '../canvases';
import { isJsonObject, type JsonValue } from '../json';
import { displayStringOf } from '../language';

/** What a Collection's `items` may hold, as Presentation 3 types it. */
export type MemberType = CollectionItems['type'];

/** `doc.items` as it is: the members of a collection, whatever they are. */
export const memberItems: (doc: JsonValue | null | undefined) => readonly JsonValue[] = canvasItems;

/** 'Manifest' or 'Collection' for a member of those types (P3 spelling), else null. */
export function memberTypeOf(member: JsonValue | undefined): MemberType | null {
  if (!isJsonObject(member)) return null;
  const type = member['type'];
  return type === 'Manifest' || type === 'Collection' ? type : null;
}

/** The member's `id`, or '' when it has none. */
export function memberIdOf(member: JsonValue | undefined): CollectionItems['id'] | '' {
  return isJsonObject(member) && typeof member['id'] === 'string' ? member['id'] : '';
}

/**
 * True when the member carries its own content (`items`) rather than pointing at it: an embedded manifest or
 * collection. Such members are kept exactly as they are; "refresh from source" leaves them alone.
 */
export function isEmbeddedMember(member: JsonValue | undefined): boolean {
  return isJsonObject(member) && 'items' in member;
}

/** The member's label in `languages` (with the usual fallbacks); '' when it has none. */
export function memberLabel(member: JsonValue | undefined, languages: readonly string[]): string {
  return isJsonObject(member) ? displayStringOf(member['label'], languages) : '';
}

/** How many members `doc` lists (every entry of `items`, as the grid shows them). */
export function memberCount(doc: JsonValue | null | undefined): number {
  return memberItems(doc).length;
}
