/**
 * The spatial dimension of W3C Media Fragments (`xywh=`), as IIIF uses it: after `#` in a canvas URI
 * (`…/canvas/1#xywh=100,100,500,400`), or as the value of a FragmentSelector. Units are `pixel:` (the default)
 * or `percent:` of the canvas. One reader serves annotation targets (where an image is painted) and content
 * states (which part of a canvas a link means), so both read the same syntax the same way. Pure.
 */
import type { Rect, Size } from '../image-api/image-selectors';

/** A region as written: in canvas pixels, or in percent of the canvas's width and height. */
export interface XywhRegion {
  readonly unit: 'pixel' | 'percent';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type XywhReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'region'; readonly region: XywhRegion }
  | { readonly kind: 'invalid'; readonly reason: string };

const NUMBER = /^\d+(?:\.\d+)?$|^\.\d+$/;

/**
 * Reads the `xywh=` part of a fragment: `xywh=…`, `t=1,2&xywh=…`, or a whole URI with `#…`. No `xywh` at all
 * is 'none'; an `xywh` that is not four non-negative numbers with a positive width and height is 'invalid',
 * with the reason, because a region the sender meant must never silently become the whole canvas.
 */
export function readXywh(text: string): XywhReading {
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  const part = fragment
    .split('&')
    .map((p) => p.trim())
    .find((p) => p.startsWith('xywh='));
  if (part === undefined) return { kind: 'none' };
  let value = part.slice('xywh='.length);
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep it as written: the checks below reject what is malformed
  }
  let unit: XywhRegion['unit'] = 'pixel';
  const prefix = /^(pixel|percent):/.exec(value);
  if (prefix) {
    unit = prefix[1] as XywhRegion['unit'];
    value = value.slice(prefix[0].length);
  }
  const parts = value.split(',');
  if (parts.length !== 4 || parts.some((p) => !NUMBER.test(p.trim()))) {
    return { kind: 'invalid', reason: `"xywh=${value}" is not four numbers x,y,width,height.` };
  }
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  if (width <= 0 || height <= 0) {
    return { kind: 'invalid', reason: `The region "xywh=${value}" has no area (its width or height is 0).` };
  }
  return { kind: 'region', region: { unit, x, y, width, height } };
}

/** The region in canvas pixels (percent resolved against the canvas size); not clipped. */
export function xywhToPixels(region: XywhRegion, canvas: Size): Rect {
  if (region.unit === 'pixel')
    return { x: region.x, y: region.y, width: region.width, height: region.height };
  return {
    x: (region.x / 100) * canvas.width,
    y: (region.y / 100) * canvas.height,
    width: (region.width / 100) * canvas.width,
    height: (region.height / 100) * canvas.height,
  };
}
