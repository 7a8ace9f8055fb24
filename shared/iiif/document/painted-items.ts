/**
 * What a canvas paints, read from its JSON: one item per painting annotation body, each placed at its target,
 * each with one layer (or several for a Choice: visible light, infrared, X-ray…). A layer knows where its pixels
 * come from (an image service or a plain image), which part of the image is shown (region) and how it is turned
 * (rotation), however the manifest spells that: an ImageApiSelector on a SpecificResource, or the region and
 * rotation baked into an image request URL. The viewer draws from this; the composition tools edit through it.
 * Pure functions over the canvas JSON, unit-tested without a viewer.
 */
import { asArray, idOf } from '../fields';
import { displayStringOf } from '../language';
import { isJsonArray, isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../json';
import {
  parseImageRequest,
  parseRotation,
  type Rect,
  type Rotation,
  type Size,
} from '../image-api/image-selectors';
import { readXywh, xywhToPixels } from './xywh-fragment';

export type ImageResource =
  | { readonly kind: 'service'; readonly serviceId: string; readonly infoUrl: string }
  | { readonly kind: 'image'; readonly url: string };

/** How a crop or rotation is written in the document. */
export type CropEncoding = 'none' | 'selector' | 'url';

export interface PaintedLayer {
  readonly label: string;
  readonly resource: ImageResource;
  /** width/height the (source) Image declares, when it does. For level 0 this is often a smaller size. */
  readonly declared: Size | null;
  /** Image API region parameter, in pixels of the full image of the service ('full' when not cropped). */
  readonly region: string;
  readonly rotation: Rotation;
  /** The server already applied region and rotation: the pixels we load are the crop, already turned. */
  readonly baked: boolean;
  readonly encoding: CropEncoding;
  /** Base URI of the image service the region refers to, when there is one (needed to crop again). */
  readonly serviceId: string | null;
  /** The layer's body, and its path from the annotation (['body'], ['body', 2], ['body', 'items', 1]). */
  readonly body: JsonObject;
  readonly bodyPath: JsonPath;
}

export interface PaintedItem {
  /** Stable across edits of placement, crop and rotation: the annotation id (or position) and body index. */
  readonly key: string;
  readonly annotationId: string | null;
  readonly pageIndex: number;
  readonly itemIndex: number;
  /** Where on the canvas, in canvas pixels. */
  readonly target: Rect;
  /** The target has no fragment: the whole canvas. */
  readonly wholeCanvas: boolean;
  readonly choice: boolean;
  readonly layers: readonly PaintedLayer[];
  readonly label: string;
}

/** The base URI of the first image service on a resource (v1–v3 shapes, `service` as object or array). */
export function imageServiceId(resource: JsonObject): string | null {
  for (const service of asArray(resource['service'])) {
    if (!isJsonObject(service)) continue;
    const type = String(service['type'] ?? service['@type'] ?? '');
    const profile = JSON.stringify(service['profile'] ?? '');
    if (/ImageService/.test(type) || /iiif\.io\/api\/image|image-api|level[012]/.test(profile)) {
      const id = idOf(service);
      if (id) return id.replace(/\/info\.json$/, '').replace(/\/+$/, '');
    }
  }
  return null;
}

export function canvasSize(canvas: JsonObject): Size {
  const width = canvas['width'];
  const height = canvas['height'];
  return {
    width: typeof width === 'number' && width > 0 ? width : 1000,
    height: typeof height === 'number' && height > 0 ? height : 1000,
  };
}

/** Parses `#xywh=x,y,w,h` (pixels) from a target URL; null when absent or malformed. */
export function parseXywh(target: string): Rect | null {
  if (!target.includes('#')) return null;
  const reading = readXywh(target);
  return reading.kind === 'region' && reading.region.unit === 'pixel'
    ? xywhToPixels(reading.region, { width: 0, height: 0 })
    : null;
}

/** `xywh=percent:…` in a fragment or a FragmentSelector value, relative to the canvas. */
function parsePercentXywh(value: string, canvas: Size): Rect | null {
  const reading = readXywh(value);
  return reading.kind === 'region' && reading.region.unit === 'percent'
    ? xywhToPixels(reading.region, canvas)
    : null;
}

/** The target's area on the canvas: a URL with a fragment, or a SpecificResource with a FragmentSelector. */
export function targetArea(target: JsonValue | undefined, canvas: Size): { rect: Rect; whole: boolean } {
  const candidates: string[] = [];
  const first = asArray(target)[0];
  if (typeof first === 'string') candidates.push(first);
  else if (isJsonObject(first)) {
    for (const selector of asArray(first['selector'])) {
      if (isJsonObject(selector) && typeof selector['value'] === 'string')
        candidates.push(`#${selector['value']}`);
    }
    const id = idOf(first) ?? idOf(first['source']);
    if (id) candidates.push(id);
  }
  for (const text of candidates) {
    const rect = parseXywh(text) ?? parsePercentXywh(text, canvas);
    if (rect) return { rect, whole: false };
  }
  return { rect: { x: 0, y: 0, width: canvas.width, height: canvas.height }, whole: true };
}

function declaredSize(resource: JsonObject): Size | null {
  const width = resource['width'];
  const height = resource['height'];
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
    ? { width, height }
    : null;
}

/** One layer from an Image or a SpecificResource; null for bodies that are not images (text, audio…). */
export function readLayer(body: JsonValue | undefined, bodyPath: JsonPath): PaintedLayer | null {
  if (!isJsonObject(body)) return null;
  if (body['type'] === 'SpecificResource') {
    const source = body['source'];
    const image: JsonObject | null = isJsonObject(source)
      ? source
      : typeof source === 'string'
        ? { id: source, type: 'Image' }
        : null;
    if (!image) return null;
    const inner = readLayer(image, [...bodyPath, 'source']);
    if (!inner) return null;
    const selector = asArray(body['selector']).find(
      (s) => isJsonObject(s) && s['type'] === 'ImageApiSelector',
    ) as JsonObject | undefined;
    const region = typeof selector?.['region'] === 'string' ? selector['region'] : inner.region;
    const rotation =
      selector?.['rotation'] !== undefined ? parseRotation(String(selector['rotation'])) : inner.rotation;
    const cropped = region !== 'full' || rotation.degrees !== 0 || rotation.mirror;
    return {
      ...inner,
      label: displayStringOf(body['label']) || inner.label,
      region,
      rotation,
      encoding: selector && cropped ? 'selector' : inner.encoding,
      body,
      bodyPath,
    };
  }
  const type = String(body['type'] ?? body['@type'] ?? '');
  if (type !== '' && !/image/i.test(type)) return null;
  const url = idOf(body);
  const service = imageServiceId(body);
  const request = url ? parseImageRequest(url) : null;
  const region = request?.region ?? 'full';
  const rotation = parseRotation(request?.rotation ?? '0');
  const cropped = region !== 'full' || rotation.degrees !== 0 || rotation.mirror;
  const resource: ImageResource | null = service
    ? { kind: 'service', serviceId: service, infoUrl: `${service}/info.json` }
    : url
      ? { kind: 'image', url }
      : null;
  if (!resource) return null;
  return {
    label: displayStringOf(body['label']),
    resource,
    declared: declaredSize(body),
    region,
    rotation,
    baked: !service && request !== null,
    encoding: cropped ? 'url' : 'none',
    serviceId: service ?? request?.base ?? null,
    body,
    bodyPath,
  };
}

export function paintingAnnotations(canvas: JsonObject): JsonObject[] {
  return paintingEntries(canvas).map((entry) => entry.annotation);
}

function paintingEntries(canvas: JsonObject) {
  const result: { annotation: JsonObject; pageIndex: number; itemIndex: number }[] = [];
  asArray(canvas['items']).forEach((page, pageIndex) => {
    if (!isJsonObject(page)) return;
    asArray(page['items']).forEach((annotation, itemIndex) => {
      if (isJsonObject(annotation) && asArray(annotation['motivation']).includes('painting'))
        result.push({ annotation, pageIndex, itemIndex });
    });
  });
  return result;
}

export function paintedItems(canvas: JsonObject): PaintedItem[] {
  const size = canvasSize(canvas);
  const items: PaintedItem[] = [];
  for (const { annotation, pageIndex, itemIndex } of paintingEntries(canvas)) {
    const annotationId = idOf(annotation);
    const { rect, whole } = targetArea(annotation['target'], size);
    const rawBody = annotation['body'];
    const bodies = isJsonArray(rawBody) ? rawBody : [rawBody];
    bodies.forEach((body, bodyIndex) => {
      const bodyPath: JsonPath = isJsonArray(rawBody) ? ['body', bodyIndex] : ['body'];
      const key = `${annotationId ?? `p${pageIndex}i${itemIndex}`}#${bodyIndex}`;
      const isChoice = isJsonObject(body) && body['type'] === 'Choice';
      const layers = isChoice
        ? asArray(body['items'])
            .map((option, i) => readLayer(option, [...bodyPath, 'items', i]))
            .filter((layer): layer is PaintedLayer => layer !== null)
        : [readLayer(body, bodyPath)].filter((layer): layer is PaintedLayer => layer !== null);
      if (layers.length === 0) return;
      items.push({
        key,
        annotationId,
        pageIndex,
        itemIndex,
        target: rect,
        wholeCanvas: whole,
        choice: isChoice,
        layers,
        label: displayStringOf(annotation['label']) || layers[0]?.label || '',
      });
    });
  }
  return items;
}
