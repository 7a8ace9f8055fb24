/**
 * What the viewer asks OpenSeadragon to draw for each spelling of a mirrored rotation: a selector or a request
 * URL, on a service or a plain image, and not a second time when the server has already mirrored the pixels.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { imageSpec } from '../../../renderer/src/features/viewer/image-specs';
import { sceneImages, singleCanvasScene } from '../../../renderer/src/features/viewer/scene';

const SERVICE = 'https://img.org/iiif/x';
const service = [{ id: SERVICE, type: 'ImageService3', profile: 'level2' }];

function specOf(body: JsonObject) {
  const canvas: JsonObject = {
    id: 'https://e.org/c1',
    type: 'Canvas',
    width: 1200,
    height: 900,
    items: [
      {
        id: 'https://e.org/c1/p',
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://e.org/a1',
            type: 'Annotation',
            motivation: 'painting',
            body,
            target: 'https://e.org/c1',
          },
        ],
      },
    ],
  };
  const [image] = sceneImages(singleCanvasScene(canvas), new Map());
  if (!image) throw new Error('the canvas paints nothing');
  const { region, rotation, mirror } = imageSpec(image, 1);
  return { region, rotation, mirror };
}

describe('mirrored rotations, as the viewer draws them', () => {
  it('mirrors and turns a service image whose selector says !90, with its region', () => {
    expect(
      specOf({
        type: 'SpecificResource',
        source: { id: `${SERVICE}/full/max/0/default.jpg`, type: 'Image', service },
        selector: { type: 'ImageApiSelector', region: '0,0,600,450', rotation: '!90' },
      }),
    ).toEqual({ region: '0,0,600,450', rotation: 90, mirror: true });
  });

  it('mirrors a plain image (no service) whose selector says !0', () => {
    expect(
      specOf({
        type: 'SpecificResource',
        source: { id: 'https://e.org/photo.jpg', type: 'Image' },
        selector: { type: 'ImageApiSelector', rotation: '!0' },
      }),
    ).toEqual({ region: 'full', rotation: 0, mirror: true });
  });

  it('mirrors the tiles of a service image whose id asks for !180', () => {
    expect(specOf({ id: `${SERVICE}/full/max/!180/default.jpg`, type: 'Image', service })).toEqual({
      region: 'full',
      rotation: 180,
      mirror: true,
    });
  });

  it('does not mirror again what the server already mirrored (a request URL without a service)', () => {
    expect(specOf({ id: `${SERVICE}/full/max/!180/default.jpg`, type: 'Image' })).toEqual({
      region: 'full',
      rotation: 0,
      mirror: false,
    });
  });
});
