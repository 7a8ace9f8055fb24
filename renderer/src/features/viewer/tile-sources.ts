/**
 * A flat list of what a canvas paints (source and target only), for callers that need no crop, rotation or
 * layers. The viewer itself works from painted-items.ts, which this summarises.
 */
import type { JsonObject } from '../../../../shared/iiif/json';
import { paintedItems } from '../../../../shared/iiif/document/painted-items';

export { paintingAnnotations, parseXywh } from '../../../../shared/iiif/document/painted-items';

export interface PlacedImage {
  /** An info.json URL (IIIF service) or a plain image URL. */
  source: { kind: 'iiif'; infoUrl: string } | { kind: 'image'; url: string };
  /** Where on the canvas, in canvas units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first layer of each painted item (a Choice shows its first option). */
export function placedImages(canvas: JsonObject): PlacedImage[] {
  const placed: PlacedImage[] = [];
  for (const item of paintedItems(canvas)) {
    const layer = item.layers[0];
    if (!layer) continue;
    const source: PlacedImage['source'] =
      layer.resource.kind === 'service'
        ? { kind: 'iiif', infoUrl: layer.resource.infoUrl }
        : { kind: 'image', url: layer.resource.url };
    placed.push({ source, ...item.target });
  }
  return placed;
}
