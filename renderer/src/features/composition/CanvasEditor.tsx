/**
 * The selected canvas in the deep-zoom viewer, with composition on demand: place images from other canvases,
 * move, resize, turn and crop them. A drag is a draft (the viewer shows it, the document does not have it) and
 * becomes one undo step on release; numbers commit on Enter or blur; keyboard nudges of one image while it has
 * focus merge into one step. Opacity is a view aid kept here, never written to the document.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isJsonObject, setIn, type JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { canvasesOf, labelText } from '../canvases/canvas-view';
import { DeepZoomViewer } from '../viewer/DeepZoomViewer';
import { parseRegion, rotatedSize, type Rect } from '../viewer/image-selectors';
import { canvasSize, idOf, paintedItems, type CropEncoding, type PaintedItem } from '../viewer/painted-items';
import { canvasRectToRegion, containedRect } from '../viewer/placement';
import { useImageInfo } from '../viewer/use-image-info';
import { CompositionOverlay } from './CompositionOverlay';
import { CompositionPanel } from './CompositionPanel';
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

interface Props {
  canvas: JsonObject | null;
  canvasIndex: number | null;
}

type Encoding = Exclude<CropEncoding, 'none'>;

interface Selection {
  /** The canvas the selection belongs to: choosing another canvas starts afresh. */
  canvasKey: string;
  selectedKey: string | null;
  cropping: boolean;
}

interface Draft {
  canvasKey: string;
  key: string;
  target: Rect;
}

/** The canvas as the draft shows it: one annotation's target moved, nothing else touched. */
function withDraft(canvas: JsonObject, items: readonly PaintedItem[], draft: Draft): JsonObject {
  const item = items.find((i) => i.key === draft.key);
  if (!item) return canvas;
  const area = clampToCanvas(draft.target, canvasSize(canvas));
  const target = `${idOf(canvas) ?? ''}#xywh=${area.x},${area.y},${area.width},${area.height}`;
  return setIn(canvas, ['items', item.pageIndex, 'items', item.itemIndex, 'target'], target) as JsonObject;
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

export function CanvasEditor({ canvas, canvasIndex }: Props) {
  const canvasKey = canvas && canvasIndex !== null ? `${canvasIndex}:${idOf(canvas) ?? ''}` : '';
  const [composing, setComposing] = useState(false);
  const [stored, setSelection] = useState<Selection>({ canvasKey: '', selectedKey: null, cropping: false });
  const selection: Selection =
    stored.canvasKey === canvasKey ? stored : { canvasKey, selectedKey: null, cropping: false };
  const [draft, setDraft] = useState<Draft | null>(null);
  const [opacity, setOpacity] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [preferred, setPreferred] = useState<Encoding>('selector');
  const nudges = useRef(0);
  const doc = useAppStore((s) => s.doc);

  const items = useMemo(() => (canvas ? paintedItems(canvas) : []), [canvas]);
  const shown = useMemo(
    () => (canvas && draft && draft.canvasKey === canvasKey ? withDraft(canvas, items, draft) : canvas),
    [canvas, items, draft, canvasKey],
  );
  const shownItems = useMemo(() => (shown ? paintedItems(shown) : []), [shown]);
  const selected = items.find((item) => item.key === selection.selectedKey) ?? null;
  const layer = selected?.layers[0] ?? null;
  const info = useImageInfo(selected && !selected.choice ? (layer?.serviceId ?? null) : null);
  const desc = info?.ok ? info.descriptor : null;
  const full = desc ? { width: desc.width, height: desc.height } : null;
  const region = layer && full ? parseRegion(layer.region, full) : null;
  const rotation = layer?.rotation.degrees ?? 0;
  /**
   * How the next crop or turn of the selected image is written: as it is written now, else the user's
   * preference, falling back to a selector where the service cannot answer region URLs (level 0).
   */
  const encodingFor = (nextRotation: number): Encoding => {
    const wanted = layer && layer.encoding !== 'none' ? layer.encoding : preferred;
    return wanted === 'url' && !urlEncodingAllowed(desc, nextRotation) ? 'selector' : wanted;
  };
  const encoding = encodingFor(rotation);
  const cropping = composing && selection.cropping;

  const select = (key: string | null) => {
    if (key !== selection.selectedKey) nudges.current += 1;
    setSelection({ canvasKey, selectedKey: key, cropping: false });
  };
  const setCropping = (on: boolean) => setSelection({ ...selection, cropping: on });

  useEffect(() => {
    if (!cropping) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setSelection((s) => ({ ...s, cropping: false }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cropping]);

  if (canvasIndex === null || !canvas) {
    // The same element tree as below, so the viewer (and its OpenSeadragon instance) survives.
    return (
      <div className="canvas-editor">
        <DeepZoomViewer canvas={null} />
      </div>
    );
  }
  const size = canvasSize(canvas);
  const ref = (item: PaintedItem) => refOf(canvasIndex, item);
  const itemByKey = (key: string) => items.find((item) => item.key === key) ?? null;
  /** Where the selected image's pixels actually are inside its target (targets may be looser). */
  const shownRect = (item: PaintedItem) =>
    full ? containedRect(item.target, rotatedSize(region ?? { ...full, x: 0, y: 0 }, rotation)) : item.target;

  const moveTo = (item: PaintedItem, target: Rect, label: string, coalesce?: string) =>
    commitEdit(label, (d) => setTarget(d, ref(item), target), coalesce);

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
          { region: nextRegion, rotation: nextRotation },
          encodingFor(nextRotation),
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
    setCropping(false);
    if (!item || !full) return;
    const area = intersect(rect, shownRect(item));
    if (!area) return;
    const next = canvasRectToRegion(area, { target: item.target, full, region, rotation });
    if (next) changeCrop(item, next, rotation, clampToCanvas(area, size), 'Crop image');
  };

  const changeEncoding = (next: Encoding) => {
    setPreferred(next);
    if (!selected || !layer || layer.encoding === 'none' || layer.encoding === next) return;
    commitEdit(next === 'url' ? 'Write crop in the image URL' : 'Write crop as a selector', (d) =>
      setCrop(d, ref(selected), { region, rotation }, next, desc),
    );
  };

  const place = (fromIndex: number) => {
    const from = canvasesOf(doc)[fromIndex];
    const source = from ? paintedItems(from)[0] : undefined;
    if (!source) {
      useAppStore.getState().showMessage({ kind: 'error', text: `Canvas ${fromIndex + 1} paints no image.` });
      return;
    }
    const next = commitEdit(`Place image of canvas ${fromIndex + 1}`, (d) =>
      placeImageFromCanvas(d, canvasIndex, fromIndex, source),
    );
    const placed = next ? canvasesOf(next)[canvasIndex] : undefined;
    const added = placed ? paintedItems(placed).at(-1) : undefined;
    if (added) select(added.key);
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
    const session = `nudge:${item.key}:${nudges.current}`;
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
      setCropping(false);
    } else return;
    event.preventDefault();
  };

  const placeable = canvasesOf(doc)
    .map((c, index) => ({ index, label: labelText(c['label']) || `Canvas ${index + 1}`, canvas: c }))
    .filter((c) => c.index !== canvasIndex && isJsonObject(c.canvas));

  return (
    <div className={composing ? 'canvas-editor composing' : 'canvas-editor'}>
      <DeepZoomViewer
        canvas={shown}
        opacity={composing ? opacity : undefined}
        overlay={
          composing
            ? (view) => (
                <CompositionOverlay
                  view={view}
                  items={shownItems}
                  selectedKey={selection.selectedKey}
                  cropping={cropping}
                  onSelect={select}
                  onDraft={(key, target) => setDraft({ canvasKey, key, target })}
                  onRelease={(key, target, what) => {
                    setDraft(null);
                    const item = itemByKey(key);
                    if (item && target) moveTo(item, target, what === 'move' ? 'Move image' : 'Resize image');
                  }}
                  onCropDrawn={cropDrawn}
                  onKey={onKey}
                />
              )
            : undefined
        }
        controls={
          <button
            type="button"
            aria-pressed={composing}
            onClick={() => setComposing((on) => !on)}
            data-testid="compose-toggle"
          >
            Compose
          </button>
        }
      />
      {composing ? (
        <CompositionPanel
          items={items}
          selected={selected}
          region={region}
          descriptor={info && !info.ok ? info.reason : desc}
          opacity={selected ? (opacity.get(selected.key) ?? 1) : 1}
          cropping={cropping}
          encoding={encoding}
          urlAllowed={urlEncodingAllowed(desc, rotation)}
          placeable={placeable}
          onSelect={select}
          onTarget={(target) => selected && moveTo(selected, target, 'Move image')}
          onSide={(side, value) =>
            selected && moveTo(selected, withSide(selected.target, side, value), 'Resize image')
          }
          onOpacity={(value) => selected && setOpacity((m) => new Map(m).set(selected.key, value))}
          onRotate={() => selected && rotate(selected)}
          onToggleCrop={() => setCropping(!selection.cropping)}
          onRegion={(next) => selected && typeRegion(selected, next)}
          onEncoding={changeEncoding}
          onRestack={(direction) =>
            selected && commitEdit('Change image order', (d) => restack(d, ref(selected), direction))
          }
          onRemove={() => {
            if (selected) commitEdit('Remove image from canvas', (d) => removePainting(d, ref(selected)));
          }}
          onPlace={place}
        />
      ) : null}
    </div>
  );
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
