/**
 * A scene is what the viewer shows at once: one canvas (the editor), a two-page opening or a continuous strip
 * (the preview). Each canvas sits at a world position and scale, and everything it paints is placed relative to
 * it. Pure, so the preview's layouts are unit-tested without a viewer.
 */
import type { JsonObject } from '../../../../shared/iiif/json';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import {
  canvasSize,
  paintedItems,
  type PaintedItem,
  type PaintedLayer,
} from '../../../../shared/iiif/document/painted-items';

export interface SceneCanvas {
  /** Unique in the scene (the canvas id, or its index). */
  readonly key: string;
  readonly canvas: JsonObject;
  /** World position of the canvas's top-left, and world units per canvas pixel. */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  /** false: show the canvas's extent only, not its images (pages far from view in a long strip). */
  readonly paint?: boolean;
}

export interface SceneImage {
  /** Unique in the world: scene canvas, painted item and chosen layer. */
  readonly worldKey: string;
  /** Key of the choice the layer switcher keeps for this item. */
  readonly choiceKey: string;
  readonly sceneKey: string;
  readonly item: PaintedItem;
  readonly layerIndex: number;
  readonly layer: PaintedLayer;
  /** The item's target in world units. */
  readonly target: Rect;
}

export function singleCanvasScene(canvas: JsonObject | null): SceneCanvas[] {
  return canvas ? [{ key: 'canvas', canvas, x: 0, y: 0, scale: 1 }] : [];
}

export function canvasWorldRect(entry: SceneCanvas): Rect {
  const size = canvasSize(entry.canvas);
  return { x: entry.x, y: entry.y, width: size.width * entry.scale, height: size.height * entry.scale };
}

export function toWorld(entry: SceneCanvas, rect: Rect): Rect {
  return {
    x: entry.x + rect.x * entry.scale,
    y: entry.y + rect.y * entry.scale,
    width: rect.width * entry.scale,
    height: rect.height * entry.scale,
  };
}

export function sceneBounds(scene: readonly SceneCanvas[]): Rect | null {
  if (scene.length === 0) return null;
  const rects = scene.map(canvasWorldRect);
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Every image of the scene, bottom first, each Choice showing the layer picked in `choices` (default: first). */
export function sceneImages(
  scene: readonly SceneCanvas[],
  choices: ReadonlyMap<string, number>,
): SceneImage[] {
  const images: SceneImage[] = [];
  for (const entry of scene) {
    if (entry.paint === false) continue;
    for (const item of paintedItems(entry.canvas)) {
      const choiceKey = `${entry.key}|${item.key}`;
      const wanted = choices.get(choiceKey) ?? 0;
      const layerIndex = wanted < item.layers.length ? wanted : 0;
      const layer = item.layers[layerIndex];
      if (!layer) continue;
      images.push({
        worldKey: `${choiceKey}|${layerIndex}`,
        choiceKey,
        sceneKey: entry.key,
        item,
        layerIndex,
        layer,
        target: toWorld(entry, item.target),
      });
    }
  }
  return images;
}
