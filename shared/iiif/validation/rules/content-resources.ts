/** Checks of a content resource itself: its id, its type, and the Image-specific rules. */
import { isAppAddress } from '../../../app-origin';
import { own, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { asList, isHttpUri, isUnsafeUri, isUri, referenceId } from '../values';
import { checkLevel0Thumbnail } from './level0-thumbnails';

/** How a content resource is used, which decides a few rules (logos are Images, thumbnails are fetched). */
export type ContentRole = 'body' | 'thumbnail' | 'logo' | 'source';

/** Types the specification recommends for content resources, and common mistakes for them. */
const CONTENT_TYPES = new Set(['Dataset', 'Image', 'Model', 'Sound', 'Text', 'Video']);
const CONTENT_TYPE_MISTAKES: Readonly<Record<string, string>> = {
  Audio: 'Sound',
  'dctypes:Image': 'Image',
  'dctypes:Sound': 'Sound',
  'dctypes:Text': 'Text',
  'dctypes:Dataset': 'Dataset',
  'dctypes:MovingImage': 'Video',
  Document: 'Text',
  PhysicalObject: 'Model',
};
/** Other classes that legitimately appear as bodies or sources. */
const OTHER_RESOURCE_TYPES = new Set([
  'Choice',
  'SpecificResource',
  'TextualBody',
  'Canvas',
  'Feature',
  'FeatureCollection',
]);

export function checkContentResource(node: JsonObject, site: Site, ctx: Checker, role: ContentRole): void {
  const type = typeof node.type === 'string' ? node.type : undefined;
  // Unsafe schemes (javascript:...) are reported once, by unsafe-ids.ts.
  // The desktop app's own app://tessera/ images are local drafts that publishing moves under the base URL.
  if (
    typeof node.id === 'string' &&
    isUri(node.id) &&
    !isHttpUri(node.id) &&
    !isUnsafeUri(node.id) &&
    !isAppAddress(node.id)
  ) {
    // An error, not a warning: a content resource's id is what viewers load, and publishing refuses errors, so a
    // javascript: or file: id never reaches a published manifest.
    ctx.error(
      'content-id-not-http',
      at(site, 'id'),
      `Viewers can only load content from http(s) addresses, not "${node.id}".`,
      SPEC.contentResources,
    );
  }
  if (type !== undefined && !CONTENT_TYPES.has(type) && !OTHER_RESOURCE_TYPES.has(type)) {
    const better = own(CONTENT_TYPE_MISTAKES, type);
    ctx.warning(
      'content-type-unusual',
      at(site, 'type'),
      `"${type}" is not one of the content types viewers know (${[...CONTENT_TYPES].join(', ')})${better ? `; use "${better}"` : ''}.`,
      SPEC.type,
    );
  }
  if (role === 'logo' && type !== undefined && type !== 'Image') {
    ctx.error('logo-not-image', at(site, 'type'), `A logo must be an Image, not a ${type}.`, SPEC.logo);
  }
  if (type === 'Image') checkImageIdIsNotService(node, site, ctx);
  if (role === 'thumbnail') checkLevel0Thumbnail(node, site, ctx);
}

/** An Image's id is one representation of it, never the base URI of its Image API service. */
function checkImageIdIsNotService(node: JsonObject, site: Site, ctx: Checker): void {
  if (typeof node.id !== 'string') return;
  const id = node.id.replace(/\/$/, '');
  for (const service of asList(node.service)) {
    const serviceId = referenceId(service);
    if (serviceId !== undefined && serviceId.replace(/\/$/, '') === id) {
      ctx.error(
        'image-id-is-service',
        at(site, 'id'),
        `The image's id is its image service address; use an image URL such as ${id}/full/max/0/default.jpg.`,
        SPEC.contentResources,
      );
    }
  }
}
