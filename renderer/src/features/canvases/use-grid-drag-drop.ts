/**
 * Drag and drop on the canvas grid (payload and handlers for outside drags: canvas-drop-api.ts).
 *
 * Dragging a cell drags the selection, or just that cell when it is not selected. While something droppable is
 * over the grid, the gap under the pointer is the drop indicator, and near the top or bottom edge the grid
 * auto-scrolls (auto-scroll.ts). The drop commits one move (canvas-actions) or hands the drop to the handler
 * registered for that kind of drag. The dragged cell's row must stay mounted during the drag (`dragSource.row`),
 * because a drag whose source element is removed never gets its dragend.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { JsonArray } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { announce } from './announcer';
import { createAutoScroller, type AutoScroller } from './auto-scroll';
import { carryCanvases } from '../documents/canvas-transfer';
import { reorderCanvases } from './canvas-actions';
import { externalDropHandlerFor, isCanvasDrag, readCanvasDrag, writeCanvasDrag } from './canvas-drop-api';
import { gapAt, rowOf, type GridMetrics } from './grid-geometry';
import { sortedIndices } from './order-math';

export interface DragSource {
  readonly indices: ReadonlySet<number>;
  readonly row: number;
}

interface Grid {
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly metrics: GridMetrics;
  readonly items: JsonArray;
  readonly documentKey: string;
}

/** The index of the option an event happened in (event delegation: cells have no handlers of their own). */
export function indexOfTarget(event: { target: EventTarget }): number | null {
  const option =
    event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
  const index = option ? Number(option.dataset['index']) : NaN;
  return Number.isInteger(index) ? index : null;
}

function idOfItem(item: unknown, index: number): string {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : `#${index + 1}`;
}

/** A small "5 canvases" label to drag instead of a screenshot of the cell. */
function setDragLabel(event: DragEvent, count: number) {
  const ghost = document.createElement('div');
  ghost.className = 'canvas-drag-ghost';
  ghost.textContent = count === 1 ? '1 canvas' : `${count} canvases`;
  document.body.appendChild(ghost);
  event.dataTransfer.setDragImage(ghost, 12, 12);
  // The browser snapshots the element during dragstart; it can go right after.
  requestAnimationFrame(() => ghost.remove());
}

/** Ctrl, Alt or Cmd held at the drop copies canvases into another document; otherwise they move. */
export function copyHeld(event: { ctrlKey: boolean; altKey: boolean; metaKey: boolean }): 'move' | 'copy' {
  return event.ctrlKey || event.altKey || event.metaKey ? 'copy' : 'move';
}

export function useGridDragDrop({ scrollRef, metrics, items, documentKey }: Grid) {
  const count = items.length;
  const [dragSource, setDragSource] = useState<DragSource | null>(null);
  const [dropGap, setDropGap] = useState<number | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const autoScroller = useRef<AutoScroller | null>(null);

  const gapUnderPointer = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !pointer.current) return null;
    const box = element.getBoundingClientRect();
    const point = {
      x: pointer.current.x - box.left + element.scrollLeft,
      y: pointer.current.y - box.top + element.scrollTop,
    };
    return gapAt(point, metrics, count);
  }, [scrollRef, metrics, count]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const scroller = createAutoScroller(element, () => setDropGap(gapUnderPointer()));
    autoScroller.current = scroller;
    return () => scroller.stop();
  }, [scrollRef, gapUnderPointer]);

  const endDrag = () => {
    autoScroller.current?.stop();
    pointer.current = null;
    setDropGap(null);
    setDragSource(null);
  };

  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    const index = indexOfTarget(event);
    if (index === null) return;
    const state = useAppStore.getState();
    if (!state.selected.has(index)) state.selectOnly(index);
    else state.setFocus(index);
    const dragged = sortedIndices(useAppStore.getState().selected, count);
    writeCanvasDrag(
      event.dataTransfer,
      { documentKey, indices: dragged },
      dragged.map((i) => idOfItem(items[i], i)),
    );
    setDragLabel(event, dragged.length);
    setDragSource({ indices: new Set(dragged), row: rowOf(index, metrics) });
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    const types = [...event.dataTransfer.types];
    const internal = isCanvasDrag(types);
    if (!internal && !externalDropHandlerFor(types)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = internal ? 'move' : 'copy';
    pointer.current = { x: event.clientX, y: event.clientY };
    const gap = gapUnderPointer();
    if (gap !== dropGap) setDropGap(gap);
    autoScroller.current?.update(event.clientY);
  };

  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // dragleave also fires when passing from one cell to another: only the pointer leaving the box counts.
    const box = event.currentTarget.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    if (x <= box.left || x >= box.right || y <= box.top || y >= box.bottom) {
      autoScroller.current?.stop();
      setDropGap(null);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const types = [...event.dataTransfer.types];
    const handler = isCanvasDrag(types) ? null : externalDropHandlerFor(types);
    if (!isCanvasDrag(types) && !handler) return endDrag();
    // Not the browser's to open. Propagation goes on: window-level handlers (drop-to-open) decide by content.
    event.preventDefault();
    // The drop's own position, not the last dragover's: browsers drop dragovers while the page is busy.
    pointer.current = { x: event.clientX, y: event.clientY };
    const gap = gapUnderPointer() ?? count;
    const payload = handler ? null : readCanvasDrag(event.dataTransfer);
    endDrag();
    if (handler) void handler.drop(event.dataTransfer, gap);
    else if (payload?.documentKey === documentKey) reorderCanvases(payload.indices, gap);
    // From another open document (its tab was held under the drag until this one came to the front).
    else if (payload) carryCanvases(payload.documentKey, payload.indices, documentKey, copyHeld(event), gap);
    else announce('Those canvases cannot be dropped here.');
  };

  return {
    dragSource,
    dropGap,
    handlers: { onDragStart, onDragOver, onDragLeave, onDrop, onDragEnd: endDrag },
  };
}
