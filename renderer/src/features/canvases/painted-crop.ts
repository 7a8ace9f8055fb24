/**
 * The crop and turn a canvas's first painted image asks for, as the thumbnail needs them: read through the
 * same layer reader the viewer uses (shared/iiif/document/painted-items.ts), so an ImageApiSelector and a
 * region written into a service image's URL mean the same here as on the canvas. Pure.
 */
import { readLayer } from '../../../../shared/iiif/document/painted-items';
import {
  parseRegion,
  rotatedSize,
  type Rect,
  type Rotation,
  type Size,
} from '../../../../shared/iiif/image-api/image-selectors';
import type { JsonObject } from '../../../../shared/iiif/json';

/** What the painting body asks for: an Image API region parameter and a rotation, not yet measured. */
export interface CropRequest {
  readonly region: string;
  readonly rotation: Rotation;
}

/** A crop measured against the full image it is cut from. */
export interface CropGeometry {
  /** The region in pixels of the full image (the whole image when only turned). */
  readonly rect: Rect;
  /** The whole image: the region parameter named all of it. */
  readonly whole: boolean;
  /** The region's size once turned: what the cell shows. */
  readonly turned: Size;
  readonly rotation: Rotation;
}

/**
 * The crop of a painting body (an Image, or a SpecificResource around one), or null when it shows the whole
 * image upright, or when a static server already applied the crop (a region baked into an image request URL
 * without a service: those pixels are the crop already).
 */
export function cropRequestOf(body: JsonObject): CropRequest | null {
  const layer = readLayer(body, ['body']);
  if (!layer || layer.baked) return null;
  const { region, rotation } = layer;
  if (region === 'full' && rotation.degrees === 0 && !rotation.mirror) return null;
  return { region, rotation };
}

/**
 * The crop in pixels of an image of size `full`. A region that cannot be read counts as the whole image, as
 * in the viewer (parseRegion): showing too much beats showing nothing.
 */
export function measureCrop(crop: CropRequest, full: Size): CropGeometry {
  const region = parseRegion(crop.region, full);
  const rect = region ?? { x: 0, y: 0, width: full.width, height: full.height };
  const whole = rect.x === 0 && rect.y === 0 && rect.width >= full.width && rect.height >= full.height;
  return { rect, whole, turned: rotatedSize(rect, crop.rotation.degrees), rotation: crop.rotation };
}
