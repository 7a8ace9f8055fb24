/**
 * Publishing a Collection as a tree: the members that are local documents are published beside it and the
 * Collection's references to them take their published ids; remote members stay the references they are. The
 * Collection itself is written as it was (its label, rights, navDate, behaviours, unknown properties), only its
 * own id and the local members' ids changed.
 */
import { memberIdOf, memberItems, memberTypeOf, type MemberType } from '../collection/members';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

export interface CollectionMember {
  /** Its place in the Collection's `items`. */
  readonly index: number;
  readonly id: string;
  readonly type: MemberType;
}

/** The members of a Collection that name a Manifest or Collection by an id (embedded or referenced). */
export function collectionMembers(collection: JsonObject): CollectionMember[] {
  return memberItems(collection).flatMap((item, index): CollectionMember[] => {
    const id = memberIdOf(item);
    const type = memberTypeOf(item);
    return id !== '' && type !== null ? [{ index, id, type }] : [];
  });
}

/**
 * The Collection as published at `id`: each member at an index of `published` becomes a reference to the
 * published document (its id, and its label or thumbnail where the member had none), keeping whatever else the
 * member said (navDate, summary, extensions); every other member is kept exactly.
 */
export function publishedCollection(
  collection: JsonObject,
  id: string,
  published: ReadonlyMap<number, JsonObject>,
): JsonObject {
  const items = collection['items'];
  const nextItems: JsonValue[] | undefined = isJsonArray(items)
    ? items.map((item, index) => {
        const doc = published.get(index);
        if (doc === undefined || !isJsonObject(item)) return item;
        const filled: Record<string, JsonValue> = {};
        if (item['label'] === undefined && doc['label'] !== undefined) filled.label = doc['label'];
        if (item['thumbnail'] === undefined && isJsonArray(doc['thumbnail']))
          filled.thumbnail = doc['thumbnail'];
        return { ...item, id: doc['id'] ?? item['id'] ?? null, ...filled };
      })
    : undefined;
  return Object.fromEntries(
    Object.entries(collection).map(([key, value]) => [
      key,
      key === 'id' ? id : key === 'items' && nextItems !== undefined ? nextItems : value,
    ]),
  ) as JsonObject;
}
