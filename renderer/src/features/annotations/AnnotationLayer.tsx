/**
 * The focused canvas's annotations drawn on the viewer (boxes, points, polygons and free shapes), and the tools
 * that draw, select, move, resize and delete them, by mouse or keyboard.
 *
 * Why our own SVG layer and not Annotorious: issue 16 asks for a maintained library, and `@annotorious/openseadragon`
 * 3.8.10 was tried first, under the app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') in
 * Chromium. Its bundled pixi.js 7 compiles shaders' uniform uploads with `new Function`, and creating the
 * annotator threw "Current environment does not allow unsafe-eval, please use @pixi/unsafe-eval module to
 * enable support." with the violation "script-src eval" reported from the bundle (without the CSP header the same
 * page ran). Relaxing the CSP for a drawing tool is not a trade we make, so this layer is drawn through the
 * viewer's `overlay` prop, as the composition handles are.
 *
 * The document is the only truth: shapes are read from it on every render (undo and redo included); a gesture in
 * progress is a draft shown here only, and becomes one commit (one undo step) when it ends.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  boundsOfGeometry,
  bodyText,
  boxFromCorners,
  growBounds,
  inPixels,
  inUnitOf,
  isDrawn,
  listAnnotations,
  moveGeometry,
  pointAt,
  polygonFrom,
  resizeGeometry,
  type AnnotationAddress,
  type AnnotationView,
  type Bounds,
  type DrawnGeometry,
  type Point,
  type TargetShape,
} from '../../../../shared/iiif/annotations';
import { canvasSize } from '../../../../shared/iiif/document/painted-items';
import { idOf } from '../../../../shared/iiif/fields';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import type { ViewTransform } from '../viewer/view-transform';
import { addCanvasAnnotation, changeAnnotationTarget, removeAnnotation } from './annotation-actions';
import { addressKey } from './annotation-search';
import { manifestAnnotations } from './annotation-scope';
import './annotations.css';

/**
 * 'pan' (the default) leaves the mouse to OpenSeadragon, so a page covered in OCR lines still pans by dragging;
 * shapes stay reachable from the keyboard. 'select' lets the mouse pick, move and resize them.
 */
export type DrawTool = 'pan' | 'select' | 'box' | 'point' | 'polygon' | 'freehand';

/** What a drawn annotation says until the user writes something: the panel edits it in place. */
const DRAWN_MOTIVATION = 'commenting';
/** Screen pixels within which a click on the first vertex closes a polygon. */
const CLOSE_DISTANCE = 8;
/** Screen pixels between kept points of a freehand trace. */
const FREEHAND_SPACING = 3;
const POINT_RADIUS = 6;

interface Shape {
  readonly key: string;
  readonly id: string | undefined;
  readonly address: AnnotationAddress;
  readonly targetIndex: number;
  readonly target: TargetShape;
  /** As written (a percent box stays percent)… */
  readonly written: DrawnGeometry;
  /** …and in canvas pixels, what the layer draws and edits. */
  readonly pixels: DrawnGeometry;
  readonly description: string;
}

type Gesture =
  | { kind: 'box'; pointer: number; start: Point }
  | { kind: 'freehand'; pointer: number; points: Point[] }
  | { kind: 'move'; key: string; pointer: number; start: Point; moved: boolean }
  | { kind: 'resize'; key: string; pointer: number; bounds: Bounds };

interface Draft {
  /** The shape being changed, or null for a new one. */
  readonly key: string | null;
  readonly geometry: DrawnGeometry;
}

interface Props {
  view: ViewTransform;
  canvas: JsonObject;
  canvasIndex: number;
  tool: DrawTool;
  onTool(tool: DrawTool): void;
  selected: string | null;
  onSelect(key: string | null): void;
  /**
   * Set while someone else asked for a box (see region-pick.ts): a finished box goes here and is not an
   * annotation, so nothing is committed.
   */
  onBox?: ((box: Bounds) => void) | undefined;
}

const KIND_NAMES: Record<DrawnGeometry['kind'], string> = { box: 'Box', point: 'Point', polygon: 'Polygon' };

function describe(geometry: DrawnGeometry, n: number, motivation: string, text: string): string {
  const b = boundsOfGeometry(geometry);
  const where =
    geometry.kind === 'point'
      ? `${Math.round(b.x)}, ${Math.round(b.y)}`
      : `${Math.round(b.x)}, ${Math.round(b.y)}, ${Math.round(b.w)} × ${Math.round(b.h)}`;
  const preview = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `${KIND_NAMES[geometry.kind]} annotation ${n}: ${motivation}${preview ? ` “${preview}”` : ''}, at ${where}`;
}

/**
 * The manifest's own annotations that name `canvasId`, grouped once per `annotations` array: edits elsewhere keep
 * that array (structural sharing), so switching canvases in a book with a long commentary does not re-read it.
 */
const manifestByCanvas = new WeakMap<object, Map<string, AnnotationView[]>>();

function manifestAnnotationsOn(doc: JsonObject, canvasId: string): AnnotationView[] {
  const own = doc['annotations'];
  if (!Array.isArray(own) || own.length === 0) return [];
  let byCanvas = manifestByCanvas.get(own);
  if (!byCanvas) {
    byCanvas = new Map();
    for (const view of manifestAnnotations(doc)) {
      for (const source of new Set(view.targets.map((target) => target.source))) {
        const list = byCanvas.get(source) ?? [];
        list.push(view);
        byCanvas.set(source, list);
      }
    }
    manifestByCanvas.set(own, byCanvas);
  }
  return byCanvas.get(canvasId) ?? [];
}

function shapesOf(doc: JsonObject | null, canvasIndex: number, canvas: JsonObject): Shape[] {
  if (!doc) return [];
  const canvasId = idOf(canvas) ?? '';
  const size = canvasSize(canvas);
  const shapes: Shape[] = [];
  // The manifest's own pages too: their annotations may target regions of any canvas (a commentary across the
  // book), and those on this canvas are drawn and edited here like its own.
  for (const view of [...listAnnotations(doc, { canvasIndex }), ...manifestAnnotationsOn(doc, canvasId)]) {
    // A referenced page lives in another file: drawn when loaded there, not editable here.
    if (!view.page.embedded) continue;
    view.targets.forEach((target, targetIndex) => {
      if (target.source !== canvasId || !isDrawn(target.geometry)) return;
      const written = target.geometry;
      const text = view.bodies.map(bodyText).join(' | ');
      shapes.push({
        key: `${addressKey(view)}#${targetIndex}`,
        id: view.id,
        address: { pagePath: view.page.path, index: view.index },
        targetIndex,
        target,
        written,
        pixels: inPixels(written, size),
        description: describe(
          written,
          shapes.length + 1,
          view.motivations.join(', ') || 'no motivation',
          text,
        ),
      });
    });
  }
  return shapes;
}

function screenPoint(view: ViewTransform, [x, y]: Point): Point {
  const r = view.toScreen({ x, y, width: 0, height: 0 });
  return [r.x, r.y];
}

function worldPoint(view: ViewTransform, event: { clientX: number; clientY: number }): Point {
  const at = view.toWorld(event.clientX, event.clientY);
  return [at.x, at.y];
}

/** Canvas pixels per screen pixel at the current zoom. */
function canvasPerScreen(view: ViewTransform): number {
  const width = view.toScreen({ x: 0, y: 0, width: 1000, height: 0 }).width;
  return width > 0 ? 1000 / width : 1;
}

function ShapeOutline({ view, geometry }: { view: ViewTransform; geometry: DrawnGeometry }) {
  if (geometry.kind === 'box') {
    const r = view.toScreen({ x: geometry.x, y: geometry.y, width: geometry.w, height: geometry.h });
    return <rect x={r.x} y={r.y} width={r.width} height={r.height} />;
  }
  if (geometry.kind === 'point') {
    const [cx, cy] = screenPoint(view, [geometry.x, geometry.y]);
    return <circle cx={cx} cy={cy} r={POINT_RADIUS} />;
  }
  const points = geometry.points.map((p) => screenPoint(view, p).join(',')).join(' ');
  return <polygon points={points} />;
}

export function AnnotationLayer(props: Props) {
  const { view, canvas, canvasIndex, tool, selected } = props;
  const doc = useAppStore((s) => s.doc);
  const size = canvasSize(canvas);
  const canvasId = idOf(canvas) ?? '';
  const shapes = useMemo(() => shapesOf(doc, canvasIndex, canvas), [doc, canvasIndex, canvas]);
  const gesture = useRef<Gesture | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  // A polygon's corners belong to the tool and canvas they were placed with: changing either drops them.
  const owner = `${tool}:${canvasIndex}`;
  const [placed, setPlaced] = useState<{ owner: string; points: Point[] }>({ owner, points: [] });
  const vertices = placed.owner === owner ? placed.points : [];
  const setVertices = (points: Point[]) => setPlaced({ owner, points });
  const [hover, setHover] = useState<Point | null>(null);
  const surface = useRef<SVGRectElement>(null);
  const layer = useRef<SVGSVGElement>(null);
  /** The shape to focus once the document has it (just drawn, or still selected after an edit). */
  const focusWanted = useRef<string | null>(null);
  const drawing = tool !== 'select' && tool !== 'pan';

  useEffect(() => {
    const key = focusWanted.current;
    if (key === null) return;
    const element = [...(layer.current?.querySelectorAll<SVGGElement>('[data-shape-key]') ?? [])].find(
      (e) => e.dataset['shapeKey'] === key,
    );
    if (!element) return;
    focusWanted.current = null;
    element.focus();
  });

  const cancel = () => {
    gesture.current = null;
    setDraft(null);
    setVertices([]);
  };

  const create = (geometry: DrawnGeometry | undefined, what: string) => {
    setDraft(null);
    setVertices([]);
    if (!geometry) return;
    if (props.onBox) {
      if (geometry.kind === 'box')
        props.onBox({ x: geometry.x, y: geometry.y, w: geometry.w, h: geometry.h });
      return;
    }
    const address = addCanvasAnnotation(canvasIndex, {
      motivation: DRAWN_MOTIVATION,
      target: { source: canvasId, geometry },
      label: `Draw ${what}`,
    });
    if (!address) return;
    const key = `${[...address.pagePath, 'items', address.index].join('/')}#0`;
    props.onSelect(key);
    props.onTool('select');
    focusWanted.current = key;
  };

  const change = (shape: Shape, pixels: DrawnGeometry, label: string) => {
    const geometry = inUnitOf(shape.written, pixels, size);
    focusWanted.current = shape.key;
    changeAnnotationTarget(
      shape.address,
      { source: shape.target.source, geometry },
      shape.targetIndex,
      label,
    );
  };

  const remove = (shape: Shape) => {
    props.onSelect(null);
    removeAnnotation(shape.address);
  };

  const viewCentre = (): Point => {
    const box = layer.current?.getBoundingClientRect();
    if (!box) return [size.width / 2, size.height / 2];
    return worldPoint(view, { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 });
  };

  const closePolygon = (points: readonly Point[]) => create(polygonFrom(points), 'polygon');

  // ---- drawing surface (a draw tool is active) ----
  const onSurfaceDown = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    surface.current?.focus();
    const at = worldPoint(view, event);
    if (tool === 'point') {
      create(pointAt(at), 'point');
      return;
    }
    if (tool === 'polygon') {
      const first = vertices[0];
      if (first && vertices.length >= 3) {
        const [fx, fy] = screenPoint(view, first);
        const [ax, ay] = screenPoint(view, at);
        if (Math.hypot(fx - ax, fy - ay) <= CLOSE_DISTANCE) return closePolygon(vertices);
      }
      setVertices([...vertices, at]);
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    gesture.current =
      tool === 'box'
        ? { kind: 'box', pointer: event.pointerId, start: at }
        : { kind: 'freehand', pointer: event.pointerId, points: [at] };
  };

  const onSurfaceMove = (event: PointerEvent<SVGRectElement>) => {
    const at = worldPoint(view, event);
    if (tool === 'polygon') setHover(at);
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId) return;
    if (g.kind === 'box') setDraft({ key: null, geometry: boxFromCorners(g.start, at) });
    else if (g.kind === 'freehand') {
      g.points.push(at);
      setDraft({ key: null, geometry: { kind: 'polygon', points: g.points.slice() } });
    }
  };

  const onSurfaceUp = (event: PointerEvent<SVGRectElement>) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId) return;
    gesture.current = null;
    const at = worldPoint(view, event);
    if (g.kind === 'box') {
      const box = boxFromCorners(g.start, at);
      // A click without a drag is not a box.
      create(box.kind === 'box' && box.w >= 1 && box.h >= 1 ? box : undefined, 'box');
    } else if (g.kind === 'freehand') {
      create(polygonFrom([...g.points, at], FREEHAND_SPACING * canvasPerScreen(view)), 'free shape');
    }
  };

  const onSurfaceKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (vertices.length > 0 || gesture.current || draft) cancel();
      else props.onTool('select');
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const [cx, cy] = viewCentre();
      // The keyboard's way to draw: a shape in the middle of the view, then arrows and Shift+arrows shape it.
      const side = Math.max(1, Math.round(Math.min(size.width, size.height) / 10));
      if (tool === 'polygon' && vertices.length >= 3) closePolygon(vertices);
      else if (tool === 'point') create(pointAt([cx, cy]), 'point');
      else if (tool === 'box')
        create(boxFromCorners([cx - side / 2, cy - side / 2], [cx + side / 2, cy + side / 2]), 'box');
      else if (tool === 'polygon' || tool === 'freehand')
        closePolygon([
          [cx, cy - side / 2],
          [cx + side / 2, cy + side / 2],
          [cx - side / 2, cy + side / 2],
        ]);
    } else if (event.key === 'Backspace' && tool === 'polygon' && vertices.length > 0) {
      event.preventDefault();
      setVertices(vertices.slice(0, -1));
    }
  };

  // ---- shapes (select tool) ----
  const begin = (event: PointerEvent<SVGElement>, next: Gesture) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    gesture.current = next;
  };

  const onShapeMove = (event: PointerEvent<SVGElement>) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId || (g.kind !== 'move' && g.kind !== 'resize')) return;
    const shape = shapes.find((s) => s.key === g.key);
    if (!shape) return;
    const at = worldPoint(view, event);
    if (g.kind === 'move') {
      g.moved = true;
      setDraft({ key: g.key, geometry: moveGeometry(shape.pixels, at[0] - g.start[0], at[1] - g.start[1]) });
    } else {
      const to = { x: g.bounds.x, y: g.bounds.y, w: at[0] - g.bounds.x, h: at[1] - g.bounds.y };
      setDraft({ key: g.key, geometry: resizeGeometry(shape.pixels, to) });
    }
  };

  const onShapeUp = (event: PointerEvent<SVGElement>) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId || (g.kind !== 'move' && g.kind !== 'resize')) return;
    gesture.current = null;
    const shape = shapes.find((s) => s.key === g.key);
    const result = draft?.key === g.key ? draft.geometry : null;
    setDraft(null);
    if (!shape || !result || (g.kind === 'move' && !g.moved)) return;
    change(shape, result, g.kind === 'move' ? 'Move annotation' : 'Resize annotation');
  };

  const onShapeCancel = () => {
    gesture.current = null;
    setDraft(null);
  };

  const onShapeKey = (shape: Shape, event: KeyboardEvent) => {
    const step = Math.max(1, Math.round(size.width * 0.01));
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const arrow = arrows[event.key];
    if (arrow && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      const [dx, dy] = arrow;
      if (event.shiftKey) {
        if (shape.pixels.kind === 'point') return;
        const to = growBounds(boundsOfGeometry(shape.pixels), dx, dy);
        change(shape, resizeGeometry(shape.pixels, to), 'Resize annotation');
      } else change(shape, moveGeometry(shape.pixels, dx, dy), 'Move annotation');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      event.stopPropagation();
      remove(shape);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onSelect(null);
      (event.currentTarget as SVGElement).blur();
    }
  };

  const wheel = (event: { deltaY: number; clientX: number; clientY: number }) =>
    view.zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.clientX, event.clientY);

  const newDraft = draft?.key === null ? draft.geometry : null;
  const rubber = tool === 'polygon' && vertices.length > 0 ? [...vertices, ...(hover ? [hover] : [])] : [];

  return (
    <svg
      ref={layer}
      className={`annotation-layer ${drawing ? 'drawing' : tool}`}
      data-testid="annotation-layer"
      aria-label="Annotations on the canvas"
      role="group"
      onWheel={wheel}
    >
      {shapes.map((shape) => {
        const isSelected = shape.key === selected;
        const geometry = draft?.key === shape.key ? draft.geometry : shape.pixels;
        const b = boundsOfGeometry(geometry);
        const corner = screenPoint(view, [b.x + b.w, b.y + b.h]);
        return (
          <g
            key={shape.key}
            className={`annotation-shape ${geometry.kind}${isSelected ? ' selected' : ''}`}
            role="button"
            tabIndex={drawing ? -1 : 0}
            aria-pressed={isSelected}
            aria-label={shape.description}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown Delete Escape"
            data-testid="annotation-shape"
            data-kind={geometry.kind}
            data-shape-key={shape.key}
            data-annotation-id={shape.id}
            onFocus={() => props.onSelect(shape.key)}
            onKeyDown={(event) => onShapeKey(shape, event)}
            onPointerDown={(event) => {
              props.onSelect(shape.key);
              begin(event, {
                kind: 'move',
                key: shape.key,
                pointer: event.pointerId,
                start: worldPoint(view, event),
                moved: false,
              });
            }}
            onPointerMove={onShapeMove}
            onPointerUp={onShapeUp}
            onPointerCancel={onShapeCancel}
          >
            <ShapeOutline view={view} geometry={geometry} />
            {isSelected && !drawing && geometry.kind !== 'point' ? (
              <rect
                className="annotation-handle"
                data-testid="annotation-resize-handle"
                x={corner[0] - 5}
                y={corner[1] - 5}
                width={10}
                height={10}
                aria-hidden="true"
                onPointerDown={(event) =>
                  begin(event, { kind: 'resize', key: shape.key, pointer: event.pointerId, bounds: b })
                }
                onPointerMove={onShapeMove}
                onPointerUp={onShapeUp}
                onPointerCancel={onShapeCancel}
              />
            ) : null}
          </g>
        );
      })}
      {drawing ? (
        <rect
          ref={surface}
          className="annotation-surface"
          data-testid="annotation-surface"
          width="100%"
          height="100%"
          tabIndex={0}
          role="application"
          aria-label={
            tool === 'polygon'
              ? 'Drawing surface: click each corner, click the first corner, double-click or press Enter to close; Backspace removes a corner; Escape cancels'
              : `Drawing surface (${tool}): draw with the mouse, or press Enter for a shape in the middle of the view; Escape cancels`
          }
          onPointerDown={onSurfaceDown}
          onPointerMove={onSurfaceMove}
          onPointerUp={onSurfaceUp}
          onPointerCancel={cancel}
          onDoubleClick={() => {
            if (tool === 'polygon' && vertices.length >= 3) closePolygon(vertices);
          }}
          onKeyDown={onSurfaceKey}
        />
      ) : null}
      {newDraft ? (
        <g className="annotation-draft" data-testid="annotation-draft">
          <ShapeOutline view={view} geometry={newDraft} />
        </g>
      ) : null}
      {rubber.length > 0 ? (
        <polyline
          className="annotation-draft"
          data-testid="annotation-draft"
          points={rubber.map((p) => screenPoint(view, p).join(',')).join(' ')}
        />
      ) : null}
    </svg>
  );
}

const TOOLS: readonly { tool: DrawTool; label: string; glyph: string }[] = [
  { tool: 'pan', label: 'Pan and zoom the image', glyph: '✋' },
  { tool: 'select', label: 'Select, move and resize annotations', glyph: '↖' },
  { tool: 'box', label: 'Draw a box annotation', glyph: '▭' },
  { tool: 'point', label: 'Draw a point annotation', glyph: '•' },
  { tool: 'polygon', label: 'Draw a polygon annotation', glyph: '⬠' },
  { tool: 'freehand', label: 'Draw a free-shape annotation', glyph: '✎' },
];

/** The drawing tools, for the viewer's toolbar. */
export function AnnotationTools(props: { tool: DrawTool; onTool(tool: DrawTool): void }) {
  return (
    <span className="annotation-tools" role="group" aria-label="Annotation tools">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          type="button"
          aria-label={t.label}
          title={t.label}
          aria-pressed={props.tool === t.tool}
          data-testid={`draw-${t.tool}`}
          onClick={() => props.onTool(t.tool)}
        >
          {t.glyph}
        </button>
      ))}
    </span>
  );
}
