/**
 * The best thumbnail URL of a canvas, for lists. Listing canvases, finding one by index and its label live in
 * shared/iiif/canvases.ts.
 */
import { isJsonArray, isJsonObject, type JsonObject } from '../../../../shared/iiif/json';

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
