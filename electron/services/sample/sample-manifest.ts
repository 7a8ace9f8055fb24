/**
 * Builds the sample manifest for the origin the renderer is served from (http://127.0.0.1:port in the browser,
 * app://tessera in Electron), so its image services point at tiles the current host serves.
 */
import type { JsonObject } from '../../../shared/iiif/json';
import { SAMPLE_IMAGES_PATH, SAMPLE_LEAVES, SAMPLE_SIZES } from './sample-leaves';

export const SAMPLE_BASE_URI = 'https://example.org/tessera/sample';

export function buildSampleManifest(origin: string): JsonObject {
  const images = `${origin.replace(/\/$/, '')}${SAMPLE_IMAGES_PATH}`;
  const thumbSize = SAMPLE_SIZES[0] ?? { width: 200, height: 275 };
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${SAMPLE_BASE_URI}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Sample psalter (Tessera)'], fr: ['Psautier d’exemple (Tessera)'] },
    summary: {
      en: ['Four leaves drawn by Tessera itself, so this project works without any network.'],
    },
    metadata: [
      { label: { en: ['Date'] }, value: { none: ['c. 1250'] } },
      { label: { en: ['Material'] }, value: { en: ['Parchment (imaginary)'] } },
    ],
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Made with Tessera'] } },
    rights: 'http://creativecommons.org/publicdomain/zero/1.0/',
    behavior: ['paged'],
    items: SAMPLE_LEAVES.map((leaf, index) => {
      const canvas = `${SAMPLE_BASE_URI}/canvas/${index + 1}`;
      const service = `${images}/${leaf.slug}`;
      return {
        id: canvas,
        type: 'Canvas',
        label: { none: [leaf.label] },
        width: leaf.width,
        height: leaf.height,
        thumbnail: [
          {
            id: `${service}/full/${thumbSize.width},${thumbSize.height}/0/default.jpg`,
            type: 'Image',
            format: 'image/jpeg',
            width: thumbSize.width,
            height: thumbSize.height,
            // The size is listed so that viewers (and our validator) know this level 0 server has it.
            service: [
              {
                id: service,
                type: 'ImageService3',
                profile: 'level0',
                sizes: [{ width: thumbSize.width, height: thumbSize.height }],
              },
            ],
          },
        ],
        items: [
          {
            id: `${canvas}/page/1`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/1/annotation/1`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvas,
                body: {
                  id: `${service}/full/max/0/default.jpg`,
                  type: 'Image',
                  format: 'image/jpeg',
                  width: leaf.width,
                  height: leaf.height,
                  service: [{ id: service, type: 'ImageService3', profile: 'level0' }],
                },
              },
            ],
          },
        ],
      };
    }),
  };
}
