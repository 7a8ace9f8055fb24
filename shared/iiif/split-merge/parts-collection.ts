/**
 * A Presentation 3 Collection listing the parts of a split by reference (id, type, label, thumbnail), so the
 * parts can be opened, published and cited together; and the file names the parts are written under.
 */
import { canvasItems } from '../canvases';
import { documentBaseUri } from '../document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { buildCollection } from '../publish/collection';

/**
 * The collection of `parts`: its id is `<base of the original>/collection.json`, beside the parts' own ids
 * (`<base>/part-n/manifest.json`); its label is the original's, without the part suffixes. Each member's
 * thumbnail is the part's first canvas's, so the members can be told apart (the parts all carry the original's
 * own thumbnail); the part's thumbnail when its first canvas has none.
 */
export function partsCollection(original: JsonObject, parts: readonly JsonObject[]): JsonObject {
  return buildCollection({
    id: `${documentBaseUri(original)}/collection.json`,
    label: isJsonObject(original['label']) ? original['label'] : { none: ['Parts'] },
    manifests: parts.map((part) => {
      const thumbnail = firstCanvasThumbnail(part);
      return thumbnail ? { ...part, thumbnail } : part;
    }),
  });
}

function firstCanvasThumbnail(part: JsonObject): JsonValue | undefined {
  const first = canvasItems(part).find(isJsonObject);
  const thumbnail = first?.['thumbnail'];
  return isJsonArray(thumbnail) && thumbnail.length > 0 ? thumbnail : undefined;
}

/** "book.json" → "book": the stem the parts' file names start with ("manifest" when nothing is left). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.json$/i, '').trim() || 'manifest';
}

/** The files a split writes: `<stem>-part-<n>.json` for each part, and `<stem>-collection.json`. */
export function splitFileNames(stem: string, parts: number): { parts: string[]; collection: string } {
  return {
    parts: Array.from({ length: parts }, (_, i) => `${stem}-part-${i + 1}.json`),
    collection: `${stem}-collection.json`,
  };
}
