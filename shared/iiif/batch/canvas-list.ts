/**
 * Canvas access shared by the batch, CSV and relabel operations. A manifest's canvases are `doc.items`;
 * every bulk edit replaces some of them and builds exactly one new document, so the store records one undo
 * step and every untouched canvas stays the same object.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject, setIn } from '../json';
import { canvasItems } from '../canvases';

/**
 * Valid, distinct, ascending indices of canvases that are JSON objects. `'all'` means every canvas. Order is
 * normalised because a selection arrives in click order but numbering and previews follow document order.
 */
export function resolveIndices(doc: JsonValue, indices: readonly number[] | 'all'): number[] {
  const canvases = canvasItems(doc);
  const wanted = indices === 'all' ? canvases.map((_, index) => index) : indices;
  return [...new Set(wanted)]
    .filter((index) => Number.isInteger(index) && index >= 0 && index < canvases.length)
    .filter((index) => isJsonObject(canvases[index]))
    .sort((a, b) => a - b);
}

/**
 * Returns the document with the given canvases replaced, as a single new document. Replacements identical to
 * the current canvas are ignored; when nothing changes, the same document is returned.
 */
export function replaceCanvases<T extends JsonValue>(
  doc: T,
  replacements: ReadonlyMap<number, JsonObject>,
): T {
  const canvases = canvasItems(doc);
  let items: JsonValue[] | undefined;
  for (const [index, canvas] of replacements) {
    if (index < 0 || index >= canvases.length || canvases[index] === canvas) continue;
    (items ??= canvases.slice())[index] = canvas;
  }
  return items === undefined ? doc : (setIn(doc, ['items'], items) as T);
}

/** Sets or deletes (`undefined`) one property of a canvas, returning the same canvas when nothing changes. */
export function withProperty(canvas: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  return setIn(canvas, [key], value) as JsonObject;
}
