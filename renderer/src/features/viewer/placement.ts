/**
 * Where OpenSeadragon must put a whole image so that its crop, turned, lands on the annotation's target.
 *
 * OpenSeadragon clips a TiledImage to an area in image pixels (setClip) but keeps positioning the whole image,
 * and it rotates the whole image about the centre of its unclipped bounds. So to show region R of an image at
 * target T, turned by θ: scale so the turned crop fits T (contained and centred, as Mirador does with
 * fitBounds), then solve for the image's top-left such that R's centre, rotated about the image centre, lands
 * on T's centre. The inverse (canvas point → image pixel) serves the crop tool. Pure math, unit-tested.
 *
 * Mirroring (`!n`: the Image API mirrors the crop left–right, then turns it) uses OpenSeadragon's TiledImage
 * flip, which draws the whole image mirrored inside its own bounds, before the turn, but leaves the clip where
 * it was in unmirrored pixels. So a mirrored image is clipped to the mirror image of the crop (the crop's
 * pixels now lie there) and placed by that mirrored crop's centre.
 */
import { rotatedSize, type Rect, type Size } from '../../../../shared/iiif/image-api/image-selectors';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Placement {
  /** Top-left and width of the whole (unclipped, unrotated) image, in world units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The crop in pixels of the loaded image, or null for all of it. */
  readonly clip: Rect | null;
  /** Clockwise degrees about the centre of the unclipped image. */
  readonly rotation: number;
  /** Mirror the whole image left–right inside its bounds before turning it (TiledImage.setFlip). */
  readonly flipped: boolean;
}

export interface PlacementInput {
  /** Pixel size of the image as loaded (what OpenSeadragon calls the content size). */
  readonly content: Size;
  /** The size `region` is measured in (an image service's full size); null: the loaded pixels. */
  readonly full: Size | null;
  /** The crop, in `full` pixels; null for the whole image. */
  readonly region: Rect | null;
  readonly rotation: number;
  /** The crop is mirrored left–right before it is turned. */
  readonly mirror: boolean;
  /** Where the turned crop must appear, in world units. */
  readonly target: Rect;
}

/** Rotates a vector clockwise on screen (y grows downwards) by `degrees`. */
export function rotate(vector: Point, degrees: number): Point {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return { x: vector.x * cos - vector.y * sin, y: vector.x * sin + vector.y * cos };
}

/** The area the turned crop covers inside its target: as large as fits, centred. */
export function containedRect(target: Rect, shown: Size): Rect {
  const scale = Math.min(target.width / shown.width, target.height / shown.height);
  const width = shown.width * scale;
  const height = shown.height * scale;
  return {
    x: target.x + (target.width - width) / 2,
    y: target.y + (target.height - height) / 2,
    width,
    height,
  };
}

export function placementFor({ content, full, region, rotation, mirror, target }: PlacementInput): Placement {
  const toContent = full ? content.width / full.width : 1;
  const unmirrored: Rect = region
    ? {
        x: region.x * toContent,
        y: region.y * toContent,
        width: region.width * toContent,
        height: region.height * toContent,
      }
    : { x: 0, y: 0, width: content.width, height: content.height };
  // Where the crop's pixels are once OpenSeadragon has mirrored the whole image.
  const crop = mirror ? { ...unmirrored, x: content.width - unmirrored.x - unmirrored.width } : unmirrored;
  const shown = rotatedSize(crop, rotation);
  const scale = Math.min(target.width / shown.width, target.height / shown.height);
  const offset = rotate(
    {
      x: (crop.x + crop.width / 2 - content.width / 2) * scale,
      y: (crop.y + crop.height / 2 - content.height / 2) * scale,
    },
    rotation,
  );
  const centre = { x: target.x + target.width / 2 - offset.x, y: target.y + target.height / 2 - offset.y };
  const width = content.width * scale;
  const height = content.height * scale;
  return {
    x: centre.x - width / 2,
    y: centre.y - height / 2,
    width,
    clip: region ? crop : null,
    rotation,
    flipped: mirror,
  };
}

/** What the crop tool needs to know about an item: where it is shown, and which pixels, turned how. */
export interface ShownItem {
  readonly target: Rect;
  readonly full: Size;
  readonly region: Rect | null;
  readonly rotation: number;
  /** Mirrored left–right before the turn (`!n`). */
  readonly mirror: boolean;
}

/**
 * The full-image pixel under a canvas point, for an item showing `region` (or all of `full`), mirrored when
 * asked, turned by `rotation` inside `target`. Points outside the shown area map outside the region; callers
 * clamp.
 */
export function canvasToImagePoint(point: Point, item: ShownItem): Point {
  const crop = item.region ?? { x: 0, y: 0, width: item.full.width, height: item.full.height };
  const shown = rotatedSize(crop, item.rotation);
  const scale = Math.min(item.target.width / shown.width, item.target.height / shown.height);
  const centre = { x: item.target.x + item.target.width / 2, y: item.target.y + item.target.height / 2 };
  // Undo the turn, then the mirror: the reverse of the order the Image API applies them.
  const local = rotate({ x: (point.x - centre.x) / scale, y: (point.y - centre.y) / scale }, -item.rotation);
  const x = item.mirror ? -local.x : local.x;
  return { x: crop.x + crop.width / 2 + x, y: crop.y + crop.height / 2 + local.y };
}

/** The image region (full-image pixels, whole numbers, inside the image) under a rectangle on the canvas. */
export function canvasRectToRegion(rect: Rect, item: ShownItem): Rect | null {
  const corners = [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y },
    { x: rect.x, y: rect.y + rect.height },
    { x: rect.x + rect.width, y: rect.y + rect.height },
  ].map((corner) => canvasToImagePoint(corner, item));
  const bound = item.region ?? { x: 0, y: 0, width: item.full.width, height: item.full.height };
  const clampX = (v: number) => Math.min(Math.max(v, bound.x), bound.x + bound.width);
  const clampY = (v: number) => Math.min(Math.max(v, bound.y), bound.y + bound.height);
  const left = Math.round(clampX(Math.min(...corners.map((c) => c.x))));
  const right = Math.round(clampX(Math.max(...corners.map((c) => c.x))));
  const top = Math.round(clampY(Math.min(...corners.map((c) => c.y))));
  const bottom = Math.round(clampY(Math.max(...corners.map((c) => c.y))));
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
