/**
 * A new canvas for one image: the canvas takes the image's full width and height; one painting annotation
 * whose body is an Image with a URL the server is sure to serve, its format and size, and the image service in
 * the shape of its own version (ImageService2 with @id/@type, ImageService3 with id/type: see service-entry);
 * and a thumbnail that a level-0 server can answer (a declared size, never full/max). Ids are minted under the
 * project's base URI by the caller's minter (shared/iiif/document/mint-ids.ts).
 */
import type { ImageServiceDescriptor } from '../image-api/descriptor';
import { mediaTypeOf, preferredFormat } from '../image-api/descriptor';
import { thumbnailFor } from '../image-api/image-urls';
import { imageServiceEntry, paintingBodyFor } from '../image-api/service-entry';
import type { JsonObject } from '../json';
import type { MintId } from '../document/mint-ids';

/** Thumbnails are asked for at this width (or the nearest a level-0 server declared). */
export const THUMBNAIL_WIDTH = 150;

/** An image without an Image API service: a plain JPEG/PNG/... address and its measured size. */
export interface PlainImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** Media type, e.g. image/jpeg. */
  readonly format: string;
}

export interface CanvasOptions {
  readonly mint: MintId;
  /** Label text; stored under "none" (the spec's "no language"), as an address or file name has none. */
  readonly label?: string;
}

/**
 * The thumbnail entry for an image service, or null when a level-0 service declares no size small enough to be
 * a whole image in one request (then no thumbnail is better than a request the server cannot answer).
 */
export function thumbnailEntry(desc: ImageServiceDescriptor): JsonObject | null {
  const thumb = thumbnailFor(desc, THUMBNAIL_WIDTH);
  if (!thumb) return null;
  if (desc.level === 0 && /\/full\/(?:max|full)\//.test(thumb.url)) return null;
  return {
    id: thumb.url,
    type: 'Image',
    format: mediaTypeOf(preferredFormat(desc)),
    width: thumb.width,
    height: thumb.height,
    // A level-0 server only has the sizes it declares, and our validator warns about a thumbnail size it cannot
    // check against the service. The size we ask for is one the info.json declared: say so in the reference,
    // so that nothing Tessera writes is a finding of its own validator.
    service: [
      desc.level === 0
        ? { ...imageServiceEntry(desc), sizes: [{ width: thumb.width, height: thumb.height }] }
        : imageServiceEntry(desc),
    ],
  };
}

/** The thumbnail URL a canvas built from `desc` will show; the main side warms its cache with it. */
export function thumbnailUrlFor(desc: ImageServiceDescriptor): string | null {
  const entry = thumbnailEntry(desc);
  return entry && typeof entry['id'] === 'string' ? entry['id'] : null;
}

function paintedCanvas(
  mint: MintId,
  size: { width: number; height: number },
  body: JsonObject,
  label: string | undefined,
  thumbnail: JsonObject | null,
): JsonObject {
  const canvasId = mint('canvas');
  const pageId = mint('page', canvasId);
  const annotationId = mint('annotation', pageId);
  return {
    id: canvasId,
    type: 'Canvas',
    ...(label ? { label: { none: [label] } } : {}),
    width: size.width,
    height: size.height,
    ...(thumbnail ? { thumbnail: [thumbnail] } : {}),
    items: [
      {
        id: pageId,
        type: 'AnnotationPage',
        items: [{ id: annotationId, type: 'Annotation', motivation: 'painting', body, target: canvasId }],
      },
    ],
  };
}

/** A canvas painted with an image service's image. */
export function canvasFromDescriptor(desc: ImageServiceDescriptor, options: CanvasOptions): JsonObject {
  return paintedCanvas(
    options.mint,
    { width: desc.width, height: desc.height },
    paintingBodyFor(desc),
    options.label,
    thumbnailEntry(desc),
  );
}

/** A canvas painted with a plain image (no service: no deep zoom, the image is its own thumbnail). */
export function canvasFromPlainImage(image: PlainImage, options: CanvasOptions): JsonObject {
  return paintedCanvas(
    options.mint,
    { width: image.width, height: image.height },
    { id: image.url, type: 'Image', format: image.format, width: image.width, height: image.height },
    options.label,
    null,
  );
}

/**
 * A readable label from an address: the image identifier of a service or info.json URL, or a file name.
 * `https://x.org/iiif/2/ms12%2Ff3r/info.json` → "ms12/f3r"; `https://x.org/photos/leaf.jpg` → "leaf".
 */
export function labelForUrl(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter((s) => s !== '');
  // An Image API image request: {id}/{region}/{size}/{rotation}/{quality}.{format}
  const imageRequest = /^(?:default|native|color|colour|gray|grey|bitonal)\.[a-z0-9]+$/i;
  let pick: string | undefined;
  if (segments.length >= 5 && imageRequest.test(segments[segments.length - 1] ?? '')) {
    pick = segments[segments.length - 5];
  } else if (segments[segments.length - 1] === 'info.json') pick = segments[segments.length - 2];
  else pick = segments[segments.length - 1];
  let text = pick ?? '';
  try {
    text = decodeURIComponent(text);
  } catch {
    // keep it encoded
  }
  return text.replace(/\.(?:jpe?g|png|gif|webp|tiff?|jp2|avif|bmp)$/i, '') || 'Image';
}
