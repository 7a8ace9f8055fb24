/** Test helper: a small manifest with annotations in every shape the model reads. */
import type { JsonObject } from '../../../shared/iiif/json';

export const CANVAS = 'https://example.org/canvas/1';

export function annotatedManifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/manifest',
    type: 'Manifest',
    label: { en: ['Annotated'] },
    items: [
      {
        id: CANVAS,
        type: 'Canvas',
        width: 1000,
        height: 800,
        items: [],
        annotations: [
          {
            id: 'https://example.org/page/1',
            type: 'AnnotationPage',
            items: [
              {
                id: 'https://example.org/anno/box',
                type: 'Annotation',
                motivation: 'commenting',
                body: { type: 'TextualBody', value: 'A box', language: 'en', format: 'text/plain' },
                target: `${CANVAS}#xywh=10,20,30,40`,
              },
              {
                id: 'https://example.org/anno/point',
                type: 'Annotation',
                motivation: 'tagging',
                body: [
                  { type: 'TextualBody', value: 'tag', purpose: 'tagging' },
                  { id: 'https://example.org/people/ada', type: 'Dataset', label: { en: ['Ada'] } },
                ],
                target: {
                  type: 'SpecificResource',
                  source: {
                    id: CANVAS,
                    type: 'Canvas',
                    partOf: [{ id: 'https://example.org/manifest', type: 'Manifest' }],
                  },
                  selector: { type: 'PointSelector', x: 5, y: 6 },
                },
                'x-extension': { keep: true },
              },
            ],
          },
          { id: 'https://example.org/page/remote', type: 'AnnotationPage' },
        ],
      },
      { id: 'https://example.org/canvas/2', type: 'Canvas', width: 10, height: 10, items: [] },
    ],
    annotations: [
      {
        id: 'https://example.org/page/manifest',
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://example.org/anno/tour',
            type: 'Annotation',
            motivation: 'describing',
            body: { type: 'TextualBody', value: '<p>Both <b>pages</b></p>', format: 'text/html' },
            target: [CANVAS, 'https://example.org/canvas/2#t=1.5,3'],
          },
        ],
      },
    ],
  };
}
