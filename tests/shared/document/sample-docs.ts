/** Test helper: small Presentation 3 manifests built in code, shaped like real ones. */
import type { JsonObject } from '../../../shared/iiif/json';

export const BASE = 'https://tessera.test/iiif/book';

export function canvas(n: number, base = BASE): JsonObject {
  const id = `${base}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`p. ${n}`] },
    width: 1000,
    height: 1500,
    items: [
      {
        id: `${id}/page/1`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/1/annotation/1`,
            type: 'Annotation',
            motivation: 'painting',
            target: id,
            body: {
              id: `https://images.tessera.test/iiif/p${n}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              service: [
                { id: `https://images.tessera.test/iiif/p${n}`, type: 'ImageService3', profile: 'level1' },
              ],
            },
          },
        ],
      },
    ],
  };
}

export function manifest(count: number, extra: Record<string, unknown> = {}): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Book'] },
    items: Array.from({ length: count }, (_, i) => canvas(i + 1)),
    ...(extra as JsonObject),
  };
}

export function ids(doc: JsonObject): unknown[] {
  return (doc['items'] as JsonObject[]).map((c) => c['id']);
}
