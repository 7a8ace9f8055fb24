/**
 * A time-based canvas's companions (Presentation 3 §3.3): `placeholderCanvas`, shown before the media plays (a
 * poster frame), and `accompanyingCanvas`, shown while it plays (the score beside the recording). Each is a
 * whole Canvas embedded in the one it accompanies; a companion may not have companions of its own, so those are
 * left out of one made from another canvas.
 */
import { copyCanvas } from '../document/duplicate-canvases';
import type { MintId } from '../document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

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

/**
 * `companion` painted with the image of `built` (a canvas just made from an image address): the companion
 * keeps its id, label and every other property, and takes the new image's painting pages, width and height.
 * The new painting annotations target the companion, not the canvas they were built for. A thumbnail follows
 * the image: the new one's when it has one, else none, as the old thumbnail would show the replaced image.
 */
export function withPaintingOf(companion: JsonObject, built: JsonObject): JsonObject {
  const from = built['id'];
  const to = companion['id'];
  // The built canvas, whole or a part of it (`#xywh=` when the image came from a region), becomes the companion.
  const moved = (target: JsonValue | undefined): string | undefined =>
    typeof target === 'string' &&
    typeof from === 'string' &&
    typeof to === 'string' &&
    (target === from || target.startsWith(`${from}#`))
      ? to + target.slice(from.length)
      : undefined;
  const retarget = (value: JsonValue): JsonValue => {
    if (isJsonArray(value)) return value.map(retarget);
    if (!isJsonObject(value)) return value;
    const target = value['type'] === 'Annotation' ? moved(value['target']) : undefined;
    if (target !== undefined) return { ...value, target };
    return isJsonArray(value['items']) ? { ...value, items: value['items'].map(retarget) } : value;
  };
  const { thumbnail: _old, ...rest } = companion;
  const thumbnail = built['thumbnail'];
  const size = (key: 'width' | 'height') => {
    const value = built[key];
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...(thumbnail === undefined ? rest : { ...companion, thumbnail }),
    ...size('width'),
    ...size('height'),
    items: retarget(built['items'] ?? []),
  };
}

/** The annotations of the companion's non-painting pages (`annotations`), e.g. the notes on a score. */
export function companionAnnotations(companion: JsonObject): JsonObject[] {
  const pages = companion['annotations'];
  if (!isJsonArray(pages)) return [];
  return pages.flatMap((page) =>
    isJsonObject(page) && isJsonArray(page['items']) ? page['items'].filter(isJsonObject) : [],
  );
}
