/**
 * A canvas that shows one region of another: what a content state naming `canvas#xywh=…` asks for. The new
 * canvas is the region's size, in the source canvas's coordinate space (so one canvas pixel stays one canvas
 * pixel), and each image painted on the source is kept as far as it falls inside the region: cut with the
 * crop spelling the composition tools use and the viewer reads (shared/iiif/document/painted-items.ts):
 *   - an Image (or a SpecificResource with an ImageApiSelector) gets an ImageApiSelector `region` in pixels of
 *     the full image (cookbook 0299), so deep zoom and level 0 services keep working;
 *   - an Image whose id is an Image API request with the region in the URL keeps that spelling, with the
 *     narrower region written into the URL (the server already answers region requests);
 * and its target moves to where the cut part lies relative to the region. Pure.
 *
 * Rotated or mirrored images are refused rather than guessed at: the region would have to be turned back
 * into the image's own axes, which the composition tools can do on the canvas afterwards.
 */
import { regionUrl } from '../image-api/image-urls';
import {
  formatRegion,
  parseImageRequest,
  parseRegion,
  type Rect,
  type Size,
} from '../image-api/image-selectors';
import { parseInfoJson } from '../image-api/parse-info-json';
import { mediaTypeOf, preferredFormat } from '../image-api/descriptor';
import { readLayer, targetArea, type PaintedLayer } from '../document/painted-items';
import { xywhToPixels, type XywhRegion } from '../document/xywh-fragment';
import type { MintId } from '../document/mint-ids';
import { isJsonArray, isJsonObject, own, type JsonObject, type JsonPath, type JsonValue } from '../json';
import { THUMBNAIL_WIDTH } from './image-canvas';

/** What a region cut needs besides the canvas: the region, and the full sizes of the painted images. */
export interface RegionCut {
  /** Canvas pixels, inside the canvas (see clipRegionToCanvas). */
  readonly area: Rect;
  /**
   * Full image size per image service id, from its info.json. A selector's region is in pixels of the full
   * image, and a level 0 image often declares a smaller delivered size in the manifest; without an entry
   * (an image without a service) the Image's declared size is used, else its target's.
   */
  readonly imageSizes: Readonly<Record<string, Size>>;
}

export type RegionCanvasResult =
  { readonly ok: true; readonly canvas: JsonObject } | { readonly ok: false; readonly reason: string };

function list(value: JsonValue | undefined): readonly JsonValue[] {
  if (value === undefined || value === null) return [];
  return isJsonArray(value) ? value : [value];
}

/** The canvas's own width and height, or null: a region of a canvas of unknown size means nothing. */
export function declaredCanvasSize(canvas: JsonObject): Size | null {
  const { width, height } = canvas;
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
    ? { width, height }
    : null;
}

/**
 * The region in whole canvas pixels, clipped to the canvas (a viewer may send a box that runs past the
 * edge); null when nothing of it is on the canvas. Edges are rounded, not the size, so that a percent region
 * and its pixel equivalent give the same rectangle.
 */
export function clipRegionToCanvas(region: XywhRegion, canvas: Size): Rect | null {
  const px = xywhToPixels(region, canvas);
  const left = Math.max(0, Math.round(px.x));
  const top = Math.max(0, Math.round(px.y));
  const right = Math.min(canvas.width, Math.round(px.x + px.width));
  const bottom = Math.min(canvas.height, Math.round(px.y + px.height));
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** Rounds a rectangle's edges (not its size) to whole pixels, keeping at least one pixel each way. */
function wholePixels(rect: Rect): Rect {
  const x = Math.round(rect.x);
  const y = Math.round(rect.y);
  return {
    x,
    y,
    width: Math.max(1, Math.round(rect.x + rect.width) - x),
    height: Math.max(1, Math.round(rect.y + rect.height) - y),
  };
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** The Image a layer's body shows part of (a SpecificResource's source, or the body itself). */
function imageOf(body: JsonObject): JsonObject | null {
  if (body['type'] !== 'SpecificResource') return body;
  const source = body['source'];
  return isJsonObject(source) ? source : null;
}

/** What one image layer shows now, in pixels of its full image, and where on the canvas it shows it. */
interface LayerGeometry {
  /** The part of the full image shown now. */
  readonly shown: Rect;
  /** The full image's size, when known (the size the region is measured in). */
  readonly full: Size | null;
  /** Where that part appears on the canvas: contained in the target and centred, as viewers draw it. */
  readonly onCanvas: Rect;
}

function geometryOf(
  layer: PaintedLayer,
  target: Rect,
  imageSizes: RegionCut['imageSizes'],
): LayerGeometry | string {
  if (layer.rotation.degrees !== 0 || layer.rotation.mirror) {
    return 'An image on the canvas is turned or mirrored: add the whole canvas and crop it in the composition view.';
  }
  // A region baked into a request URL is measured in the server's full image, whose size the URL does not
  // say; the declared width and height are then the delivered crop's. Pixel regions need no full size.
  const measured = layer.serviceId ? own(imageSizes, layer.serviceId) : undefined;
  const full =
    layer.encoding === 'url'
      ? null
      : (measured ?? layer.declared ?? { width: target.width, height: target.height });
  const shown = parseRegion(layer.region, full) ?? (full ? { x: 0, y: 0, ...full } : null);
  if (!shown) return 'An image on the canvas names its region in a form that cannot be cut further.';
  const scale = Math.min(target.width / shown.width, target.height / shown.height);
  const width = shown.width * scale;
  const height = shown.height * scale;
  return {
    shown,
    full,
    onCanvas: {
      x: target.x + (target.width - width) / 2,
      y: target.y + (target.height - height) / 2,
      width,
      height,
    },
  };
}

/** The part of the full image under `area` (canvas pixels, inside geometry.onCanvas), in whole pixels. */
function imageRegionUnder(area: Rect, geometry: LayerGeometry): Rect {
  const { shown, onCanvas } = geometry;
  const scale = shown.width / onCanvas.width;
  const rect = wholePixels({
    x: shown.x + (area.x - onCanvas.x) * scale,
    y: shown.y + (area.y - onCanvas.y) * scale,
    width: area.width * scale,
    height: area.height * scale,
  });
  // Rounding must not reach past what was shown before.
  const clipped = intersect(rect, shown);
  return clipped ? wholePixels(clipped) : rect;
}

/** The layer's body, cut to `region` (full-image pixels) in the spelling it already uses. */
function cutBody(
  layer: PaintedLayer,
  geometry: LayerGeometry,
  region: Rect,
  bodyId: () => string,
): JsonObject | string {
  const body = layer.body;
  const whole = geometry.full ? { x: 0, y: 0, ...geometry.full } : null;
  if (layer.encoding === 'none' && whole && sameRect(region, whole)) return body;
  if (layer.encoding === 'url') {
    const image = imageOf(body);
    const url = image && typeof image['id'] === 'string' ? image['id'] : '';
    const request = parseImageRequest(url);
    if (!image || !request) return 'An image on the canvas has a region in a URL that cannot be read.';
    const size = /^\^?(?:full|max)$/.test(request.size) ? request.size : 'max';
    const cutUrl = `${request.base}/${formatRegion(region)}/${size}/${request.rotation}/${request.quality}.${request.format}`;
    const cut: JsonObject = { ...image, id: cutUrl, width: region.width, height: region.height };
    return body['type'] === 'SpecificResource' ? { ...body, source: cut } : cut;
  }
  const selector: JsonObject = { type: 'ImageApiSelector', region: formatRegion(region) };
  if (body['type'] === 'SpecificResource') {
    // Keep every other selector the publisher wrote; replace only the Image API one (as composition does).
    const others = list(body['selector']).filter(
      (s) => !(isJsonObject(s) && s['type'] === 'ImageApiSelector'),
    );
    return { ...body, selector: others.length > 0 ? [...others, selector] : selector };
  }
  return { id: bodyId(), type: 'SpecificResource', source: body, selector };
}

/** The layers of one body: a Choice's options, or the body itself; null when a body is not an image. */
function layersOf(body: JsonValue, bodyPath: JsonPath): PaintedLayer[] | null {
  if (isJsonObject(body) && body['type'] === 'Choice') {
    const options = list(body['items']).map((option, i) => readLayer(option, [...bodyPath, 'items', i]));
    return options.every((layer) => layer !== null) && options.length > 0
      ? (options as PaintedLayer[])
      : null;
  }
  const layer = readLayer(body, bodyPath);
  return layer ? [layer] : null;
}

/**
 * A painting annotation cut to the region, null when none of it shows there, or why it cannot be cut. Each
 * layer (a body, or one option of a Choice) that lies wholly outside the region is left out on its own; the
 * annotation keeps the layers that show there, and is dropped only when none does.
 */
function cutAnnotation(
  annotation: JsonObject,
  canvasSize: Size,
  cut: RegionCut,
  canvasId: string,
  bodyId: () => string,
): JsonObject | null | string {
  const region = cut.area;
  const target = targetArea(annotation['target'], canvasSize).rect;
  const rawBody = annotation['body'];
  const bodies = isJsonArray(rawBody) ? rawBody : [rawBody];
  const keptBodies: JsonValue[] = [];
  let newTarget: Rect | null = null;
  for (const [index, body] of bodies.entries()) {
    const bodyPath: JsonPath = isJsonArray(rawBody) ? ['body', index] : ['body'];
    const layers = body === undefined ? null : layersOf(body, bodyPath);
    if (!layers) return 'The canvas paints something other than images: a region of it cannot be cut.';
    const keptLayers: JsonObject[] = [];
    for (const layer of layers) {
      const geometry = geometryOf(layer, target, cut.imageSizes);
      if (typeof geometry === 'string') return geometry;
      const visible = intersect(region, geometry.onCanvas);
      if (!visible) continue;
      // The annotation has one target: the first layer that shows decides it (a Choice's options share
      // their place).
      newTarget ??= wholePixels({ ...visible, x: visible.x - region.x, y: visible.y - region.y });
      const cutLayer = cutBody(layer, geometry, imageRegionUnder(visible, geometry), bodyId);
      if (typeof cutLayer === 'string') return cutLayer;
      keptLayers.push(cutLayer);
    }
    const [first] = keptLayers;
    if (!first) continue;
    // A Choice left with one option stays a Choice of one: Presentation 3 and its schema set no least
    // number of items, painted-items reads it as one item with one layer like any Choice, and the Choice's
    // own properties (label, ids a publisher gave it) and the shape of the body are kept rather than guessed
    // away. layersOf gives a Choice's layers in the order of its items, all of them images.
    keptBodies.push(isJsonObject(body) && body['type'] === 'Choice' ? { ...body, items: keptLayers } : first);
  }
  const [firstBody] = keptBodies;
  if (!newTarget || firstBody === undefined) return null;
  const whole = sameRect(newTarget, { x: 0, y: 0, width: region.width, height: region.height });
  const fragment = `xywh=${newTarget.x},${newTarget.y},${newTarget.width},${newTarget.height}`;
  const oldTarget = list(annotation['target'])[0];
  let targetValue: JsonValue = whole ? canvasId : `${canvasId}#${fragment}`;
  if (isJsonObject(oldTarget) && oldTarget['type'] === 'SpecificResource') {
    // Keep the target's shape, as composition's setTarget does: a SpecificResource keeps a FragmentSelector.
    const { selector: _dropped, ...rest } = oldTarget;
    const source = isJsonObject(rest['source']) ? { ...rest['source'], id: canvasId } : canvasId;
    targetValue = whole
      ? { ...rest, source }
      : {
          ...rest,
          source,
          selector: {
            type: 'FragmentSelector',
            conformsTo: 'http://www.w3.org/TR/media-frags/',
            value: fragment,
          },
        };
  }
  // An array of bodies stays an array (of those that show), as the publisher wrote it.
  return { ...annotation, body: isJsonArray(rawBody) ? keptBodies : firstBody, target: targetValue };
}

/**
 * A thumbnail of the region when the first image has a level 1/2 service that can cut it; null otherwise
 * (a level 0 server serves only whole images at declared sizes, and the source's thumbnail shows the whole
 * canvas, which would misrepresent the new one).
 */
function regionThumbnail(
  annotations: readonly JsonObject[],
  imageSizes: RegionCut['imageSizes'],
): JsonObject | null {
  const first = annotations[0];
  const layer = first ? layersOf(first['body'] ?? null, ['body'])?.[0] : undefined;
  if (!layer || layer.encoding === 'url') return null;
  const image = imageOf(layer.body);
  const service = image ? list(image['service']).find(isJsonObject) : undefined;
  const full = (layer.serviceId ? own(imageSizes, layer.serviceId) : undefined) ?? layer.declared;
  if (!image || !service || !full) return null;
  const parsed = parseInfoJson({ ...service, ...full });
  if (!parsed.ok || parsed.value.level < 1) return null;
  const region = parseRegion(layer.region, full) ?? { x: 0, y: 0, ...full };
  const width = Math.max(1, Math.min(THUMBNAIL_WIDTH, region.width));
  const height = Math.max(1, Math.round((region.height * width) / region.width));
  return {
    id: regionUrl(parsed.value, region, { width }),
    type: 'Image',
    format: mediaTypeOf(preferredFormat(parsed.value)),
    width,
    height,
  };
}

/**
 * `canvas` cut to `cut.area` (canvas pixels, inside the canvas: see clipRegionToCanvas). Ids stay as they are
 * except new SpecificResource bodies, which get ids from `mint` under their annotation; call it on a copy
 * that already has its own ids (copyCanvasFromSource), so the cut canvas keeps the copy's provenance.
 * Annotations that are not painting (comments, transcriptions) are left out: their targets are in the
 * source's coordinates and would point at the wrong places.
 */
export function cutCanvasToRegion(canvas: JsonObject, cut: RegionCut, mint: MintId): RegionCanvasResult {
  const size = declaredCanvasSize(canvas);
  if (!size)
    return { ok: false, reason: 'The canvas has no width and height, so a region of it means nothing.' };
  const canvasId = typeof canvas['id'] === 'string' ? canvas['id'] : '';
  const pages: JsonValue[] = [];
  const kept: JsonObject[] = [];
  for (const page of list(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    const items: JsonObject[] = [];
    for (const annotation of list(page['items'])) {
      if (!isJsonObject(annotation) || !list(annotation['motivation']).includes('painting')) continue;
      const annotationId = typeof annotation['id'] === 'string' ? annotation['id'] : undefined;
      const next = cutAnnotation(annotation, size, cut, canvasId, () => mint('body', annotationId));
      if (typeof next === 'string') return { ok: false, reason: next };
      if (next) items.push(next);
    }
    if (items.length > 0) pages.push({ ...page, items });
    kept.push(...items);
  }
  if (kept.length === 0) return { ok: false, reason: 'None of the canvas’s images lies inside the region.' };
  const { annotations: _annotations, thumbnail: _thumbnail, ...rest } = canvas;
  const thumbnail = regionThumbnail(kept, cut.imageSizes);
  return {
    ok: true,
    canvas: {
      ...rest,
      width: cut.area.width,
      height: cut.area.height,
      ...(thumbnail ? { thumbnail: [thumbnail] } : {}),
      items: pages,
    },
  };
}

/** Why `canvas` cannot be cut as asked, or null when it can: checked before anything is committed. */
export function regionCutProblem(canvas: JsonObject, cut: RegionCut): string | null {
  const result = cutCanvasToRegion(canvas, cut, (kind, parent) => `${parent ?? ''}/${kind}`);
  return result.ok ? null : result.reason;
}

/** The image services painted on a canvas, whose info.json gives the full sizes a cut is measured in. */
export function paintedServiceIds(canvas: JsonObject): string[] {
  const ids = new Set<string>();
  for (const page of list(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    for (const annotation of list(page['items'])) {
      if (!isJsonObject(annotation)) continue;
      const rawBody = annotation['body'];
      const bodies = isJsonArray(rawBody) ? rawBody : [rawBody];
      bodies.forEach((body, index) => {
        const bodyPath: JsonPath = isJsonArray(rawBody) ? ['body', index] : ['body'];
        for (const layer of body === undefined ? [] : (layersOf(body, bodyPath) ?? []))
          if (layer.resource.kind === 'service' && layer.serviceId) ids.add(layer.serviceId);
      });
    }
  }
  return [...ids];
}
