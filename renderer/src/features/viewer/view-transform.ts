/**
 * How overlays (composition handles, page labels, placeholders) find their place on screen: world rectangles to
 * CSS pixels of the viewer's box and back. A fresh transform is handed out on each frame the view changes, so
 * overlays re-render with the view without ever putting the viewport in the store.
 */
import OpenSeadragon from 'openseadragon';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import type { Point } from './placement';

export interface ViewTransform {
  /** Increases whenever the view changed. */
  readonly frame: number;
  /** A world rectangle in CSS pixels relative to the viewer's box. */
  toScreen(rect: Rect): Rect;
  /** Pointer (client) coordinates to a world point. */
  toWorld(clientX: number, clientY: number): Point;
  /** Zooms about a pointer position: overlays sit above OpenSeadragon and must pass the wheel on. */
  zoomAt(factor: number, clientX: number, clientY: number): void;
}

export function transformFor(viewer: OpenSeadragon.Viewer, frame: number): ViewTransform {
  const toViewport = (clientX: number, clientY: number) => {
    const box = viewer.element.getBoundingClientRect();
    return viewer.viewport.viewerElementToViewportCoordinates(
      new OpenSeadragon.Point(clientX - box.left, clientY - box.top),
    );
  };
  return {
    frame,
    toScreen(rect) {
      const r = viewer.viewport.viewportToViewerElementRectangle(
        new OpenSeadragon.Rect(rect.x, rect.y, rect.width, rect.height),
      );
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    toWorld(clientX, clientY) {
      const point = toViewport(clientX, clientY);
      return { x: point.x, y: point.y };
    },
    zoomAt(factor, clientX, clientY) {
      viewer.viewport.zoomBy(factor, toViewport(clientX, clientY));
      viewer.viewport.applyConstraints();
    },
  };
}
