/**
 * Duplicating canvases: a deep copy with new ids, so the copy can be edited (cropped, relabelled, annotated)
 * without touching the original. Nothing is shared with the original, not even the image annotation, because
 * two canvases sharing an annotation object would make an edit of one show up in the other.
 *
 * Which ids are re-minted: those of the resources the manifest itself defines inside the canvas: the canvas,
 * its embedded annotation pages (`items`, `annotations`), their annotations, textual bodies, and embedded
 * placeholder/accompanying canvases. Ids that name things outside the manifest keep their value: the image
 * (the painting body), its image service, thumbnails, seeAlso, rendering, referenced annotation pages (no
 * `items`: the page lives in another file). Re-minting those would break the image, not copy it. References
 * inside the copy to re-minted ids (an annotation's `target`, a SpecificResource's `source`, with or without a
 * `#xywh=` fragment) are rewritten to the new ids, so the copy's annotations target the copy.
 */
import { asArray } from '../fields';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { canvasItems } from '../canvases';
import { normaliseIndices, withItems } from './canvas-list';
import type { MintId } from './mint-ids';

/**
 * Inserts a copy of each canvas at `indices` directly after its original. With indices sorted ascending
 * i0 < i1 < ..., the copy of i_k ends up at i_k + k + 1. `mint` gives the new ids (see idMinterFor).
 */
export function duplicateCanvases(doc: JsonObject, indices: readonly number[], mint: MintId): JsonObject {
  const items = canvasItems(doc);
  const selected = new Set(normaliseIndices(indices, items.length));
  if (selected.size === 0) return doc;
  const next: JsonValue[] = [];
  items.forEach((item, i) => {
    next.push(item);
    if (selected.has(i)) next.push(isJsonObject(item) ? copyCanvas(item, mint) : item);
  });
  return withItems(doc, next);
}

/** A deep copy of one canvas with fresh ids for the resources it defines (see the module comment). */
export function copyCanvas(canvas: JsonObject, mint: MintId): JsonObject {
  const renamed = new Map<string, string>();
  collectOwnedIds(canvas, 'canvas', undefined, mint, renamed);
  return copyWithIds(canvas, renamed) as JsonObject;
}

/** Walks the structural positions of owned resources, minting a new id for each (parents before children). */
function collectOwnedIds(
  node: JsonObject,
  kind: string,
  parentNewId: string | undefined,
  mint: MintId,
  renamed: Map<string, string>,
): void {
  const oldId = node['id'];
  let newId = parentNewId;
  if (typeof oldId === 'string') {
    newId = renamed.get(oldId) ?? mint(kind, parentNewId);
    renamed.set(oldId, newId);
  }
  const type = node['type'];
  const visitList = (key: string, childKind: string, accept: (child: JsonObject) => boolean) => {
    const list = node[key];
    if (!isJsonArray(list)) return;
    for (const child of list)
      if (isJsonObject(child) && accept(child)) collectOwnedIds(child, childKind, newId, mint, renamed);
  };
  // An AnnotationPage without items is a reference to a page published elsewhere: keep its id.
  const embeddedPage = (child: JsonObject) => isJsonArray(child['items']);
  if (type === 'Canvas') {
    visitList('items', 'page', embeddedPage);
    visitList('annotations', 'page', embeddedPage);
    for (const key of ['placeholderCanvas', 'accompanyingCanvas']) {
      const child = node[key];
      if (isJsonObject(child))
        collectOwnedIds(
          child,
          key === 'placeholderCanvas' ? 'placeholder' : 'accompanying',
          newId,
          mint,
          renamed,
        );
    }
  } else if (type === 'AnnotationPage') {
    visitList('items', 'annotation', () => true);
  } else if (type === 'Annotation') {
    for (const body of asArray(node['body'])) {
      if (isJsonObject(body) && body['type'] === 'TextualBody')
        collectOwnedIds(body, 'body', newId, mint, renamed);
    }
  }
}

/** Deep copy in which every string naming a re-minted id (exactly, or followed by a #fragment) is renamed. */
function copyWithIds(value: JsonValue, renamed: ReadonlyMap<string, string>): JsonValue {
  if (typeof value === 'string') return renameString(value, renamed);
  if (isJsonArray(value)) return value.map((item) => copyWithIds(item, renamed));
  if (isJsonObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value)) {
      const copy = copyWithIds(value[key] as JsonValue, renamed);
      // Plain assignment to "__proto__" would set the prototype instead of copying the property.
      if (key === '__proto__')
        Object.defineProperty(out, key, {
          value: copy,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[key] = copy;
    }
    return out;
  }
  return value;
}

function renameString(value: string, renamed: ReadonlyMap<string, string>): string {
  const exact = renamed.get(value);
  if (exact !== undefined) return exact;
  const hash = value.indexOf('#');
  if (hash > 0) {
    const base = renamed.get(value.slice(0, hash));
    if (base !== undefined) return base + value.slice(hash);
  }
  return value;
}
