/**
 * The one deep-zoom viewer (architecture §7, as Mirador does it): this component owns a single OpenSeadragon
 * instance for the app's lifetime and swaps what it shows when the canvas changes; there is never a viewer per
 * thumbnail. Images are placed at their annotation targets in canvas coordinates (canvas width = 1 unit).
 */
import OpenSeadragon from 'openseadragon';
import { useEffect, useRef, useState } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { placedImages } from './tile-sources';

interface Props {
  canvas: JsonObject | null;
}

export function DeepZoomViewer({ canvas }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    if (!host.current) return;
    const instance = OpenSeadragon({
      element: host.current,
      // Our own controls below: the default ones load button images from a prefix URL we do not ship.
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: 'BOTTOM_RIGHT',
      gestureSettingsMouse: { clickToZoom: false },
      crossOriginPolicy: false,
      keyboardNavEnabled: true,
      animationTime: 0.6,
      visibilityRatio: 0.5,
      preserveImageSizeOnResize: true,
    });
    instance.addHandler('add-item-failed', (event) => {
      const source = (event as unknown as { source?: unknown }).source;
      setFailures((list) => [...list, typeof source === 'string' ? source : 'an image']);
    });
    instance.addHandler('tile-load-failed', () =>
      setFailures((list) => (list.length > 0 ? list : ['some tiles'])),
    );
    instance.world.addHandler('add-item', () => setLoaded((n) => n + 1));
    viewer.current = instance;
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance) return;
    instance.world.removeAll();
    setFailures([]);
    setLoaded(0);
    if (!canvas) return;
    const canvasWidth = typeof canvas['width'] === 'number' && canvas['width'] > 0 ? canvas['width'] : 1000;
    for (const image of placedImages(canvas)) {
      const placement = {
        x: image.x / canvasWidth,
        y: image.y / canvasWidth,
        width: image.width / canvasWidth,
      };
      instance.addTiledImage({
        tileSource:
          image.source.kind === 'iiif' ? image.source.infoUrl : { type: 'image', url: image.source.url },
        ...placement,
      });
    }
  }, [canvas]);

  const zoom = (factor: number) => viewer.current?.viewport.zoomBy(factor);
  return (
    <section className="viewer" aria-label="Deep-zoom viewer">
      <div ref={host} className="viewer-canvas" data-testid="viewer" data-loaded-images={loaded} />
      <div className="viewer-controls" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoom(1.4)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.4)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => viewer.current?.viewport.goHome()} aria-label="Fit to canvas">
          ⤢
        </button>
      </div>
      {failures.length > 0 ? (
        <p className="viewer-failure" role="status">
          Some images could not be loaded ({failures.length}). The rest of the canvas is shown.
        </p>
      ) : null}
      {!canvas ? <p className="viewer-empty">Select a canvas to see it here.</p> : null}
    </section>
  );
}
