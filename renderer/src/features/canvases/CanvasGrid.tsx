/**
 * The canvases in order, as a virtualized listbox (grid or list view). Only the rows in view, plus a couple
 * either side, are mounted (`data-mounted-cells` says how many), so 10k canvases scroll like 40.
 *
 * Accessibility: one tab stop (the listbox); the keyboard cursor is the store's `focus`, exposed through
 * aria-activedescendant, so its row is always kept mounted. Every option carries aria-posinset/aria-setsize,
 * since most of the list is not in the DOM.
 *
 * Drag and drop: use-grid-drag-drop.ts; the payload and drops from outside: canvas-drop-api.ts.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canvasItems } from '../../../../shared/iiif/canvases';
import type { JsonObject } from '../../../../shared/iiif/json';
import { documentKind } from '../../store/document-slice';
import { listOwner } from '../../store/grid-list';
import { useAppStore } from '../../store/store';
import { commandForKey, runCommand } from '../../commands/run-command';
import { navigationFor } from './canvas-keys';
import { navigateGrid } from './grid-navigation';
import { cellKeyOf } from './cell-keys';
import { CanvasCell, optionId } from './CanvasCell';
import { cutMarks, useCanvasClipboard } from './canvas-clipboard';
import { cellRect, contentHeight, gridMetrics, GRID_PADDING, indicatorRect, rowOf } from './grid-geometry';
import { useGridClipboardEvents } from './grid-clipboard-events';
import { useGridSettings } from './grid-settings';
import { indexOfTarget, useGridDragDrop } from './use-grid-drag-drop';
import './canvases.css';

const EMPTY_DOC: JsonObject = {};
/** Rows mounted beyond each edge of the viewport: enough to hide the mount during ordinary scrolling. */
const OVERSCAN_ROWS = 2;

export function CanvasGrid({ describedBy }: { describedBy?: string }) {
  // The list shown: the document's items, or those of the sub-collection opened in it (store/grid-list.ts).
  const { owner, selected, focus, documentKey } = useAppStore(
    useShallow((s) => ({
      owner: listOwner(s),
      selected: s.selected,
      focus: s.focus,
      documentKey: s.documentKey,
    })),
  );
  const { mode, thumbSize } = useGridSettings(useShallow((s) => ({ mode: s.mode, thumbSize: s.thumbSize })));
  const cut = useCanvasClipboard(cutMarks);
  // The same grid lists a collection's members (issue 17): only the words and the cells' type line differ.
  const isCollection = useAppStore((s) => documentKind(s) === 'Collection');
  const noun = isCollection ? 'Members' : 'Canvases';
  const items = canvasItems(owner ?? EMPTY_DOC);
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

  const { dragSource, dropGap, handlers } = useGridDragDrop({ scrollRef, metrics, items, documentKey });
  // Rows that must stay mounted whatever the scroll position: the cursor's and the drag source's.
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

  // ---- pointer and keyboard --------------------------------------------------------------------------------
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = indexOfTarget(event);
    if (index === null) return;
    const state = useAppStore.getState();
    if (event.shiftKey) state.selectRange(index);
    else if (event.metaKey || event.ctrlKey) state.toggle(index);
    else state.selectOnly(index);
  };

  // Double-click opens the item, as Enter does: a collection's member (see the command table's open-member).
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (indexOfTarget(event) !== null) runCommand('open-member');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const navigation = navigationFor(event);
    const command = navigation ? null : commandForKey(event, 'grid');
    if (!navigation && !command) return;
    event.preventDefault();
    event.stopPropagation();
    if (command) return runCommand(command.id);
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / metrics.cellHeight));
    if (navigation) navigateGrid(navigation, { metrics, count, visibleRows });
  };

  // The Edit menu's Cut, Copy and Paste arrive as clipboard events, not key presses.
  useGridClipboardEvents(scrollRef);

  // ---- cells -----------------------------------------------------------------------------------------------
  const pixelRatio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const cells: ReactNode[] = [];
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
          member={isCollection}
        />,
      );
    }
  }
  const indicator = dropGap !== null ? indicatorRect(dropGap, metrics, count) : null;
  // A listbox must own options: with no canvases it is a plain focusable group (still the drop and paste
  // target), which says it is empty instead of announcing a list with nothing in it.
  const empty = count === 0;

  return (
    <div
      ref={scrollRef}
      id="canvas-listbox"
      className={`canvas-grid ${mode}-view`}
      role={empty ? 'group' : 'listbox'}
      aria-multiselectable={empty ? undefined : true}
      aria-label={empty ? `${noun} in order: none yet` : `${noun} in order`}
      aria-describedby={describedBy}
      aria-activedescendant={focus !== null && focus < count ? optionId(focus) : undefined}
      tabIndex={0}
      data-testid="canvas-grid"
      data-mounted-cells={cells.length}
      data-columns={metrics.columns}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
      {...handlers}
    >
      <div
        role="presentation"
        className="canvas-grid-content"
        style={{ height: contentHeight(count, metrics) }}
      >
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
      {count === 0 ? <p className="muted canvas-grid-empty">No {noun.toLowerCase()} yet.</p> : null}
    </div>
  );
}
