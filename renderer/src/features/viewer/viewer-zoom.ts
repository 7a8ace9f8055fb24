/**
 * The Zoom In and Zoom Out commands reach the deep-zoom viewer on screen through here: each mounted viewer
 * offers its zoom (the viewer keeps its OpenSeadragon instance to itself) and the commands use the one mounted
 * last. With no viewer on screen the commands are disabled.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/** One press of Zoom in (Zoom out divides by it), from the viewer's buttons or the commands. */
export const ZOOM_STEP = 1.4;

type Zoom = (factor: number) => void;

export const useViewerZoom = create<{ targets: readonly Zoom[] }>()(() => ({ targets: [] }));

export function hasViewer(): boolean {
  return useViewerZoom.getState().targets.length > 0;
}

export function zoomViewer(factor: number): void {
  useViewerZoom.getState().targets.at(-1)?.(factor);
}

/** Offers a viewer's zoom to the commands while it is mounted. */
export function useZoomTarget(zoom: Zoom): void {
  const latest = useRef(zoom);
  useEffect(() => {
    latest.current = zoom;
  });
  useEffect(() => {
    const target: Zoom = (factor) => latest.current(factor);
    useViewerZoom.setState((s) => ({ targets: [...s.targets, target] }));
    return () => useViewerZoom.setState((s) => ({ targets: s.targets.filter((t) => t !== target) }));
  }, []);
}
