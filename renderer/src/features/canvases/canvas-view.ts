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

export function canvasesOf(doc: JsonObject | null): readonly JsonObject[] {
  const items = doc?.['items'];
  return isJsonArray(items) ? (items.filter(isJsonObject) as JsonObject[]) : [];
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
