/** Read-only views of canvases for lists: label text and the best thumbnail URL. Pure, unit-tested. */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';

/** The label in the first preferred language present, then 'none', then any; plain strings are tolerated. */
export function labelText(label: JsonValue | undefined, languages: readonly string[] = ['en']): string {
  if (typeof label === 'string') return label;
  if (!isJsonObject(label)) return '';
  const keys = [...languages, 'none', '@none', ...Object.keys(label)];
  for (const key of keys) {
    const values = label[key];
    if (isJsonArray(values) && values.length > 0)
      return values.filter((v) => typeof v === 'string').join(' ');
    if (typeof values === 'string') return values;
  }
  return '';
}

const canvasLists = new WeakMap<readonly JsonValue[], readonly JsonObject[]>();
const NO_CANVASES: readonly JsonObject[] = [];

/**
 * The manifest's canvases. Many components call this on every render; at 10k canvases filtering each time
 * adds up, so the result is cached per `items` array (immutable: a new list is a new array) and is the array
 * itself when every item is an object, which is the usual case.
 */
export function canvasesOf(doc: JsonObject | null): readonly JsonObject[] {
  const items = doc?.['items'];
  if (!isJsonArray(items)) return NO_CANVASES;
  let canvases = canvasLists.get(items);
  if (canvases === undefined) {
    canvases = items.every(isJsonObject) ? (items as readonly JsonObject[]) : items.filter(isJsonObject);
    canvasLists.set(items, canvases);
  }
  return canvases;
}

/** The canvas's own thumbnail if it has one, else the first painted image (which may be large). */
export function thumbnailOf(canvas: JsonObject): string | null {
  const thumbs = canvas['thumbnail'];
  const first = isJsonArray(thumbs) ? thumbs[0] : thumbs;
  if (isJsonObject(first) && typeof first['id'] === 'string') return first['id'];
  const pages = canvas['items'];
  const page = isJsonArray(pages) ? pages[0] : undefined;
  const annos = isJsonObject(page) ? page['items'] : undefined;
  const anno = isJsonArray(annos) ? annos[0] : undefined;
  const body = isJsonObject(anno) ? anno['body'] : undefined;
  const image = isJsonArray(body) ? body[0] : body;
  return isJsonObject(image) && typeof image['id'] === 'string' ? image['id'] : null;
}
