/** Test helper: a manifest of `n` canvases with Ranges, manifest-level annotations, start and extensions. */
import type { JsonObject } from '../../../shared/iiif/json';

export const BASE = 'https://example.org/iiif/book1';

export function canvas(base: string, i: number): JsonObject {
  const id = `${base}/canvas/${i}`;
  return {
    id,
    type: 'Canvas',
    label: { none: [`p. ${i}`] },
    width: 1000,
    height: 1500,
    thumbnail: [
      { id: `https://images.example.org/${i}/full/100,/0/default.jpg`, type: 'Image', format: 'image/jpeg' },
    ],
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
              id: `https://images.example.org/${i}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
            },
            target: id,
          },
        ],
      },
    ],
  };
}

export function manifest(n: number, base = BASE): JsonObject {
  const c = (i: number) => `${base}/canvas/${i}`;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Book of hours'], fr: ['Livre d’heures'] },
    metadata: [{ label: { en: ['Date'] }, value: { none: ['1450'] } }],
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Example Library'] } },
    'x-extension': { kept: true },
    items: Array.from({ length: n }, (_, i) => canvas(base, i + 1)),
    structures: [
      {
        id: `${base}/range/toc`,
        type: 'Range',
        label: { en: ['Contents'] },
        items: [
          {
            id: `${base}/range/front`,
            type: 'Range',
            label: { en: ['Front'] },
            items: [
              { id: c(1), type: 'Canvas' },
              { id: c(2), type: 'Canvas' },
            ],
          },
          {
            id: `${base}/range/middle`,
            type: 'Range',
            label: { en: ['Middle'] },
            items: [
              { id: c(3), type: 'Canvas' },
              { id: `${c(4)}#xywh=0,0,10,10`, type: 'Canvas' },
              { id: c(5), type: 'Canvas' },
              { id: c(6), type: 'Canvas' },
            ],
          },
          {
            id: `${base}/range/end`,
            type: 'Range',
            label: { en: ['End'] },
            items: [{ id: c(n), type: 'Canvas' }],
          },
        ],
      },
    ],
    annotations: [
      {
        id: `${base}/comments`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${base}/comments/1`,
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: 'on 2' },
            target: `${c(2)}#xywh=1,1,5,5`,
          },
          {
            id: `${base}/comments/2`,
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: 'on 3' },
            target: { type: 'SpecificResource', source: { id: c(3), type: 'Canvas' } },
          },
        ],
      },
    ],
    start: { id: c(3), type: 'Canvas' },
  };
}
