/**
 * A canvas painted by one image, as most e2e manifests are made: one page, one painting annotation, the image
 * the canvas's size. Labelled "Page N" after the last segment of its id.
 */
import type { JsonObject } from '../../shared/iiif/json';

export function paintedCanvas(id: string, imageUrl: string, width: number, height: number): JsonObject {
  return {
    id,
    type: 'Canvas',
    label: { en: [`Page ${id.split('/').pop() ?? ''}`] },
    width,
    height,
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/page/painting`,
            type: 'Annotation',
            motivation: 'painting',
            body: { id: imageUrl, type: 'Image', format: 'image/jpeg', width, height },
            target: id,
          },
        ],
      },
    ],
  };
}
