/**
 * A time-based canvas's companions (Presentation 3 §3.3): `placeholderCanvas`, shown before the media plays (a
 * poster frame), and `accompanyingCanvas`, shown while it plays (the score beside the recording). Each is a
 * whole Canvas embedded in the one it accompanies; a companion may not have companions of its own, so those are
 * left out of one made from another canvas.
 */
import { copyCanvas } from '../document/duplicate-canvases';
import type { MintId } from '../document/mint-ids';
import { isJsonObject, type JsonObject } from '../json';

export type CompanionProperty = 'placeholderCanvas' | 'accompanyingCanvas';

export const COMPANION_PROPERTIES: readonly CompanionProperty[] = ['placeholderCanvas', 'accompanyingCanvas'];

/** The companion canvas embedded in `canvas`, or undefined. */
export function companionOf(canvas: JsonObject, property: CompanionProperty): JsonObject | undefined {
  const value = canvas[property];
  return isJsonObject(value) ? value : undefined;
}

/**
 * A companion made from a canvas of the document (or one just built from an image): a copy with its own ids,
 * so editing one never edits the other, and without companions of its own.
 */
export function companionFrom(source: JsonObject, mint: MintId): JsonObject {
  const copy = copyCanvas(source, mint);
  const { placeholderCanvas: _p, accompanyingCanvas: _a, ...rest } = copy;
  return rest;
}

/** `canvas` with `companion` as its `property` (undefined removes it). Key order is kept when replacing. */
export function setCompanion(
  canvas: JsonObject,
  property: CompanionProperty,
  companion: JsonObject | undefined,
): JsonObject {
  if (companion === undefined) {
    const { [property]: _removed, ...rest } = canvas;
    return rest;
  }
  return { ...canvas, [property]: companion };
}
