/**
 * What a manifest says about an image: the Presentation 3 `service` entry and the painting Image body.
 * Presentation 3 keeps each image service in the shape of its own version (spec §3.3 "service"), so a v2
 * service stays `@id`/`@type: ImageService2` with its v2 compliance URI, and only v3 uses `id`/`type` and the
 * short "levelN" profile. Viewers pick their tile-source code from exactly these fields.
 */
import type { JsonObject } from '../json';
import { mediaTypeOf, preferredFormat, type ImageServiceDescriptor } from './descriptor';
import { largestImage } from './image-urls';

export function profileUri(desc: ImageServiceDescriptor): string {
  if (desc.version === 3) return `level${desc.level}`;
  if (desc.version === 2) return `http://iiif.io/api/image/2/level${desc.level}.json`;
  return `http://library.stanford.edu/iiif/image-api/1.1/compliance.html#level${desc.level}`;
}

export function imageServiceEntry(desc: ImageServiceDescriptor): JsonObject {
  if (desc.version === 3) return { id: desc.id, type: 'ImageService3', profile: profileUri(desc) };
  return { '@id': desc.id, '@type': `ImageService${desc.version}`, profile: profileUri(desc) };
}

/**
 * The Image body to paint on a canvas: `id` is a whole-image URL the service is sure to serve (see
 * `largestImage`), `width`/`height` are that image's size, and `service` lets viewers deep-zoom. The canvas
 * itself should take the service's full `width`/`height` from the descriptor.
 */
export function paintingBodyFor(desc: ImageServiceDescriptor): JsonObject {
  const image = largestImage(desc);
  return {
    id: image.url,
    type: 'Image',
    format: mediaTypeOf(preferredFormat(desc)),
    width: image.width,
    height: image.height,
    service: [imageServiceEntry(desc)],
  };
}
