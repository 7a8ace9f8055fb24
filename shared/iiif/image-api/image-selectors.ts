/**
 * The Image API's request vocabulary, read back from manifests: a region or rotation written in an
 * ImageApiSelector, or baked into an image request URL (`{base}/{region}/{size}/{rotation}/{quality}.{format}`).
 * Both spellings of a crop must show the same picture, so both are parsed here, once. Pure, unit-tested.
 */

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect extends Size {
  readonly x: number;
  readonly y: number;
}

export interface Rotation {
  /** Clockwise, in degrees, 0 ≤ degrees < 360. */
  readonly degrees: number;
  /** `!` prefix: mirrored (left–right) before rotating. */
  readonly mirror: boolean;
}

export const NO_ROTATION: Rotation = { degrees: 0, mirror: false };

/**
 * A region parameter in pixels of the full image, or null for the whole image. `pct:` and `square` need the
 * image's size; without it they read as the whole image. Malformed values also read as the whole image,
 * because showing too much beats showing nothing.
 */
export function parseRegion(region: string | undefined | null, full: Size | null): Rect | null {
  const text = (region ?? 'full').trim();
  if (text === 'full' || text === '') return null;
  if (text === 'square') {
    if (!full) return null;
    const side = Math.min(full.width, full.height);
    return {
      x: Math.floor((full.width - side) / 2),
      y: Math.floor((full.height - side) / 2),
      width: side,
      height: side,
    };
  }
  const pct = text.startsWith('pct:');
  const numbers = (pct ? text.slice(4) : text).split(',').map((n) => Number(n));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n) || n < 0)) return null;
  let [x, y, width, height] = numbers as [number, number, number, number];
  if (pct) {
    if (!full) return null;
    x = (x / 100) * full.width;
    y = (y / 100) * full.height;
    width = (width / 100) * full.width;
    height = (height / 100) * full.height;
  }
  if (full) {
    // The Image API crops a region that runs past the edge to the image.
    width = Math.min(width, full.width - x);
    height = Math.min(height, full.height - y);
  }
  if (width <= 0 || height <= 0) return null;
  return { x, y, width, height };
}

export function formatRegion(rect: Rect): string {
  return [rect.x, rect.y, rect.width, rect.height].map((n) => String(Math.round(n))).join(',');
}

/** `90`, `!180`, `22.5` → clockwise degrees in [0, 360) and the mirror flag; anything else is no rotation. */
export function parseRotation(value: string | number | undefined | null): Rotation {
  if (value === undefined || value === null) return NO_ROTATION;
  const text = String(value).trim();
  const mirror = text.startsWith('!');
  const degrees = Number(mirror ? text.slice(1) : text);
  if (!Number.isFinite(degrees)) return NO_ROTATION;
  return { degrees: ((degrees % 360) + 360) % 360, mirror };
}

export function formatRotation(rotation: Rotation): string {
  return `${rotation.mirror ? '!' : ''}${rotation.degrees}`;
}

export interface ImageRequest {
  /** The image service's base URI. */
  readonly base: string;
  readonly region: string;
  readonly size: string;
  readonly rotation: string;
  readonly quality: string;
  readonly format: string;
}

const REQUEST =
  /^(https?:\/\/.+?)\/(full|square|\d+(?:\.\d+)?,\d+(?:\.\d+)?,\d+(?:\.\d+)?,\d+(?:\.\d+)?|pct:[\d.]+,[\d.]+,[\d.]+,[\d.]+)\/([^/]+)\/(!?\d+(?:\.\d+)?)\/(default|native|color|colour|gray|grey|bitonal)\.([a-z0-9]+)$/i;

/** The parts of an Image API request URL, or null when the URL is not one (e.g. a plain JPEG on a web site). */
export function parseImageRequest(url: string): ImageRequest | null {
  const match = REQUEST.exec(url.replace(/[?#].*$/, ''));
  if (!match) return null;
  const [, base, region, size, rotation, quality, format] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { base, region, size, rotation, quality, format };
}

/** The size of a region once rotated: a quarter turn swaps width and height (other angles: the bounding box). */
export function rotatedSize(size: Size, degrees: number): Size {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  if (degrees % 90 === 0) {
    return degrees % 180 === 0 ? size : { width: size.height, height: size.width };
  }
  return {
    width: size.width * cos + size.height * sin,
    height: size.width * sin + size.height * cos,
  };
}
