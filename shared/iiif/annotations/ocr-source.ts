/**
 * What offline OCR needs to know about a canvas before any pixel is fetched: which image it paints, which part
 * of that image, and where those pixels lie on the canvas (the frame), so that boxes found in image pixels can be
 * put back on the canvas. Pure: the renderer and the CLI both build OCR requests with it, and the main side
 * fetches and recognises what it describes.
 */
import type { Rect } from '../image-api/image-selectors';
import { isJsonArray, isJsonObject, type JsonValue } from '../json';
import { paintedItems } from '../document/painted-items';

export interface OcrSource {
  readonly canvasIndex: number;
  readonly canvasId: string;
  /** Where the pixels come from: an image service (by its info.json) or a plain image. */
  readonly image:
    { readonly kind: 'service'; readonly infoUrl: string } | { readonly kind: 'image'; readonly url: string };
  /** Image API region of the service's full image that the canvas shows ('full' for all of it). */
  readonly region: string;
  /** The canvas rectangle those pixels cover, in canvas pixels. */
  readonly frame: Rect;
  /** Only this part of the canvas is recognised (canvas pixels); absent for the whole image. */
  readonly area?: Rect;
}

export type OcrSourceResult =
  | { readonly ok: true; readonly source: OcrSource }
  | { readonly ok: false; readonly canvasIndex: number; readonly canvasId: string; readonly message: string };

function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The OCR source of canvas `canvasIndex`: its first painted image (the first layer of a Choice, which is what the
 * viewer shows first), optionally limited to `area`. A canvas without an image, a turned or mirrored image, or an
 * area beside the image is refused with a sentence for the curator.
 */
export function ocrSourceFor(doc: JsonValue, canvasIndex: number, area?: Rect): OcrSourceResult {
  const canvas = isJsonObject(doc) && isJsonArray(doc.items) ? doc.items[canvasIndex] : undefined;
  if (!isJsonObject(canvas))
    return { ok: false, canvasIndex, canvasId: '', message: `There is no canvas ${canvasIndex + 1}.` };
  const canvasId = typeof canvas.id === 'string' ? canvas.id : '';
  const refuse = (message: string): OcrSourceResult => ({ ok: false, canvasIndex, canvasId, message });
  if (canvasId === '') return refuse(`Canvas ${canvasIndex + 1} has no id to attach annotations to.`);
  const item = paintedItems(canvas)[0];
  const layer = item?.layers[0];
  if (!item || !layer) return refuse(`Canvas ${canvasIndex + 1} paints no image to recognise.`);
  if (layer.rotation.degrees !== 0 || layer.rotation.mirror)
    return refuse(
      `Canvas ${canvasIndex + 1} shows its image turned or mirrored, which OCR does not handle yet.`,
    );
  const image =
    layer.resource.kind === 'service'
      ? { kind: 'service' as const, infoUrl: layer.resource.infoUrl }
      : { kind: 'image' as const, url: layer.resource.url };
  // A URL with the crop baked in is already the region: its pixels are all that is shown.
  const region = layer.resource.kind === 'service' ? layer.region : 'full';
  const source: OcrSource = { canvasIndex, canvasId, image, region, frame: item.target };
  if (area === undefined) return { ok: true, source };
  const inside = intersect(area, item.target);
  if (!inside) return refuse(`The region chosen on canvas ${canvasIndex + 1} is outside its image.`);
  return { ok: true, source: { ...source, area: inside } };
}
