/**
 * Which URL a cell loads for a canvas's thumbnail, read from the manifest alone (no info.json request per
 * cell: at 10k canvases that would be 10k requests before anything shows).
 *
 * The rule: never request more than twice the width the cell displays. Candidates, in order: the canvas's
 * `thumbnail` entries, then the painted image. For each, an Image API service is asked for a size through
 * shared/iiif/image-api (any width for level 1/2; for level 0 only a size it declares, or a single-tile level,
 * because static hosting 404s everything else). Without a usable service, a static image qualifies when its
 * declared width is small enough.
 *
 * When nothing that small exists (a level-0 service whose smallest size is 200px, shown in a 56px list row),
 * the smallest thumbnail-class image is taken instead: a declared `thumbnail` or level-0 size of at most
 * FALLBACK_MAX_WIDTH, else a `thumbnail` of unknown size (publishers mean it to be small). A full-size painted
 * image is never loaded as a thumbnail: the cell shows its label instead.
 */
import {
  availableFullSizes,
  parseInfoJson,
  thumbnailFor,
  type ImageServiceDescriptor,
} from '../../../../shared/iiif/image-api';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';

export interface ThumbnailBox {
  readonly width: number;
  readonly height: number;
}

export interface ThumbnailChoice {
  readonly url: string;
  /** Pixel width requested (when known): at most twice the displayed width. */
  readonly width: number | null;
}

function listOf(value: JsonValue | undefined): readonly JsonValue[] {
  if (value === undefined || value === null) return [];
  return isJsonArray(value) ? value : [value];
}

function idOf(node: JsonObject): string | null {
  const id = node['id'] ?? node['@id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

function positive(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The first painted image: through Choice (first option) and SpecificResource (its source). */
export function paintedImageOf(canvas: JsonObject): JsonObject | null {
  for (const page of listOf(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    for (const annotation of listOf(page['items'])) {
      if (!isJsonObject(annotation)) continue;
      let body = listOf(annotation['body'])[0];
      if (isJsonObject(body) && body['type'] === 'Choice') body = listOf(body['items'])[0];
      if (isJsonObject(body) && body['type'] === 'SpecificResource') body = body['source'];
      if (isJsonObject(body)) return body;
    }
  }
  return null;
}

/**
 * The resource's image service as a descriptor. A manifest's service entry rarely repeats the image size, so
 * it is taken from the service, else from `fallbackSize` (the image body or the canvas); parseInfoJson then
 * reads version and level as it does for a real info.json.
 */
function serviceDescriptor(
  resource: JsonObject,
  fallbackSize: ThumbnailBox | null,
): ImageServiceDescriptor | null {
  for (const service of listOf(resource['service'])) {
    if (!isJsonObject(service)) continue;
    const width = positive(service['width']) ?? fallbackSize?.width ?? null;
    const height = positive(service['height']) ?? fallbackSize?.height ?? null;
    if (width === null || height === null) continue;
    const parsed = parseInfoJson({ ...service, width: Math.round(width), height: Math.round(height) });
    if (parsed.ok) return parsed.value;
  }
  return null;
}

/** The width the image is drawn at when fitted (contain) into `box`, for an image of the given aspect. */
function displayedWidth(box: ThumbnailBox, aspect: number | null): number {
  if (aspect === null) return box.width;
  return Math.min(box.width, box.height / aspect);
}

/** Widest image accepted as a thumbnail when nothing within twice the displayed size exists. */
export const FALLBACK_MAX_WIDTH = 400;

/** A sized option that is too big for the rule but small enough to be a thumbnail fallback. */
interface Fallback {
  readonly url: string;
  readonly width: number;
}

function smaller(a: Fallback | null, b: Fallback | null): Fallback | null {
  if (!a) return b;
  if (!b) return a;
  return b.width < a.width ? b : a;
}

function fromService(
  desc: ImageServiceDescriptor,
  box: ThumbnailBox,
  scale: number,
): { choice: ThumbnailChoice | null; fallback: Fallback | null } {
  const shown = displayedWidth(box, desc.height / desc.width);
  const wanted = Math.max(1, Math.ceil(shown * scale));
  const limit = Math.floor(shown * 2);
  if (desc.level > 0) {
    const thumb = thumbnailFor(desc, Math.min(wanted, limit));
    return { choice: thumb ? { url: thumb.url, width: thumb.width } : null, fallback: null };
  }
  // Level 0: the smallest declared size that is sharp enough, else the largest that is not too big.
  const sizes = availableFullSizes(desc);
  const fitting = sizes.filter((size) => size.width <= limit);
  const size = fitting.find((s) => s.width >= wanted) ?? fitting[fitting.length - 1];
  const thumb = size ? thumbnailFor(desc, size.width) : null;
  if (thumb && thumb.width <= limit)
    return { choice: { url: thumb.url, width: thumb.width }, fallback: null };
  const smallest = sizes[0] ? thumbnailFor(desc, sizes[0].width) : null;
  return {
    choice: null,
    fallback:
      smallest && smallest.width <= FALLBACK_MAX_WIDTH ? { url: smallest.url, width: smallest.width } : null,
  };
}

/**
 * @param box the thumbnail box in CSS pixels
 * @param pixelRatio the display's device pixel ratio; requests are capped at 2× the displayed size anyway
 */
export function chooseThumbnail(
  canvas: JsonObject,
  box: ThumbnailBox,
  pixelRatio = 1,
): ThumbnailChoice | null {
  const scale = Math.min(2, Math.max(1, pixelRatio));
  const canvasSize = sizeOf(canvas);
  const painted = paintedImageOf(canvas);
  let fallback: Fallback | null = null;
  let unknownSizeThumbnail: string | null = null;
  const candidates: { resource: JsonObject; isThumbnail: boolean }[] = [
    ...listOf(canvas['thumbnail'])
      .filter(isJsonObject)
      .map((resource) => ({ resource, isThumbnail: true })),
    ...(painted ? [{ resource: painted, isThumbnail: false }] : []),
  ];
  for (const { resource, isThumbnail } of candidates) {
    // A thumbnail's own width is the thumbnail's, not the full image's: its service needs the image size.
    const imageSize = isThumbnail ? (painted ? sizeOf(painted) : null) : sizeOf(resource);
    const desc = serviceDescriptor(resource, imageSize ?? canvasSize);
    if (desc) {
      const viaService = fromService(desc, box, scale);
      if (viaService.choice) return viaService.choice;
      fallback = smaller(fallback, viaService.fallback);
    }
    const url = idOf(resource);
    if (url === null) continue;
    const size = sizeOf(resource);
    if (size) {
      const shown = displayedWidth(box, size.height / size.width);
      if (size.width <= shown * 2) return { url, width: size.width };
      if (isThumbnail && size.width <= FALLBACK_MAX_WIDTH)
        fallback = smaller(fallback, { url, width: size.width });
    } else if (isThumbnail) unknownSizeThumbnail ??= url;
  }
  if (fallback) return fallback;
  return unknownSizeThumbnail ? { url: unknownSizeThumbnail, width: null } : null;
}

function sizeOf(resource: JsonObject): ThumbnailBox | null {
  const width = positive(resource['width']);
  const height = positive(resource['height']);
  return width !== null && height !== null ? { width, height } : null;
}
