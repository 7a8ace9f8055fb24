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
 *
 * A canvas without a `thumbnail` whose painted image is cropped or turned (a fragment in a reconstruction)
 * shows the fragment, not the whole leaf: a level 1/2 service is asked for the region itself (the same 2× rule,
 * measured on the region once turned); a level 0 service or a static image is loaded whole, at a size sharp
 * enough for the crop, and the cell crops and turns it (ThumbnailChoice.crop). A `thumbnail` the publisher
 * chose is still taken as it is.
 */
import {
  availableFullSizes,
  constrainedSize,
  parseInfoJson,
  regionUrl,
  thumbnailFor,
  type ImageServiceDescriptor,
  type ImageSize,
} from '../../../../shared/iiif/image-api';
import { NO_ROTATION, type Rotation } from '../../../../shared/iiif/image-api/image-selectors';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { asArray, idOf } from '../../../../shared/iiif/fields';
import { cropRequestOf, measureCrop, type CropGeometry, type CropRequest } from './painted-crop';

export interface ThumbnailBox {
  readonly width: number;
  readonly height: number;
}

/**
 * The part of the loaded image a cell shows, and how it is turned: applied in the cell with CSS, for images
 * that can only be loaded whole (level 0 sizes, static files).
 */
export interface ThumbnailCrop {
  /** Left, top, width and height of the crop, as fractions (0–1) of the loaded image. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The crop's height over its width, in image pixels, before it is turned. */
  readonly aspect: number;
  /** Clockwise degrees, applied after the mirror (as the Image API does). */
  readonly degrees: number;
  /** Mirrored left–right before turning. */
  readonly mirror: boolean;
}

export interface ThumbnailChoice {
  readonly url: string;
  /** Pixel width of the image loaded (when known): at most twice the displayed width of what is shown. */
  readonly width: number | null;
  /** Present when the cell must crop or turn the loaded image itself. */
  readonly crop?: ThumbnailCrop;
}

function positive(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The first painting body, through Choice (its first option); a SpecificResource is returned as it is. */
function firstPaintedBody(canvas: JsonObject): JsonObject | null {
  for (const page of asArray(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    for (const annotation of asArray(page['items'])) {
      if (!isJsonObject(annotation)) continue;
      let body = asArray(annotation['body'])[0];
      if (isJsonObject(body) && body['type'] === 'Choice') body = asArray(body['items'])[0];
      if (!isJsonObject(body)) continue;
      if (body['type'] !== 'SpecificResource') return body;
      if (isJsonObject(body['source'])) return body;
    }
  }
  return null;
}

/** The image a painting body shows: the body itself, or a SpecificResource's source. */
function imageOfBody(body: JsonObject): JsonObject {
  const source = body['source'];
  return body['type'] === 'SpecificResource' && isJsonObject(source) ? source : body;
}

/** The first painted image: through Choice (first option) and SpecificResource (its source). */
export function paintedImageOf(canvas: JsonObject): JsonObject | null {
  const body = firstPaintedBody(canvas);
  return body ? imageOfBody(body) : null;
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
  for (const service of asArray(resource['service'])) {
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

/**
 * Widest whole image loaded to crop a fragment from in the cell. A fragment is a fraction of its leaf, so a
 * sharp fragment needs the leaf larger than a whole-leaf thumbnail (a quarter-width fragment in a 112 px cell
 * needs a leaf about 450 px wide): FALLBACK_MAX_WIDTH would leave most fragments blurred. 1024 px keeps one
 * cell's image to about 3 MB decoded and a typical JPEG to 100–200 KB, which the grid's few dozen mounted
 * cells can afford; smaller fragments than that allows are shown softer rather than costing the grid.
 */
export const CROP_SOURCE_MAX_WIDTH = 1024;

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

/** The smallest size at least `wanted` wide and at most `limit`, else the largest within `limit`. */
function declaredSizeWithin(sizes: readonly ImageSize[], wanted: number, limit: number): ImageSize | null {
  const fitting = sizes.filter((size) => size.width <= limit);
  return fitting.find((s) => s.width >= wanted) ?? fitting[fitting.length - 1] ?? null;
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
  const size = declaredSizeWithin(sizes, wanted, limit);
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

const MEDIA_TYPES = new Set(['Sound', 'Video', 'Audio']);

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
  const ownThumbnail = asArray(canvas['thumbnail']).some(isJsonObject);
  const firstBody = firstPaintedBody(canvas);
  // Audio and video are not pictures: a time-based canvas without a thumbnail of its own shows its poster
  // (placeholder canvas), else the canvas that accompanies it, as viewers do.
  const media = firstBody !== null && MEDIA_TYPES.has(String(imageOfBody(firstBody)['type']));
  if (media && !ownThumbnail) {
    const companion = [canvas['placeholderCanvas'], canvas['accompanyingCanvas']].find(isJsonObject);
    return companion ? chooseThumbnail(companion, box, pixelRatio) : null;
  }
  const body = media ? null : firstBody;
  const painted = body ? imageOfBody(body) : null;
  const crop = body && !ownThumbnail ? cropRequestOf(body) : null;
  if (painted && crop) return croppedThumbnail(painted, crop, canvasSize, box, scale);
  let fallback: Fallback | null = null;
  let unknownSizeThumbnail: string | null = null;
  const candidates: { resource: JsonObject; isThumbnail: boolean }[] = [
    ...asArray(canvas['thumbnail'])
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
    // An empty id is no image address either.
    const url = idOf(resource) || null;
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

/** Whether the service can turn (and mirror) the crop itself, going by what the manifest says of it. */
function serverTurns(desc: ImageServiceDescriptor, rotation: Rotation): boolean {
  if (rotation.degrees === 0 && !rotation.mirror) return true;
  // Quarter turns are level 2; mirroring is optional at every level, and arbitrary angles too.
  if (desc.level < 2 || rotation.degrees % 90 !== 0) return false;
  return !rotation.mirror || desc.features.includes('mirroring');
}

/** The cell's crop for `geometry` in an image of size `full`, turned as `rotation` says. */
function cssCrop(geometry: CropGeometry, full: ImageSize, rotation: Rotation): ThumbnailCrop {
  const { rect } = geometry;
  return {
    x: rect.x / full.width,
    y: rect.y / full.height,
    width: rect.width / full.width,
    height: rect.height / full.height,
    aspect: rect.height / rect.width,
    degrees: rotation.degrees,
    mirror: rotation.mirror,
  };
}

/** Level 1/2: the server cuts the region (and turns it when it can) at about the width the cell shows. */
function fromServerCrop(
  desc: ImageServiceDescriptor,
  geometry: CropGeometry,
  box: ThumbnailBox,
  scale: number,
): ThumbnailChoice {
  const { rect, turned, rotation } = geometry;
  const shown = displayedWidth(box, turned.height / turned.width);
  const delivered = Math.min(Math.ceil(shown * scale), Math.floor(shown * 2));
  // The size parameter is the region's width before the turn; a quarter turn makes its height the width shown.
  const requested = Math.max(1, Math.floor((delivered * rect.width) / turned.width));
  const size = constrainedSize(desc, requested, rect);
  const turns = serverTurns(desc, rotation);
  const url = regionUrl(
    desc,
    geometry.whole ? 'full' : rect,
    { width: size.width },
    turns ? rotation : NO_ROTATION,
  );
  if (turns) return { url, width: Math.round((size.width * turned.width) / rect.width) };
  // Cut by the server, turned by the cell: the loaded image is the region, whole.
  const whole = { ...geometry, rect: { x: 0, y: 0, width: rect.width, height: rect.height } };
  return { url, width: size.width, crop: cssCrop(whole, rect, rotation) };
}

/**
 * A canvas whose first painted image is cropped or turned, and has no thumbnail of its own: the fragment, or
 * null (the cell shows the label) when no image small enough to cut it from exists.
 */
function croppedThumbnail(
  painted: JsonObject,
  request: CropRequest,
  canvasSize: ThumbnailBox | null,
  box: ThumbnailBox,
  scale: number,
): ThumbnailChoice | null {
  const imageSize = sizeOf(painted);
  const desc = serviceDescriptor(painted, imageSize ?? canvasSize);
  const full = desc ? { width: desc.width, height: desc.height } : imageSize;
  if (!full) return null;
  const geometry = measureCrop(request, full);
  if (desc && desc.level > 0) return fromServerCrop(desc, geometry, box, scale);
  // Loaded whole and cut in the cell: the whole image must be sharp enough for the crop's share of it.
  const { rect, turned, rotation } = geometry;
  const cropShown = (displayedWidth(box, turned.height / turned.width) * rect.width) / turned.width;
  const share = rect.width / full.width;
  const wanted = Math.ceil((cropShown * scale) / share);
  const limit = Math.min(Math.floor((cropShown * 2) / share), CROP_SOURCE_MAX_WIDTH);
  const crop = cssCrop(geometry, full, rotation);
  if (desc) {
    const sizes = availableFullSizes(desc);
    const smallest = sizes[0];
    const size =
      declaredSizeWithin(sizes, wanted, limit) ??
      (smallest && smallest.width <= CROP_SOURCE_MAX_WIDTH ? smallest : null);
    const thumb = size ? thumbnailFor(desc, size.width) : null;
    return thumb ? { url: thumb.url, width: thumb.width, crop } : null;
  }
  // A static image has one size: taken when it is not too big for the crop.
  const url = idOf(painted) || null;
  return url !== null && full.width <= limit ? { url, width: full.width, crop } : null;
}
