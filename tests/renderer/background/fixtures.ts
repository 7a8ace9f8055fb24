/** Small manifests for the background worker's tests, edited the way the app edits them (structural sharing). */
import type { JsonObject } from '../../../shared/iiif/json';

export function manifest(count: number): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m/manifest.json',
    type: 'Manifest',
    label: { en: ['M'] },
    behavior: ['paged'],
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://example.org/m/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`p. ${i + 1}`] },
      width: 100,
      height: 140,
      items: [],
    })),
    structures: [],
    rights: 'http://creativecommons.org/licenses/by/4.0/',
  };
}

export function itemsOf(doc: JsonObject): readonly JsonObject[] {
  return doc['items'] as readonly JsonObject[];
}

/** The document with canvas `index`'s label replaced; every other canvas stays the same object. */
export function relabel(doc: JsonObject, index: number, text: string): JsonObject {
  const items = [...itemsOf(doc)];
  items[index] = { ...items[index], label: { none: [text] } };
  return { ...doc, items };
}
