/**
 * A canvas painted by one of the web host's own sample leaves (served at /sample/images/<leaf> as a level 0
 * Image API 3 service), for e2e manifests of many canvases whose images never leave 127.0.0.1.
 */
import type { JsonObject } from '../../shared/iiif/json';

export const SAMPLE_LEAF = { width: 1600, height: 2200 } as const;

/** Canvas `id` labelled `Page n`, painted by `leaf` of the host at `origin` (e.g. leaf-1r). */
export function sampleLeafCanvas(id: string, n: number, origin: string, leaf: string): JsonObject {
  const service = `${origin}/sample/images/${leaf}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`Page ${n}`] },
    ...SAMPLE_LEAF,
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
              id: `${service}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              ...SAMPLE_LEAF,
              service: [{ id: service, type: 'ImageService3', profile: 'level0' }],
            },
          },
        ],
      },
    ],
  };
}
