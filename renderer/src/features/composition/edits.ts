/**
 * Composition edits as pure functions `(doc, …) → doc`, each one user gesture (one undo step when committed).
 *
 * A crop or turn can be written two valid Presentation 3 ways, and the user chooses:
 * - 'selector': the body becomes a SpecificResource whose `source` is the whole Image (with its service) and
 *   whose ImageApiSelector carries `region` and `rotation` (cookbook recipes 0299 and 0040). Deep zoom and
 *   level 0 services keep working, and nothing is lost: removing the selector gives the original body back.
 * - 'url': the body is an Image whose id is an Image API request for the region (and rotation), e.g.
 *   `…/100,50,600,450/max/90/default.jpg`. Any viewer shows it, but only a level 1/2 server can answer it, and
 *   the image service is left off the body on purpose: viewers that find a service deep-zoom the service's
 *   whole image and would ignore the region in the id.
 */
import {
  defaultQuality,
  mediaTypeOf,
  preferredFormat,
  type ImageServiceDescriptor,
} from '../../../../shared/iiif/image-api/descriptor';
import { paintingBodyFor } from '../../../../shared/iiif/image-api';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import {
  getIn,
  isJsonArray,
  isJsonObject,
  setIn,
  updateIn,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from '../../../../shared/iiif/json';
import {
  formatRegion,
  formatRotation,
  parseImageRequest,
  parseRotation,
  type Rect,
  type Size,
} from '../../../../shared/iiif/image-api/image-selectors';
import {
  canvasSize,
  type CropEncoding,
  type PaintedItem,
} from '../../../../shared/iiif/document/painted-items';
import { asArray, idOf } from '../../../../shared/iiif/fields';
import { clampToCanvas, fitInside } from './geometry';

/** Which painting annotation (and which of its bodies) an edit is about. */
export interface PaintingRef {
  readonly canvasIndex: number;
  readonly pageIndex: number;
  readonly itemIndex: number;
  /** The layer's body, relative to the annotation: ['body'], ['body', 1], ['body', 'items', 0]. */
  readonly bodyPath: JsonPath;
}

export function refOf(canvasIndex: number, item: PaintedItem, layerIndex = 0): PaintingRef {
  const layer = item.layers[layerIndex] ?? item.layers[0];
  return {
    canvasIndex,
    pageIndex: item.pageIndex,
    itemIndex: item.itemIndex,
    bodyPath: layer?.bodyPath ?? ['body'],
  };
}

function annotationPath(ref: Pick<PaintingRef, 'canvasIndex' | 'pageIndex' | 'itemIndex'>): JsonPath {
  return ['items', ref.canvasIndex, 'items', ref.pageIndex, 'items', ref.itemIndex];
}

function canvasAt(doc: JsonObject, canvasIndex: number): JsonObject {
  const canvas = getIn(doc, ['items', canvasIndex]);
  if (!isJsonObject(canvas)) throw new Error(`There is no canvas ${canvasIndex + 1}.`);
  return canvas;
}

function xywh(rect: Rect): string {
  return `xywh=${rect.x},${rect.y},${rect.width},${rect.height}`;
}

/**
 * Moves/resizes the annotation's target to `rect` (canvas pixels, clamped to the canvas, whole numbers),
 * keeping the target's shape: a URL gets a new `#xywh=` fragment, a SpecificResource its FragmentSelector.
 */
export function setTarget(doc: JsonObject, ref: PaintingRef, rect: Rect): JsonObject {
  const canvas = canvasAt(doc, ref.canvasIndex);
  const canvasId = idOf(canvas) ?? '';
  const area = clampToCanvas(rect, canvasSize(canvas));
  return updateIn(doc, [...annotationPath(ref), 'target'], (target) => {
    if (isJsonObject(target) && target['type'] === 'SpecificResource') {
      const selector: JsonObject = {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: xywh(area),
      };
      return { ...target, selector };
    }
    const base = typeof target === 'string' ? target.replace(/#.*$/, '') : (idOf(target) ?? canvasId);
    return `${base.replace(/#.*$/, '')}#${xywh(area)}`;
  }) as JsonObject;
}

export interface CropChange {
  /** In pixels of the full image; null: the whole image. */
  readonly region: Rect | null;
  /** Clockwise quarter turns, in degrees (0, 90, 180, 270). */
  readonly rotation: number;
  /** Mirrored left–right before the turn (`!n`): kept through turns and crops, never dropped. */
  readonly mirror: boolean;
}

/** The change leaves the whole image as it is: no crop, no turn, no mirror. */
function isWhole(change: CropChange): boolean {
  return !change.region && change.rotation === 0 && !change.mirror;
}

/** Whether the 'url' spelling can express this change on this service. */
export function urlEncodingAllowed(
  desc: ImageServiceDescriptor | null,
  rotation: number,
  mirror: boolean,
): boolean {
  if (!desc || desc.level < 1) return false; // level 0 serves only declared tiles and sizes
  // No compliance level includes mirroring: a service must declare it.
  if (mirror && !desc.features.includes('mirroring')) return false;
  if (rotation === 0) return true;
  return desc.level >= 2 || desc.features.includes('rotationBy90s');
}

/**
 * Rewrites the layer's body to show `change`, spelt as `encoding`. `desc` is the image's service: needed for
 * the 'url' spelling, and to rebuild the whole Image when the current body is a region URL.
 */
export function setCrop(
  doc: JsonObject,
  ref: PaintingRef,
  change: CropChange,
  encoding: Exclude<CropEncoding, 'none'>,
  desc: ImageServiceDescriptor | null,
): JsonObject {
  const path = [...annotationPath(ref), ...ref.bodyPath];
  const body = getIn(doc, path);
  if (!isJsonObject(body)) throw new Error('This annotation has no image body to crop.');
  const whole = wholeImage(body, desc);
  const next =
    encoding === 'url'
      ? urlBody(whole, change, desc)
      : selectorBody(doc, body, whole, change, idOf(getIn(doc, annotationPath(ref))));
  return setIn(doc, path, next) as JsonObject;
}

/** The uncropped Image a body shows part of. */
function wholeImage(body: JsonObject, desc: ImageServiceDescriptor | null): JsonObject {
  const source = body['type'] === 'SpecificResource' ? body['source'] : body;
  const image = isJsonObject(source) ? source : { id: String(source ?? ''), type: 'Image' };
  const hasService = asArray(image['service']).length > 0;
  const request = parseImageRequest(idOf(image) ?? '');
  const rotation = parseRotation(request?.rotation ?? '0');
  const changedInUrl =
    request !== null && (request.region !== 'full' || rotation.degrees !== 0 || rotation.mirror);
  if (hasService && !changedInUrl) return image;
  if (!desc) {
    if (!hasService) throw new Error('The whole image is unknown: its image service could not be read.');
    return image;
  }
  const rebuilt = paintingBodyFor(desc);
  return image['label'] !== undefined ? { ...rebuilt, label: image['label'] } : rebuilt;
}

function selectorBody(
  doc: JsonObject,
  body: JsonObject,
  whole: JsonObject,
  change: CropChange,
  annotationId: string | null,
): JsonObject {
  if (isWhole(change)) {
    // Nothing left to select: the plain Image again (with a SpecificResource's label, if it had one).
    const label = body['type'] === 'SpecificResource' ? body['label'] : undefined;
    return label !== undefined && whole['label'] === undefined ? { ...whole, label } : whole;
  }
  const selector: Record<string, JsonValue> = { type: 'ImageApiSelector' };
  if (change.region) selector['region'] = formatRegion(change.region);
  if (change.rotation !== 0 || change.mirror)
    selector['rotation'] = formatRotation({ degrees: change.rotation, mirror: change.mirror });
  if (body['type'] === 'SpecificResource') {
    // Keep every other selector the publisher wrote; replace only the Image API one.
    const others = asArray(body['selector']).filter(
      (s) => !(isJsonObject(s) && s['type'] === 'ImageApiSelector'),
    );
    return { ...body, source: whole, selector: others.length > 0 ? [...others, selector] : selector };
  }
  const mint = idMinterFor(doc);
  return {
    id: mint('body', annotationId ?? undefined),
    type: 'SpecificResource',
    source: whole,
    selector,
  };
}

function urlBody(whole: JsonObject, change: CropChange, desc: ImageServiceDescriptor | null): JsonObject {
  if (!desc || !urlEncodingAllowed(desc, change.rotation, change.mirror)) {
    throw new Error(
      desc && desc.level < 1
        ? 'This image comes from a level 0 (static) service: it cannot cut regions, so the crop must be a selector.'
        : change.mirror && !desc?.features.includes('mirroring')
          ? 'This image service cannot mirror images: the rotation must be a selector.'
          : 'This image service cannot turn images: the rotation must be a selector.',
    );
  }
  if (isWhole(change)) return whole;
  const region = change.region ?? { x: 0, y: 0, width: desc.width, height: desc.height };
  const size = deliveredSize(desc, region);
  const turned = change.rotation % 180 !== 0;
  const format = preferredFormat(desc);
  const regionParam = change.region ? formatRegion(region) : 'full';
  const sizeParam = desc.version === 3 ? 'max' : 'full';
  const rotationParam = formatRotation({ degrees: change.rotation, mirror: change.mirror });
  const url = `${desc.id}/${regionParam}/${sizeParam}/${rotationParam}/${defaultQuality(desc.version)}.${format}`;
  const image: Record<string, JsonValue> = {
    id: url,
    type: 'Image',
    format: mediaTypeOf(format),
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
  };
  if (whole['label'] !== undefined) image['label'] = whole['label'];
  return image;
}

/** What `max` delivers for a region: the region itself, scaled down to the service's size limits. */
function deliveredSize(desc: ImageServiceDescriptor, region: Rect): Size {
  const limits = [1];
  if (desc.maxWidth) limits.push(desc.maxWidth / region.width);
  const maxHeight = desc.maxHeight ?? desc.maxWidth;
  if (maxHeight) limits.push(maxHeight / region.height);
  if (desc.maxArea) limits.push(Math.sqrt(desc.maxArea / (region.width * region.height)));
  const scale = Math.min(...limits);
  return {
    width: Math.max(1, Math.floor(region.width * scale)),
    height: Math.max(1, Math.floor(region.height * scale)),
  };
}

/**
 * Places the first image painted on canvas `fromIndex` on canvas `toIndex`, as a new painting annotation on
 * top of the others, as large as fits and centred. The body is shared as is (documents are immutable, so
 * sharing is safe), except that a SpecificResource gets its own id.
 */
export function placeImageFromCanvas(
  doc: JsonObject,
  toIndex: number,
  fromIndex: number,
  source: PaintedItem,
): JsonObject {
  const target = canvasAt(doc, toIndex);
  const from = canvasAt(doc, fromIndex);
  const annotation = getIn(from, ['items', source.pageIndex, 'items', source.itemIndex]);
  if (!isJsonObject(annotation)) throw new Error(`Canvas ${fromIndex + 1} paints no image.`);
  const mint = idMinterFor(doc);
  const canvasId = idOf(target) ?? '';
  const pages = asArray(target['items']);
  const pageIndex = pages.findIndex((page) => isJsonObject(page) && page['type'] === 'AnnotationPage');
  const pageId = pageIndex >= 0 ? (idOf(pages[pageIndex]) ?? mint('page', canvasId)) : mint('page', canvasId);
  let body = annotation['body'] as JsonValue;
  if (isJsonObject(body) && body['type'] === 'SpecificResource' && idOf(body)) {
    body = { ...body, id: mint('body', pageId) };
  }
  const area = clampToCanvas(
    fitInside(source.target.width / source.target.height, canvasSize(target)),
    canvasSize(target),
  );
  const placed: JsonObject = {
    id: mint('annotation', pageId),
    type: 'Annotation',
    motivation: 'painting',
    body: body ?? null,
    target: `${canvasId}#${xywh(area)}`,
  };
  if (pageIndex >= 0) {
    return updateIn(doc, ['items', toIndex, 'items', pageIndex, 'items'], (items) => [
      ...(isJsonArray(items) ? items : []),
      placed,
    ]) as JsonObject;
  }
  const page: JsonObject = { id: pageId, type: 'AnnotationPage', items: [placed] };
  return updateIn(doc, ['items', toIndex, 'items'], (items) => [
    page,
    ...(isJsonArray(items) ? items : []),
  ]) as JsonObject;
}

/** Takes a painting annotation off its canvas. */
export function removePainting(
  doc: JsonObject,
  ref: Pick<PaintingRef, 'canvasIndex' | 'pageIndex' | 'itemIndex'>,
): JsonObject {
  return updateIn(doc, ['items', ref.canvasIndex, 'items', ref.pageIndex, 'items'], (items) =>
    isJsonArray(items) ? items.filter((_, index) => index !== ref.itemIndex) : items,
  ) as JsonObject;
}

/** Moves a painting annotation one step up (painted later, on top) or down within its page. */
export function restack(
  doc: JsonObject,
  ref: Pick<PaintingRef, 'canvasIndex' | 'pageIndex' | 'itemIndex'>,
  direction: 1 | -1,
): JsonObject {
  return updateIn(doc, ['items', ref.canvasIndex, 'items', ref.pageIndex, 'items'], (items) => {
    if (!isJsonArray(items)) return items;
    const to = ref.itemIndex + direction;
    if (to < 0 || to >= items.length) return items;
    const copy = items.slice();
    [copy[ref.itemIndex], copy[to]] = [copy[to] as JsonValue, copy[ref.itemIndex] as JsonValue];
    return copy;
  }) as JsonObject;
}
