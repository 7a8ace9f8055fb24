/** Canvases: in a Manifest's items, or as the placeholder or accompanying Canvas of another resource. */
import type { JsonObject, JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import type { CanvasExtent } from '../rules/annotation-rules';
import { checkCanvasExtent } from '../rules/dimensions';
import { checkCanvasPlays } from '../rules/time-extent';
import { checkResource, reportDuplicate } from '../rules/identity';
import { requireLabel } from '../rules/language-maps';
import { forEachItem, requireObject } from '../rules/shapes';
import { SPEC } from '../spec-links';
import { has, isPositiveInteger, isPositiveNumber } from '../values';
import { visitAnnotationPage, visitCommon } from './resources';

export type CanvasRole = 'item' | 'placeholderCanvas' | 'accompanyingCanvas';

export function visitCanvas(node: JsonValue, site: Site, ctx: Checker, role: CanvasRole): void {
  if (!requireObject(node, site, ctx, { code: 'canvas-invalid', what: 'A Canvas', specUrl: SPEC.canvas }))
    return;
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'This Canvas',
    expectedType: ['Canvas'],
    id: 'http',
    specUrl: SPEC.canvas,
  });
  if (owner.id !== undefined) {
    if (owner.id.includes('#')) {
      ctx.error(
        'canvas-id-fragment',
        at(self, 'id'),
        'A Canvas id must not contain a "#" fragment: fragments name parts of the Canvas.',
        SPEC.canvas,
      );
    }
    reportDuplicate(owner.id, self, ctx);
    if (role === 'item') ctx.canvasIds.add(owner.id);
  }
  checkCanvasExtent(node, self, ctx);
  requireLabel(node, self, ctx, 'info', 'A Canvas');
  const extent: CanvasExtent = {
    ...(owner.id !== undefined ? { id: owner.id } : {}),
    ...(isPositiveInteger(node.width) ? { width: node.width } : {}),
    ...(isPositiveInteger(node.height) ? { height: node.height } : {}),
    ...(isPositiveNumber(node.duration) ? { duration: node.duration } : {}),
    spatial: has(node, 'width') || has(node, 'height'),
    temporal: has(node, 'duration'),
  };
  const items = forEachItem(node, 'items', self, ctx, (page, where) =>
    visitAnnotationPage(page, where, ctx, 'items', extent),
  );
  if (extent.duration !== undefined) {
    if (role === 'item' && owner.id !== undefined) ctx.canvasDurations.set(owner.id, extent.duration);
    checkCanvasPlays(node, self, ctx, extent.duration);
  }
  if (items === undefined || items.length === 0) {
    ctx.warning(
      'canvas-empty',
      self,
      'This Canvas has no content: add an image, audio or video to it.',
      SPEC.items,
    );
  }
  if (role !== 'item') {
    for (const key of ['placeholderCanvas', 'accompanyingCanvas'] as const) {
      if (node[key] !== undefined) {
        ctx.error(
          'companion-canvas-nested',
          at(self, key),
          `A ${role} must not itself have a ${key}.`,
          SPEC[key],
        );
      }
    }
  } else {
    visitCompanionCanvases(node, self, ctx);
  }
  visitCommon(node, self, 'Canvas', ctx);
}

/** placeholderCanvas and accompanyingCanvas of a Collection, Manifest, Canvas or Range. */
export function visitCompanionCanvases(node: JsonObject, site: Site, ctx: Checker): void {
  for (const key of ['placeholderCanvas', 'accompanyingCanvas'] as const) {
    const value = node[key];
    if (value !== undefined) visitCanvas(value, at(site, key), ctx, key);
  }
}
