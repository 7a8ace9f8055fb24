/**
 * Synthetic manifests shaped like a real digitised book: a label in two languages and a metadata pair on every
 * canvas (two on the manifest), one painting annotation with an Image API 3 service. About 1.3 KB per canvas
 * pretty-printed with two spaces, so 10k canvases make a ~13 MB file, the size of the largest real manifests we
 * have seen, and 50k canvases (~64 MB) still fit under the open limit (MAX_DOCUMENT_BYTES).
 */
import type { JsonObject } from '../../shared/iiif/json';

const BASE = 'https://example.org/b1';
const IMAGES = 'https://example.org/iiif/3/b1';

export function syntheticCanvas(n: number): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  const image = `${IMAGES}-${n}`;
  const folio = `${Math.ceil(n / 2)}${n % 2 === 1 ? 'r' : 'v'}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`Page ${n}`], de: [`Seite ${n}`] },
    width: 4000 + (n % 7),
    height: 6000 - (n % 5),
    metadata: [{ label: { en: ['Folio'] }, value: { none: [folio] } }],
    items: [
      {
        id: `${id}/page/1`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/1/annotation/1`,
            type: 'Annotation',
            motivation: 'painting',
            body: {
              id: `${image}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              service: [{ id: image, type: 'ImageService3', profile: 'level1' }],
            },
            target: id,
          },
        ],
      },
    ],
  };
}

export function syntheticManifest(canvases: number): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Book of hours'], de: ['Stundenbuch'] },
    metadata: [
      { label: { en: ['Shelfmark'] }, value: { none: ['MS 1'] } },
      { label: { en: ['Date'] }, value: { en: ['15th century'] } },
    ],
    rights: 'http://creativecommons.org/publicdomain/mark/1.0/',
    items: Array.from({ length: canvases }, (_, i) => syntheticCanvas(i + 1)),
  };
}

/** The text a publisher would serve: pretty-printed with two spaces and a final newline. */
export function syntheticManifestText(canvases: number): string {
  return JSON.stringify(syntheticManifest(canvases), null, 2) + '\n';
}
