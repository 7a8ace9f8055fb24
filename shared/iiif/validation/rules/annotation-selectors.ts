/**
 * Where a non-painting annotation points, read as a shape (shared/iiif/annotations): selectors and fragments
 * that do not parse, and SpecificResource regions, points and outlines that fall outside the Canvas they are on.
 * Plain `canvas#xywh=` strings within bounds are checked by checkTarget already; this adds what it cannot read.
 */
import { parseTarget } from '../../annotations/target-shape';
import { boundsOf } from '../../annotations/svg-shape';
import { isJsonArray, isJsonObject, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { has, isPositiveInteger, isPositiveNumber } from '../values';
import { SPEC } from '../spec-links';
import type { CanvasExtent } from './annotation-rules';

const WEB_ANNOTATION_SELECTORS = 'https://www.w3.org/TR/annotation-model/#selectors';

export function checkTargetSelectors(
  node: JsonObject,
  site: Site,
  ctx: Checker,
  canvas?: CanvasExtent,
): void {
  const target = node.target;
  if (target === undefined) return;
  const list = isJsonArray(target) ? target : [target];
  list.forEach((entry, index) => {
    const where = isJsonArray(target) ? at(site, 'target', index) : at(site, 'target');
    const written =
      typeof entry === 'string' ? entry.includes('#') : isJsonObject(entry) && entry.selector !== undefined;
    if (!written) return;
    const { source, geometry } = parseTarget(entry);
    if (geometry.kind === 'invalid') {
      ctx.error(
        'selector-invalid',
        where,
        `The target's selector cannot be read: ${geometry.reason}`,
        WEB_ANNOTATION_SELECTORS,
      );
      return;
    }
    // String fragments in pixels are checked against the Canvas by checkTarget.
    if (typeof entry === 'string' && !(geometry.kind === 'box' && geometry.unit === 'percent')) return;
    if (canvas?.id === undefined || source !== canvas.id) return;
    const { width, height } = canvas;
    if (width === undefined || height === undefined) return;
    let box: { x: number; y: number; w: number; h: number } | undefined;
    if (geometry.kind === 'box')
      box =
        geometry.unit === 'percent'
          ? {
              x: (geometry.x / 100) * width,
              y: (geometry.y / 100) * height,
              w: (geometry.w / 100) * width,
              h: (geometry.h / 100) * height,
            }
          : geometry;
    else if (geometry.kind === 'point') box = { x: geometry.x, y: geometry.y, w: 0, h: 0 };
    else if (geometry.kind === 'polygon') box = boundsOf(geometry.points);
    if (box === undefined) return;
    // Half a pixel of slack: drawing tools write fractional coordinates at the very edge.
    if (box.x < -0.5 || box.y < -0.5 || box.x + box.w > width + 0.5 || box.y + box.h > height + 0.5) {
      ctx.error(
        'target-outside-canvas',
        where,
        `This ${geometry.kind} lies partly outside the Canvas (${width} x ${height}).`,
        SPEC.canvas,
      );
    }
  });
}

/**
 * The extent of the resource whose `annotations` are being checked, when it is a Canvas: its commentary,
 * tags and transcriptions are on it, so their regions are checked against it.
 */
export function annotatedCanvasExtent(node: JsonObject, kind: string): CanvasExtent | undefined {
  if (kind !== 'Canvas') return undefined;
  return {
    ...(typeof node.id === 'string' ? { id: node.id } : {}),
    ...(isPositiveInteger(node.width) ? { width: node.width } : {}),
    ...(isPositiveInteger(node.height) ? { height: node.height } : {}),
    ...(isPositiveNumber(node.duration) ? { duration: node.duration } : {}),
    spatial: has(node, 'width') || has(node, 'height'),
    temporal: has(node, 'duration'),
  };
}
