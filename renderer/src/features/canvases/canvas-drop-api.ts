/**
 * Dropping things on the canvas grid: the contract between the grid and whoever drags onto it.
 *
 * Internal drags (reordering): the drag carries CANVAS_DRAG_MIME, whose data is JSON
 *   { "documentKey": string, "indices": number[] }
 * (`documentKey` is the store's documentKey, so a drag from another document or window is not mistaken for a
 * reorder), plus text/plain with the canvas ids, one per line, for drops into text editors.
 *
 * Drops from outside (the sources panel, files from the desktop): register a handler with
 * useCanvasDropHandler (or registerCanvasDropHandler). While something is dragged over the grid, the grid
 * shows the drop indicator for every drag whose `dataTransfer.types` some handler accepts; on drop it calls
 * that handler with the DataTransfer and the gap under the pointer (0 = before the first canvas, `count` =
 * after the last). The handler builds its canvases (it may await network work) and inserts them with
 * insertCanvasesAt(position, canvases), which commits one undo step and selects them. Example:
 *
 *   useCanvasDropHandler({
 *     accepts: (types) => types.includes('application/x-tessera-source-images'),
 *     drop: async (data, position) => {
 *       const canvases = await canvasesFor(JSON.parse(data.getData('application/x-tessera-source-images')));
 *       insertCanvasesAt(position, canvases, 'Add images');
 *     },
 *   });
 */
import { useEffect, useRef } from 'react';

export { insertCanvasesAt } from './canvas-actions';

export const CANVAS_DRAG_MIME = 'application/x-tessera-canvases';

export interface CanvasDragPayload {
  readonly documentKey: string;
  readonly indices: readonly number[];
}

export interface CanvasDropHandler {
  /** Whether this handler takes a drag with these types (data itself is unreadable until the drop). */
  accepts(types: readonly string[]): boolean;
  /** Handles the drop at `position` (a gap index). */
  drop(data: DataTransfer, position: number): void | Promise<void>;
}

const handlers = new Set<CanvasDropHandler>();

export function registerCanvasDropHandler(handler: CanvasDropHandler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

/** Registers `handler` while the calling component is mounted; the latest render's handler is used. */
export function useCanvasDropHandler(handler: CanvasDropHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      registerCanvasDropHandler({
        accepts: (types) => latest.current.accepts(types),
        drop: (data, position) => latest.current.drop(data, position),
      }),
    [],
  );
}

/** The registered handler for a drag from outside, if any (the most recently registered wins). */
export function externalDropHandlerFor(types: readonly string[]): CanvasDropHandler | null {
  let found: CanvasDropHandler | null = null;
  for (const handler of handlers) if (handler.accepts(types)) found = handler;
  return found;
}

export function isCanvasDrag(types: readonly string[]): boolean {
  return types.includes(CANVAS_DRAG_MIME);
}

export function writeCanvasDrag(
  data: DataTransfer,
  payload: CanvasDragPayload,
  ids: readonly string[],
): void {
  data.setData(CANVAS_DRAG_MIME, JSON.stringify(payload));
  data.setData('text/plain', ids.join('\n'));
  data.effectAllowed = 'move';
}

/** The payload of an internal drag, or null when the data is absent or not ours. */
export function readCanvasDrag(data: DataTransfer): CanvasDragPayload | null {
  try {
    const value = JSON.parse(data.getData(CANVAS_DRAG_MIME)) as Partial<CanvasDragPayload>;
    if (typeof value.documentKey !== 'string' || !Array.isArray(value.indices)) return null;
    const indices = value.indices.filter((i): i is number => Number.isInteger(i));
    return { documentKey: value.documentKey, indices };
  } catch {
    return null;
  }
}
