/**
 * The selected canvas in the deep-zoom viewer, with composition on demand: place images from other canvases,
 * move, resize, turn and crop them. A drag is a draft (the viewer shows it, the document does not have it) and
 * becomes one undo step on release; numbers commit on Enter or blur; keyboard nudges of one image while it has
 * focus merge into one step. Opacity is a view aid kept here, never written to the document.
 */
import { useEffect, useMemo, useState } from 'react';
import { setIn, type JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { canvasLabel, canvasList } from '../../../../shared/iiif/canvases';
import { useDisplayLanguages } from '../../components/language/display-language';
import { DeepZoomViewer } from '../viewer/DeepZoomViewer';
import { AnnotationLayer, AnnotationTools, type DrawTool } from '../annotations/AnnotationLayer';
import { useRegionPick } from '../annotations/region-pick';
import { parseRegion, type Rect } from '../../../../shared/iiif/image-api/image-selectors';
import { canvasSize, paintedItems, type PaintedItem } from '../../../../shared/iiif/document/painted-items';
import { idOf } from '../../../../shared/iiif/fields';
import { useImageInfo } from '../viewer/use-image-info';
import { compositionActions, encodingFor, type Encoding } from './composition-actions';
import { CompositionOverlay } from './CompositionOverlay';
import { CompositionPanel } from './CompositionPanel';
import { urlEncodingAllowed } from './edits';
import { clampToCanvas, intersect } from './geometry';
import './composition.css';

interface Props {
  canvas: JsonObject | null;
  canvasIndex: number | null;
}

interface Selection {
  /** The canvas the selection belongs to: choosing another canvas starts afresh. */
  canvasKey: string;
  selectedKey: string | null;
  cropping: boolean;
  /** Counts selections of another image: keyboard nudges of one image merge into one step until then. */
  session: number;
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

export function CanvasEditor({ canvas, canvasIndex }: Props) {
  const canvasKey = canvas && canvasIndex !== null ? `${canvasIndex}:${idOf(canvas) ?? ''}` : '';
  const [composing, setComposing] = useState(false);
  const [stored, setSelection] = useState<Selection>({
    canvasKey: '',
    selectedKey: null,
    cropping: false,
    session: 0,
  });
  const selection: Selection =
    stored.canvasKey === canvasKey
      ? stored
      : { canvasKey, selectedKey: null, cropping: false, session: stored.session + 1 };
  const [draft, setDraft] = useState<Draft | null>(null);
  const [opacity, setOpacity] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [preferred, setPreferred] = useState<Encoding>('selector');
  const [tool, setTool] = useState<DrawTool>('pan');
  /** A box asked for by another panel (the structure panel's region form) on this canvas, if any. */
  const picking = useRegionPick((s) => s.pick !== null && s.pick.canvasIndex === canvasIndex);
  /** The annotation shape selected on the viewer, for the canvas it belongs to. */
  const [shape, setShape] = useState<{ canvasKey: string; key: string | null }>({ canvasKey: '', key: null });
  // The whole document matters only while composing (the canvases to take images from): a 10,000-canvas
  // manifest must not cost the plain viewer a pass over every canvas on each render.
  const doc = useAppStore((s) => (composing ? s.doc : null));
  const languages = useDisplayLanguages();
  const placeable = useMemo(
    () =>
      canvasList(doc).flatMap(({ index, canvas: c }) =>
        index === canvasIndex ? [] : [{ index, label: canvasLabel(c, languages) || `Canvas ${index + 1}` }],
      ),
    [doc, canvasIndex, languages],
  );

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
  const mirror = layer?.rotation.mirror ?? false;
  const encoding = encodingFor(layer, preferred, desc, rotation, mirror);
  const cropping = composing && selection.cropping;

  const select = (key: string | null) => {
    const session = key === selection.selectedKey ? selection.session : selection.session + 1;
    setSelection({ canvasKey, selectedKey: key, cropping: false, session });
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
  const actions = compositionActions({
    canvasIndex,
    size: canvasSize(canvas),
    items,
    selected,
    desc,
    region,
    rotation,
    mirror,
    preferred,
    nudgeSession: selection.session,
    doc,
    select,
    stopCropping: () => setCropping(false),
  });
  return (
    <div className={composing ? 'canvas-editor composing' : 'canvas-editor'}>
      <DeepZoomViewer
        canvas={shown}
        opacity={composing ? opacity : undefined}
        overlay={
          composing && !picking
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
                    const item = actions.itemByKey(key);
                    if (item && target)
                      actions.moveTo(item, target, what === 'move' ? 'Move image' : 'Resize image');
                  }}
                  onCropDrawn={actions.cropDrawn}
                  onKey={actions.onKey}
                />
              )
            : (view) => (
                <AnnotationLayer
                  view={view}
                  canvas={canvas}
                  canvasIndex={canvasIndex}
                  tool={picking ? 'box' : tool}
                  // While picking, choosing any tool (Escape does) ends the pick and leaves the tools as they were.
                  onTool={picking ? useRegionPick.getState().cancel : setTool}
                  selected={shape.canvasKey === canvasKey ? shape.key : null}
                  onSelect={(key) => setShape({ canvasKey, key })}
                  onBox={
                    picking
                      ? (box) => {
                          // Only the part on the canvas is a region of it; a box wholly off it keeps the pick open.
                          const { width, height } = canvasSize(canvas);
                          const area = intersect(
                            { x: box.x, y: box.y, width: box.w, height: box.h },
                            { x: 0, y: 0, width, height },
                          );
                          if (area)
                            useRegionPick
                              .getState()
                              .finish({ x: area.x, y: area.y, w: area.width, h: area.height });
                        }
                      : undefined
                  }
                />
              )
        }
        controls={
          <>
            <button
              type="button"
              aria-pressed={composing}
              onClick={() => setComposing((on) => !on)}
              data-testid="compose-toggle"
            >
              Compose
            </button>
            {composing ? null : <AnnotationTools tool={tool} onTool={setTool} />}
          </>
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
          urlAllowed={urlEncodingAllowed(desc, rotation, mirror)}
          placeable={placeable}
          onSelect={select}
          onTarget={(target) => selected && actions.moveTo(selected, target, 'Move image')}
          onSide={(side, value) => selected && actions.resize(selected, side, value)}
          onOpacity={(value) => selected && setOpacity((m) => new Map(m).set(selected.key, value))}
          onRotate={() => selected && actions.rotate(selected)}
          onToggleCrop={() => setCropping(!selection.cropping)}
          onRegion={(next) => selected && actions.typeRegion(selected, next)}
          onEncoding={(next) => {
            setPreferred(next);
            actions.changeEncoding(next);
          }}
          onRestack={(direction) => selected && actions.restack(selected, direction)}
          onRemove={() => selected && actions.remove(selected)}
          onPlace={actions.place}
        />
      ) : null}
    </div>
  );
}
