/** Checks that need the whole Manifest first: `start` and Range items must name Canvases of the Manifest. */
import type { Checker } from './checker';
import { SPEC } from './spec-links';
import { stripFragment } from './values';

export function checkCanvasReferences(ctx: Checker): void {
  for (const reference of ctx.canvasReferences) {
    const canvasId = stripFragment(reference.canvasId);
    if (ctx.canvasIds.has(canvasId)) continue;
    if (reference.kind === 'start') {
      ctx.error(
        'start-canvas-missing',
        reference.site,
        `The start Canvas ${canvasId} is not one of this Manifest's Canvases.`,
        SPEC.start,
      );
    } else {
      ctx.error(
        'range-canvas-missing',
        reference.site,
        `This Range lists the Canvas ${canvasId}, which is not one of this Manifest's Canvases.`,
        SPEC.range,
        // The entry names nothing the Manifest has, so removing it loses nothing a reader could reach.
        'remove-range-item',
      );
    }
  }
}
