/**
 * What each composition gesture does to the document, as one commit (one undo step) each: moves, resizes,
 * quarter turns, crops drawn or typed, the crop's spelling, placing, restacking and removing images, and the
 * keyboard's nudges (merged into one step per focused image). Built per render from the editor's state;
 * failures (a level 0 service asked for a region URL…) become a message, never an exception.
 */
import type { KeyboardEvent } from 'react';
import type { ImageServiceDescriptor } from '../../../../shared/iiif/image-api/descriptor';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { canvasAt } from '../../../../shared/iiif/canvases';
import { rotatedSize, type Rect, type Size } from '../../../../shared/iiif/image-api/image-selectors';
import {
  paintedItems,
  type CropEncoding,
  type PaintedItem,
} from '../../../../shared/iiif/document/painted-items';
import { canvasRectToRegion, containedRect } from '../viewer/placement';
import {
  placeImageFromCanvas,
  refOf,
  removePainting,
  restack,
  setCrop,
  setTarget,
  urlEncodingAllowed,
} from './edits';
import { clampToCanvas, intersect, turnQuarter, withSide } from './geometry';

export type Encoding = Exclude<CropEncoding, 'none'>;

export interface ActionContext {
  readonly canvasIndex: number;
  readonly size: Size;
  readonly items: readonly PaintedItem[];
  readonly selected: PaintedItem | null;
  /** The selected image's service, its crop (full-image pixels), turn and mirror. */
  readonly desc: ImageServiceDescriptor | null;
  readonly region: Rect | null;
  readonly rotation: number;
  readonly mirror: boolean;
  /** The spelling the user last chose, for images not cropped yet. */
  readonly preferred: Encoding;
  /** Changes whenever the keyboard's "gesture" must end (another image was selected). */
  readonly nudgeSession: number;
  /** The document, while composing (to take images from other canvases). */
  readonly doc: JsonObject | null;
  select(key: string | null): void;
  stopCropping(): void;
}

function commitEdit(
  label: string,
  edit: (doc: JsonObject) => JsonObject,
  coalesce?: string,
): JsonObject | null {
  const state = useAppStore.getState();
  if (!state.doc) return null;
  try {
    const next = edit(state.doc);
    state.commit(label, next, coalesce);
    return next;
  } catch (error) {
    state.showMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/**
 * How the next crop or turn of the selected image is written: as it is written now, else the user's
 * preference, falling back to a selector where the service cannot answer region URLs (level 0).
 */
export function encodingFor(
  layer: PaintedItem['layers'][number] | null,
  preferred: Encoding,
  desc: ImageServiceDescriptor | null,
  rotation: number,
  mirror: boolean,
): Encoding {
  const wanted = layer && layer.encoding !== 'none' ? layer.encoding : preferred;
  return wanted === 'url' && !urlEncodingAllowed(desc, rotation, mirror) ? 'selector' : wanted;
}

export function compositionActions(ctx: ActionContext) {
  const { canvasIndex, size, items, selected, desc, region, rotation, mirror } = ctx;
  const layer = selected?.layers[0] ?? null;
  const full = desc ? { width: desc.width, height: desc.height } : null;
  const ref = (item: PaintedItem) => refOf(canvasIndex, item);
  const itemByKey = (key: string) => items.find((item) => item.key === key) ?? null;
  /** Where the selected image's pixels actually are inside its target (targets may be looser). */
  const shownRect = (item: PaintedItem) =>
    full ? containedRect(item.target, rotatedSize(region ?? { ...full, x: 0, y: 0 }, rotation)) : item.target;

  const moveTo = (item: PaintedItem, target: Rect, label: string, coalesce?: string) =>
    commitEdit(label, (d) => setTarget(d, ref(item), target), coalesce);

  // A turn or a crop keeps the mirror: mirroring is not something these gestures change.
  const changeCrop = (
    item: PaintedItem,
    nextRegion: Rect | null,
    nextRotation: number,
    target: Rect,
    label: string,
  ) =>
    commitEdit(label, (d) =>
      setTarget(
        setCrop(
          d,
          ref(item),
          { region: nextRegion, rotation: nextRotation, mirror },
          encodingFor(layer, ctx.preferred, desc, nextRotation, mirror),
          desc,
        ),
        ref(item),
        target,
      ),
    );

  const rotate = (item: PaintedItem) => {
    const turned = clampToCanvas(turnQuarter(shownRect(item)), size);
    changeCrop(item, region, (rotation + 90) % 360, turned, 'Rotate image 90°');
  };

  /** A new crop keeps the image's scale on the canvas and its top-left corner where it was. */
  const typeRegion = (item: PaintedItem, next: Rect | null) => {
    if (!full) return;
    const bounded = next ? clampRegion(next, full) : null;
    const current = shownRect(item);
    const before = rotatedSize(region ?? { ...full, x: 0, y: 0 }, rotation);
    const after = rotatedSize(bounded ?? { ...full, x: 0, y: 0 }, rotation);
    const scale = current.width / before.width;
    const target = clampToCanvas(
      { x: current.x, y: current.y, width: after.width * scale, height: after.height * scale },
      size,
    );
    changeCrop(item, bounded, rotation, target, bounded ? 'Crop image' : 'Show whole image');
  };

  const cropDrawn = (key: string, rect: Rect) => {
    const item = itemByKey(key);
    ctx.stopCropping();
    if (!item || !full) return;
    const area = intersect(rect, shownRect(item));
    if (!area) return;
    const next = canvasRectToRegion(area, { target: item.target, full, region, rotation, mirror });
    if (next) changeCrop(item, next, rotation, clampToCanvas(area, size), 'Crop image');
  };

  const changeEncoding = (next: Encoding) => {
    if (!selected || !layer || layer.encoding === 'none' || layer.encoding === next) return;
    commitEdit(next === 'url' ? 'Write crop in the image URL' : 'Write crop as a selector', (d) =>
      setCrop(d, ref(selected), { region, rotation, mirror }, next, desc),
    );
  };

  const place = (fromIndex: number) => {
    const from = canvasAt(ctx.doc, fromIndex);
    const source = from ? paintedItems(from)[0] : undefined;
    if (!source) {
      useAppStore.getState().showMessage({ kind: 'error', text: `Canvas ${fromIndex + 1} paints no image.` });
      return;
    }
    const next = commitEdit(`Place image of canvas ${fromIndex + 1}`, (d) =>
      placeImageFromCanvas(d, canvasIndex, fromIndex, source),
    );
    const placed = canvasAt(next, canvasIndex);
    const added = placed ? paintedItems(placed).at(-1) : undefined;
    if (added) ctx.select(added.key);
  };

  const onKey = (item: PaintedItem, event: KeyboardEvent) => {
    const step = Math.max(1, Math.round(size.width * (event.shiftKey ? 0.05 : 0.005)));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = moves[event.key];
    const session = `nudge:${item.key}:${ctx.nudgeSession}`;
    const t = item.target;
    if (delta) {
      moveTo(item, { ...t, x: t.x + delta[0], y: t.y + delta[1] }, 'Move image', session);
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      const factor = event.key === '-' ? 1 / 1.05 : 1.05;
      const width = t.width * factor;
      const height = t.height * factor;
      moveTo(
        item,
        { x: t.x + (t.width - width) / 2, y: t.y + (t.height - height) / 2, width, height },
        'Resize image',
        session,
      );
    } else if (event.key === 'r' || event.key === 'R') {
      if (item.key === selected?.key && desc) rotate(item);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      commitEdit('Remove image from canvas', (d) => removePainting(d, ref(item)));
    } else if (event.key === 'Escape') {
      ctx.stopCropping();
    } else return;
    event.preventDefault();
  };

  return {
    moveTo,
    rotate,
    typeRegion,
    cropDrawn,
    changeEncoding,
    place,
    onKey,
    itemByKey,
    resize: (item: PaintedItem, side: 'width' | 'height', value: number) =>
      moveTo(item, withSide(item.target, side, value), 'Resize image'),
    restack: (item: PaintedItem, direction: 1 | -1) =>
      commitEdit('Change image order', (d) => restack(d, ref(item), direction)),
    remove: (item: PaintedItem) =>
      commitEdit('Remove image from canvas', (d) => removePainting(d, ref(item))),
  };
}

function clampRegion(region: Rect, full: { width: number; height: number }): Rect {
  const x = Math.min(Math.max(0, Math.round(region.x)), full.width - 1);
  const y = Math.min(Math.max(0, Math.round(region.y)), full.height - 1);
  return {
    x,
    y,
    width: Math.max(1, Math.min(Math.round(region.width), full.width - x)),
    height: Math.max(1, Math.min(Math.round(region.height), full.height - y)),
  };
}
