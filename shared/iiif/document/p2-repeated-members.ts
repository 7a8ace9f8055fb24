/**
 * Presentation 2 collections may list the same member twice (in `members` and again in `manifests` or
 * `collections`), and the upgrader merges the three lists keeping one entry per `@id`. That is right for a
 * reference listed twice, and wrong for distinct embedded collections that share an id (the Universal Viewer's
 * collection embeds 25 institutions' collections, all with the parent's own `@id`): 24 of them, and every
 * manifest in them, vanished on opening. Before the upgrade such entries get a temporary distinct id, and after
 * it they get their own id back, so the upgraded collection lists every one of them, as the file did.
 */
import { isJsonArray, isJsonObject, sameJson, type JsonObject, type JsonValue } from '../json';

const MARK = '#tessera-repeated-member-';
const MEMBER_LISTS = ['manifests', 'collections', 'members'] as const;
const CONTENT = ['manifests', 'collections', 'members', 'sequences', 'structures'];

function isEmbedded(entry: JsonObject): boolean {
  return CONTENT.some((key) => key in entry);
}

/**
 * Gives each embedded member whose `@id` an earlier, different member of the same collection already has a
 * temporary distinct id, at every level. Mutates `collection` (the upgrader's own input, consumed anyway).
 * Returns how many were marked.
 */
export function markRepeatedMembers(collection: JsonObject): number {
  const seen = new Map<string, JsonObject[]>();
  let marked = 0;
  // The upgrader's merge order: manifests, then collections, then members.
  for (const key of MEMBER_LISTS) {
    const list = collection[key];
    if (!isJsonArray(list)) continue;
    for (const entry of list) {
      if (!isJsonObject(entry)) continue;
      if (isEmbedded(entry)) marked += markRepeatedMembers(entry);
      const id = entry['@id'];
      if (typeof id !== 'string') continue;
      const earlier = seen.get(id) ?? [];
      if (earlier.length > 0 && isEmbedded(entry) && !earlier.some((e) => sameJson(e, entry))) {
        earlier.push(JSON.parse(JSON.stringify(entry)) as JsonObject);
        (entry as Record<string, JsonValue>)['@id'] = `${id}${MARK}${marked}`;
        marked += 1;
      } else {
        earlier.push(entry);
      }
      seen.set(id, earlier);
    }
  }
  return marked;
}

/** Restores the ids markRepeatedMembers changed, anywhere in the upgraded (Presentation 3) tree. Mutates it. */
export function restoreRepeatedMembers(doc: JsonObject): void {
  const stack: JsonValue[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isJsonObject(node)) continue;
    const id = node['id'];
    if (typeof id === 'string' && id.includes(MARK)) {
      (node as Record<string, JsonValue>)['id'] = id.slice(0, id.indexOf(MARK));
    }
    const items = node['items'];
    if ((node['type'] === 'Collection' || node === doc) && isJsonArray(items)) stack.push(...items);
  }
}
