/**
 * The canvases in order, as a virtualized listbox (grid or list view). Only the rows in view, plus a couple
 * either side, are mounted (`data-mounted-cells` says how many), so 10k canvases scroll like 40.
 *
 * Accessibility: one tab stop (the listbox); the keyboard cursor is the store's `focus`, exposed through
 * aria-activedescendant, so its row is always kept mounted. Every option carries aria-posinset/aria-setsize,
 * since most of the list is not in the DOM.
 *
 * Drag and drop (see canvas-drop-api.ts for the payload): dragging a cell drags the selection (or just that
 * cell when it is not selected); the gap under the pointer is drawn as the drop indicator; near the top or
 * bottom edge the grid auto-scrolls; the drop commits one move. The dragged cell's row stays mounted during
 * the drag, because a drag whose source element is removed never gets its dragend.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { itemsOf } from '../../../../shared/iiif/document/canvas-list';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { announce } from './announcer';
import { createAutoScroller, type AutoScroller } from './auto-scroll';
import { runCanvasCommand } from './canvas-commands';
import { canvasCommandFor } from './canvas-keys';
import {
  externalDropHandlerFor,
  isCanvasDrag,
  readCanvasDrag,
  writeCanvasDrag,
} from './canvas-drop-api';
import { CanvasCell, optionId } from './CanvasCell';
import { reorderCanvases, pasteAfterFocus, cutSelection } from './canvas-actions';
import { useCanvasClipboard } from './canvas-clipboard';
import { cellRect, contentHeight, gapAt, gridMetrics, indicatorRect, rowOf, GRID_PADDING } from './grid-geometry';
import { useGridSettings } from './grid-settings';
import { sortedIndices } from './order-math';
import { cellKeyOf } from './cell-keys';

const EMPTY_DOC: JsonObject = {};
/** Rows mounted beyond each edge of the viewport: enough to hide the mount during ordinary scrolling. */
const OVERSCAN_ROWS = 2;

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

export function CanvasGrid({ describedBy }: { describedBy?: string }) {
  const { doc, selected, focus, documentKey } = useAppStore(
    useShallow((s) => ({ doc: s.doc, selected: s.selected, focus: s.focus, documentKey: s.documentKey })),
  );
  const { mode, thumbSize } = useGridSettings(useShallow((s) => ({ mode: s.mode, thumbSize: s.thumbSize })));
  const cut = useCanvasClipboard((s) => s.cut);
  const items = itemsOf(doc ?? EMPTY_DOC);
  const count = items.length;

  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const metrics = useMemo(() => gridMetrics(mode, thumbSize, width), [mode, thumbSize, width]);
  const rows = Math.ceil(count / metrics.columns);

  // Rows that must stay mounted whatever the scroll position: the cursor's and the drag source's.
  const [dragSource, setDragSource] = useState<{ indices: ReadonlySet<number>; row: number } | null>(null);
  const focusRow = focus !== null && focus < count ? rowOf(focus, metrics) : null;
  const pinnedRow = dragSource?.row ?? null;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const pinned of [focusRow, pinnedRow]) {
        if (pinned !== null && pinned < range.count && !indexes.includes(pinned)) indexes.push(pinned);
      }
      return indexes.sort((a, b) => a - b);
    },
    [focusRow, pinnedRow],
  );
  // The virtualizer is read afresh on every render; nothing memoizes what it returns (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => metrics.cellHeight,
    overscan: OVERSCAN_ROWS,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
    rangeExtractor,
    // Before the first measurement (and in tests without layout) assume a modest viewport.
    initialRect: { width: 300, height: 800 },
  });
  useEffect(() => virtualizer.measure(), [virtualizer, metrics.cellHeight]);

  // Keep the cursor in view when it moves (keys, actions) or the layout changes. Checked against the
  // virtualizer's cached scroll position first: scrolling (even to where it is) forces a synchronous layout,
  // which after a drop at 10k canvases costs more than the drop itself.
  useEffect(() => {
    if (focusRow === null) return;
    const top = GRID_PADDING + focusRow * metrics.cellHeight;
    const viewTop = virtualizer.scrollOffset ?? 0;
    const viewHeight = virtualizer.scrollRect?.height ?? 0;
    if (top >= viewTop && top + metrics.cellHeight <= viewTop + viewHeight) return;
    virtualizer.scrollToIndex(focusRow, { align: 'auto' });
  }, [virtualizer, focusRow, metrics]);

  // ---- drag and drop ---------------------------------------------------------------------------------------
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
  }, [metrics, count]);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const scroller = createAutoScroller(element, () => setDropGap(gapUnderPointer()));
    autoScroller.current = scroller;
    return () => scroller.stop();
  }, [gapUnderPointer]);

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
    pointer.current = { x: event.clientX, y: event.clientY };
    const gap = gapUnderPointer() ?? count;
    const payload = handler ? null : readCanvasDrag(event.dataTransfer);
    endDrag();
    if (handler) void handler.drop(event.dataTransfer, gap);
    else if (payload?.documentKey === documentKey) reorderCanvases(payload.indices, gap);
    else announce('Canvases dragged from another document cannot be dropped here.');
  };

  // ---- pointer and keyboard --------------------------------------------------------------------------------
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = indexOfTarget(event);
    if (index === null) return;
    const state = useAppStore.getState();
    if (event.shiftKey) state.selectRange(index);
    else if (event.metaKey || event.ctrlKey) state.toggle(index);
    else state.selectOnly(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = canvasCommandFor(event);
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / metrics.cellHeight));
    runCanvasCommand(command, { metrics, count, visibleRows });
  };

  // Electron's Edit menu (role cut/paste) sends clipboard events rather than key presses.
  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    cutSelection();
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    pasteAfterFocus();
  };

  // ---- cells -----------------------------------------------------------------------------------------------
  const pixelRatio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const cells: React.ReactNode[] = [];
  const usedKeys = new Set<string>();
  for (const row of virtualizer.getVirtualItems()) {
    for (let column = 0; column < metrics.columns; column += 1) {
      const index = row.index * metrics.columns + column;
      if (index >= count) break;
      const canvas = items[index] ?? null;
      const rect = cellRect(index, metrics);
      let key = cellKeyOf(canvas, index);
      if (usedKeys.has(key)) key = `${key}@${index}`;
      usedKeys.add(key);
      cells.push(
        <CanvasCell
          key={key}
          canvas={canvas}
          index={index}
          count={count}
          selected={selected.has(index)}
          focused={focus === index}
          cut={cut.has(canvas)}
          dragging={dragSource?.indices.has(index) ?? false}
          x={rect.x}
          y={rect.y}
          width={rect.width}
          height={rect.height}
          thumbWidth={metrics.thumbWidth}
          thumbHeight={metrics.thumbHeight}
          pixelRatio={pixelRatio}
        />,
      );
    }
  }
  const indicator = dropGap !== null ? indicatorRect(dropGap, metrics, count) : null;

  return (
    <div
      ref={scrollRef}
      id="canvas-listbox"
      className={`canvas-grid ${mode}-view`}
      role="listbox"
      aria-multiselectable="true"
      aria-label="Canvases in order"
      aria-describedby={describedBy}
      aria-activedescendant={focus !== null && focus < count ? optionId(focus) : undefined}
      tabIndex={0}
      data-testid="canvas-grid"
      data-mounted-cells={cells.length}
      data-columns={metrics.columns}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onCut={onCut}
      onPaste={onPaste}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onDragEnd={endDrag}
    >
      <div role="presentation" className="canvas-grid-content" style={{ height: contentHeight(count, metrics) }}>
        {cells}
        {indicator ? (
          <div
            className="drop-indicator"
            data-testid="drop-indicator"
            data-gap={dropGap ?? undefined}
            aria-hidden="true"
            style={{
              transform: `translate(${indicator.x}px, ${indicator.y}px)`,
              width: indicator.width,
              height: indicator.height,
            }}
          />
        ) : null}
      </div>
      {count === 0 ? <p className="muted canvas-grid-empty">No canvases yet.</p> : null}
    </div>
  );
}

function indexOfTarget(event: { target: EventTarget }): number | null {
  const option = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
  const index = option ? Number(option.dataset['index']) : NaN;
  return Number.isInteger(index) ? index : null;
}
