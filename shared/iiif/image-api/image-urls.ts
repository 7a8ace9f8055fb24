/**
 * Image request URLs built from a descriptor. The one rule that matters most: a level-0 service (often a folder
 * of pre-generated files on a static web server) can only serve what it declared, so for level 0 we only ever
 * ask for a declared `sizes` entry or a full image that a declared tile grid happens to contain in one tile.
 * Never `full/max` and never an arbitrary width: those 404 on static hosting.
 */
import {
  defaultQuality,
  preferredFormat,
  type ImageApiVersion,
  type ImageServiceDescriptor,
  type ImageSize,
} from './descriptor';
import { formatRotation, NO_ROTATION, type Rotation } from './image-selectors';

export interface SizedImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

export type Region =
  | 'full'
  | 'square'
  | { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
/** `max`: the largest the server allows; `{ width }`: height follows the aspect ratio; both: exactly that. */
export type RequestedSize = 'max' | { readonly width: number; readonly height?: number };

/**
 * Full-image sizes a level-0 service is sure to have: the declared `sizes`, plus, for each tile grid, the
 * scale factors at which the whole image fits in a single tile (that tile is the full image at that size).
 */
export function availableFullSizes(desc: ImageServiceDescriptor): ImageSize[] {
  const found = new Map<string, ImageSize>();
  for (const size of desc.sizes) found.set(`${size.width}x${size.height}`, size);
  for (const tile of desc.tiles) {
    for (const factor of tile.scaleFactors) {
      // The Image API sizes a scaled region as ceil(extent / scaleFactor).
      const width = Math.ceil(desc.width / factor);
      const height = Math.ceil(desc.height / factor);
      if (width <= tile.width && height <= tile.height) found.set(`${width}x${height}`, { width, height });
    }
  }
  return [...found.values()].sort((a, b) => a.width - b.width || a.height - b.height);
}

/**
 * The largest size the service allows for a requested width, honouring maxWidth/maxHeight/maxArea: of the full
 * image, or of `extent` (a region's size) when given. Never wider than the full image or region: without `^`
 * servers refuse to upscale.
 */
export function constrainedSize(
  desc: ImageServiceDescriptor,
  requestedWidth: number,
  extent: ImageSize = desc,
): ImageSize {
  const aspect = extent.height / extent.width;
  let width = Math.max(1, Math.min(Math.round(requestedWidth), Math.floor(extent.width)));
  // Image API 3: "If maxWidth is given and maxHeight is not, clients should infer maxHeight = maxWidth."
  const maxWidth = desc.maxWidth;
  const maxHeight = desc.maxHeight ?? desc.maxWidth;
  if (maxWidth !== undefined) width = Math.min(width, maxWidth);
  if (maxHeight !== undefined && width * aspect > maxHeight) width = Math.floor(maxHeight / aspect);
  if (desc.maxArea !== undefined && width * Math.round(width * aspect) > desc.maxArea) {
    width = Math.floor(Math.sqrt(desc.maxArea / aspect));
    while (width > 1 && width * Math.round(width * aspect) > desc.maxArea) width -= 1;
  }
  width = Math.max(1, width);
  return { width, height: Math.max(1, Math.round(width * aspect)) };
}

function imageUrl(
  desc: ImageServiceDescriptor,
  region: string,
  size: string,
  rotation: Rotation = NO_ROTATION,
): string {
  return `${desc.id}/${region}/${size}/${formatRotation(rotation)}/${defaultQuality(desc.version)}.${preferredFormat(desc)}`;
}

/** Size parameter for a size the server declared: v3's canonical form is `w,h`, earlier versions use `w,`. */
function declaredSizeParam(version: ImageApiVersion, size: ImageSize): string {
  return version === 3 ? `${size.width},${size.height}` : `${size.width},`;
}

/**
 * A thumbnail at least `targetWidth` wide where possible (else the largest available), or null when a level-0
 * service declares nothing usable (no sizes, no single-tile level).
 */
export function thumbnailFor(desc: ImageServiceDescriptor, targetWidth: number): SizedImage | null {
  if (desc.level === 0) {
    const sizes = availableFullSizes(desc);
    const chosen = sizes.find((s) => s.width >= targetWidth) ?? sizes[sizes.length - 1];
    if (!chosen) return null;
    return { url: imageUrl(desc, 'full', declaredSizeParam(desc.version, chosen)), ...chosen };
  }
  const size = constrainedSize(desc, targetWidth);
  return { url: imageUrl(desc, 'full', `${size.width},`), ...size };
}

export function thumbnailUrl(desc: ImageServiceDescriptor, targetWidth: number): string | null {
  return thumbnailFor(desc, targetWidth)?.url ?? null;
}

/**
 * The biggest whole image the service will deliver: for level 1/2 the full size within the max* limits; for
 * level 0 the largest declared size, falling back to the `max` (v3) / `full` (v1, v2) size that every level-0
 * service must answer when it declares nothing else.
 */
export function largestImage(desc: ImageServiceDescriptor): SizedImage {
  if (desc.level === 0) {
    const sizes = availableFullSizes(desc);
    const largest = sizes[sizes.length - 1];
    if (largest) return { url: imageUrl(desc, 'full', declaredSizeParam(desc.version, largest)), ...largest };
    return {
      url: imageUrl(desc, 'full', desc.version === 3 ? 'max' : 'full'),
      width: desc.width,
      height: desc.height,
    };
  }
  const size = constrainedSize(desc, desc.width);
  return { url: imageUrl(desc, 'full', `${size.width},`), ...size };
}

/**
 * Any region at any size, optionally turned (and mirrored). Intended for level 1/2 services; for level 0, only
 * tile-grid regions at their scaled tile sizes exist, which this function does not check. Rotation by 90s is a
 * level 2 feature and mirroring an optional one: callers check the service offers what they ask for.
 */
export function regionUrl(
  desc: ImageServiceDescriptor,
  region: Region,
  size: RequestedSize,
  rotation: Rotation = NO_ROTATION,
): string {
  let regionParam: string;
  if (region === 'full' || region === 'square') regionParam = region;
  else {
    // Clip to the image: servers answer 400 for regions that start outside it.
    const x = clamp(Math.round(region.x), 0, desc.width - 1);
    const y = clamp(Math.round(region.y), 0, desc.height - 1);
    const w = clamp(Math.round(region.width), 1, desc.width - x);
    const h = clamp(Math.round(region.height), 1, desc.height - y);
    regionParam = `${x},${y},${w},${h}`;
  }
  let sizeParam: string;
  if (size === 'max') sizeParam = desc.version === 3 ? 'max' : 'full';
  else {
    const w = Math.max(1, Math.round(size.width));
    sizeParam = size.height === undefined ? `${w},` : `${w},${Math.max(1, Math.round(size.height))}`;
  }
  return imageUrl(desc, regionParam, sizeParam, rotation);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
