/**
 * The one deep-zoom viewer (as Mirador does it: one OpenSeadragon instance, reused, is what keeps tiles,
 * memory and WebGL contexts bounded when the canvas changes): this component owns a single OpenSeadragon
 * instance for as long as it is mounted and changes what it shows by keeping the world in step (world-sync),
 * never by creating another viewer. It shows a scene: one canvas (the editor) or several side by side (the
 * preview's openings and strips), with every painting annotation at its target, crops clipped, rotations
 * turned, Choice layers switchable. Overlays (composition handles, page labels) get a view transform on every
 * frame the view moves; the viewport leaves the component only through a debounced callback, never the store.
 */
import OpenSeadragon from 'openseadragon';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { backdropSpec, imageSpec } from './image-specs';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import { LayerSwitcher } from './LayerSwitcher';
import { stopKeyboardMotion } from './keyboard-motion';
import { idOf } from '../../../../shared/iiif/fields';
import {
  canvasWorldRect,
  sceneBounds,
  sceneImages,
  singleCanvasScene,
  type SceneCanvas,
  type SceneImage,
} from './scene';
import { transformFor, type ViewTransform } from './view-transform';
import { WorldSync, type ItemState } from './world-sync';
import { Icon } from '../../components/icons';
import { useZoomTarget, ZOOM_STEP } from './viewer-zoom';
import './viewer.css';

export interface DeepZoomViewerProps {
  /** One canvas (the editor)… */
  canvas?: JsonObject | null;
  /** …or a scene of several canvases (the preview). Takes precedence over `canvas`. */
  scene?: readonly SceneCanvas[];
  /** What "fit" frames (default: the whole scene). A new key fits the view again. */
  fit?: { readonly key: string; readonly rect: Rect } | null;
  /** View-only opacity per painted item key (an alignment aid, never saved). */
  opacity?: ReadonlyMap<string, number>;
  /** Drawn above the image, re-rendered as the view moves. */
  overlay?: (view: ViewTransform, images: readonly SceneImage[]) => ReactNode;
  /** Extra buttons for the viewer's toolbar. */
  controls?: ReactNode;
  /** The visible world rectangle, once the view has settled (debounced). */
  onViewportChange?: (bounds: Rect) => void;
  label?: string;
  emptyText?: string;
}

/** Quiet period before the viewport is reported: a pan or zoom animation fires an event on every frame. */
const VIEWPORT_DEBOUNCE_MS = 200;

function osdRect(rect: Rect): OpenSeadragon.Rect {
  return new OpenSeadragon.Rect(rect.x, rect.y, rect.width, rect.height);
}

function sceneIdentity(scene: readonly SceneCanvas[]): string {
  return scene.map((e) => `${e.key}@${idOf(e.canvas) ?? ''}:${e.x},${e.y},${e.scale}`).join('|');
}

export function DeepZoomViewer(props: DeepZoomViewerProps) {
  const { canvas, fit, opacity, overlay, controls, onViewportChange } = props;
  const scene = useMemo(() => props.scene ?? singleCanvasScene(canvas ?? null), [props.scene, canvas]);
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  const sync = useRef<WorldSync | null>(null);
  const reportViewport = useRef(onViewportChange);
  const pendingFit = useRef<Rect | null>(null);
  const latestFit = useRef<Rect | null>(null);
  /** True until the user zooms or pans: while it is, a resized viewer fits again instead of cropping. */
  const autoFit = useRef(true);
  const [states, setStates] = useState<ReadonlyMap<string, ItemState>>(() => new Map());
  const [shown, setShown] = useState(0);
  const [view, setView] = useState<ViewTransform | null>(null);
  const [choices, setChoices] = useState<ReadonlyMap<string, number>>(() => new Map());

  const fitRect = fit?.rect ?? sceneBounds(scene);
  const fitKey = fit?.key ?? sceneIdentity(scene);
  useEffect(() => {
    reportViewport.current = onViewportChange;
    latestFit.current = fitRect;
  });

  useEffect(() => {
    if (!host.current) return;
    const instance = OpenSeadragon({
      element: host.current,
      // Our own controls: the default ones load button images from a prefix URL we do not ship.
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: 'BOTTOM_RIGHT',
      // The 2D canvas drawer draws images from servers without CORS (WebGL needs CORS for textures), and its
      // pixels are what a screenshot shows.
      drawer: 'canvas',
      gestureSettingsMouse: { clickToZoom: false },
      crossOriginPolicy: false,
      keyboardNavEnabled: true,
      animationTime: 0.6,
      visibilityRatio: 0.2,
      // We decide when to fit (a new canvas), not every arrival of an image.
      preserveViewport: true,
      preserveImageSizeOnResize: true,
    });
    // An interactive widget of its own keys (pan, zoom): role application lets it take them, and a div may
    // only carry a name once it has a role.
    instance.canvas.setAttribute('role', 'application');
    instance.canvas.setAttribute(
      'aria-label',
      'Image view: arrow keys or W A S D pan, = (or +) and − zoom, 0 fits the whole view',
    );
    // "Home" (the 0 key, the navigator) is the canvas or opening being shown, not OpenSeadragon's union of
    // everything in the world, which images hanging over a canvas edge would enlarge.
    const home = instance.viewport.goHome.bind(instance.viewport);
    instance.viewport.goHome = (immediately?: boolean) => {
      autoFit.current = true;
      stopKeyboardMotion(instance);
      const rect = latestFit.current;
      return rect ? instance.viewport.fitBounds(osdRect(rect), immediately) : home(immediately);
    };
    let frame = 0;
    let animation = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const redraw = () => {
      if (animation) return;
      animation = requestAnimationFrame(() => {
        animation = 0;
        frame += 1;
        setView(transformFor(instance, frame));
      });
    };
    const worldSync = new WorldSync(instance, (next) => {
      setStates(next);
      setShown(worldSync.shownCount());
    });
    worldSync.whenAdded(() => {
      // The first image of a new scene has arrived: fit now that OpenSeadragon knows the world's size.
      if (pendingFit.current) instance.viewport.fitBounds(osdRect(pendingFit.current), true);
      pendingFit.current = null;
      redraw();
    });
    instance.addHandler('viewport-change', () => {
      if (resized && autoFit.current && latestFit.current) {
        instance.viewport.fitBounds(osdRect(latestFit.current), true);
      }
      resized = false;
      redraw();
      clearTimeout(settle);
      settle = setTimeout(() => {
        const bounds = instance.viewport.getBounds();
        reportViewport.current?.({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height });
      }, VIEWPORT_DEBOUNCE_MS);
    });
    // OpenSeadragon adjusts the zoom after its 'resize' event, so the fit waits for the change that follows.
    let resized = false;
    instance.addHandler('resize', () => {
      resized = true;
    });
    const userMoved = () => {
      autoFit.current = false;
    };
    instance.addHandler('canvas-drag', userMoved);
    instance.addHandler('canvas-scroll', userMoved);
    instance.addHandler('canvas-key', (event) => {
      const key = event.originalEvent as KeyboardEvent;
      if (key.key === '0' && !key.ctrlKey && !key.altKey && !key.metaKey) {
        // "0" fits exactly as the Fit button does. OpenSeadragon's own handler follows home with
        // applyConstraints, which left the canvas a few percent off the fitted size.
        event.preventDefaultAction = true;
        instance.viewport.goHome();
        return;
      }
      userMoved();
    });
    instance.addHandler('canvas-pinch', userMoved);
    instance.addHandler('navigator-click', userMoved);
    instance.addHandler('navigator-drag', userMoved);
    viewer.current = instance;
    sync.current = worldSync;
    redraw();
    return () => {
      cancelAnimationFrame(animation);
      clearTimeout(settle);
      instance.destroy();
      viewer.current = null;
      sync.current = null;
    };
  }, []);

  const images = useMemo(() => sceneImages(scene, choices), [scene, choices]);
  const specs = useMemo(
    () => [
      ...scene.map(backdropSpec),
      ...images.map((image) => imageSpec(image, opacity?.get(image.item.key) ?? 1)),
    ],
    [scene, images, opacity],
  );
  useEffect(() => sync.current?.sync(specs), [specs]);

  useEffect(() => {
    const rect = latestFit.current;
    pendingFit.current = rect;
    autoFit.current = true;
    if (viewer.current) stopKeyboardMotion(viewer.current);
    if (rect) viewer.current?.viewport.fitBounds(osdRect(rect), true);
  }, [fitKey]);

  const zoom = (factor: number) => {
    autoFit.current = false;
    viewer.current?.viewport.zoomBy(factor);
    viewer.current?.viewport.applyConstraints();
  };
  useZoomTarget(zoom);
  const fitView = () => {
    const instance = viewer.current;
    if (!instance) return;
    autoFit.current = true;
    stopKeyboardMotion(instance);
    if (latestFit.current) instance.viewport.fitBounds(osdRect(latestFit.current));
  };

  const failed = images.filter((image) => states.get(image.worldKey)?.state === 'failed');
  const tilesMissing = images.filter((image) => {
    const state = states.get(image.worldKey);
    return state?.state === 'shown' && state.tilesFailed;
  });
  const firstReason = failed
    .map((image) => states.get(image.worldKey))
    .find((state) => state?.state === 'failed');

  return (
    <section className="viewer" aria-label={props.label ?? 'Deep-zoom viewer'}>
      <div ref={host} className="viewer-canvas" data-testid="viewer" data-loaded-images={shown} />
      <div className="viewer-overlay" aria-hidden={overlay ? undefined : true}>
        {view
          ? scene.map((entry) => {
              const box = view.toScreen(canvasWorldRect(entry));
              return (
                <div
                  key={entry.key}
                  className="viewer-canvas-frame"
                  data-testid="canvas-frame"
                  data-canvas-key={entry.key}
                  style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
                />
              );
            })
          : null}
        {view
          ? [...failed, ...tilesMissing].map((image) => {
              const box = view.toScreen(image.target);
              const total = failed.includes(image);
              const name = image.layer.label || image.item.label || 'Image';
              return (
                <div
                  key={image.worldKey}
                  className={total ? 'viewer-placeholder' : 'viewer-placeholder partial'}
                  data-testid="image-placeholder"
                  role="img"
                  aria-label={`${name}: ${total ? 'image unavailable' : 'some tiles unavailable'}`}
                  style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
                >
                  <span>{total ? 'Image unavailable' : 'Some tiles unavailable'}</span>
                </div>
              );
            })
          : null}
        {view && overlay ? overlay(view, images) : null}
      </div>
      <div className="viewer-controls" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom in">
          <Icon name="zoom-in" />
        </button>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)} aria-label="Zoom out">
          <Icon name="zoom-out" />
        </button>
        <button type="button" onClick={fitView} aria-label="Fit to canvas">
          <Icon name="fit" />
        </button>
        {controls}
      </div>
      <LayerSwitcher
        images={images}
        onChoose={(choiceKey, index) => setChoices((current) => new Map(current).set(choiceKey, index))}
      />
      {failed.length > 0 || tilesMissing.length > 0 ? (
        <p className="viewer-failure" role="status" data-testid="viewer-failure">
          {failed.length > 0
            ? `${failed.length === 1 ? 'One image' : `${failed.length} images`} could not be loaded` +
              (firstReason?.state === 'failed' ? ` (${firstReason.reason})` : '') +
              '. The rest is shown.'
            : 'Some tiles could not be loaded; the placeholders show where.'}
        </p>
      ) : null}
      {scene.length === 0 ? (
        <p className="viewer-empty">{props.emptyText ?? 'Select a canvas to see it here.'}</p>
      ) : null}
    </section>
  );
}
