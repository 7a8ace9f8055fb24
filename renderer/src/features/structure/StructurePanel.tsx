/**
 * The structure panel beside the canvas grid: the table of contents as a WAI-ARIA tree (role=tree, treeitems
 * with aria-level, aria-expanded, aria-setsize/posinset), virtualized with @tanstack/react-virtual so that
 * thousands of Ranges scroll smoothly, one tab stop with aria-activedescendant (as the canvas grid does).
 * The tree is derived from the document on every change; gestures become edits in structure-actions.ts.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { listAt } from '../../../../shared/iiif/structure';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import {
  dropItem,
  mergeFocused,
  moveFocused,
  newRangeFromSelection,
  removeFocused,
  renameAt,
  selectCanvasesInNoRange,
  showRowCanvases,
  splitAtFocused,
  wrapFocused,
} from './structure-actions';
import { useStructureStore } from './structure-store';
import { GenerateTocDialog } from './GenerateTocDialog';
import { RegionForm } from './RegionForm';
import { TimeRangeForm } from './TimeRangeForm';
import { StructureTools } from './StructureTools';
import { treeCommandFor, typeAheadMatch } from './tree-keys';
import { treeRows, type TreeRow } from './tree-rows';
import { Icon } from '../../components/icons';
import './structure.css';

const ROW_HEIGHT = 28;
const DRAG_TYPE = 'application/x-tessera-range-item';

function rowId(key: string): string {
  return `toc-row-${key.replace(/\./g, '-')}`;
}

export function StructurePanel() {
  const open = useStructureStore((s) => s.open);
  return open ? <StructureTree /> : null;
}

function StructureTree() {
  const doc = useAppStore((s) => s.doc);
  const languages = useDisplayLanguages();
  const collapsed = useStructureStore((s) => s.collapsed);
  const focusKey = useStructureStore((s) => s.focusKey);
  const editingKey = useStructureStore((s) => s.editingKey);
  const announcement = useStructureStore((s) => s.announcement);
  const rows = useMemo(() => (doc ? treeRows(doc, collapsed, languages) : []), [doc, collapsed, languages]);
  const focusIndex = Math.max(
    0,
    rows.findIndex((r) => r.key === focusKey),
  );
  const focused: TreeRow | undefined = rows.length > 0 ? rows[focusIndex] : undefined;
  const scrollRef = useRef<HTMLDivElement>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const [generating, setGenerating] = useState(false);
  // The virtualizer's functions are read on every render, never memoized (as in CanvasGrid).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 260, height: 600 },
  });

  // The cursor stays on a row that exists, and in view.
  useEffect(() => {
    if (focused && focused.key !== focusKey) useStructureStore.getState().setFocusKey(focused.key);
    if (rows.length > 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focused, focusKey, focusIndex, rows.length, virtualizer]);

  const moveCursor = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) useStructureStore.getState().setFocusKey(row.key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editingKey !== null) return;
    const command = treeCommandFor(event);
    if (!command || !focused) return;
    event.preventDefault();
    event.stopPropagation();
    const store = useStructureStore.getState();
    switch (command.kind) {
      case 'cursor':
        moveCursor(
          command.to === 'next'
            ? focusIndex + 1
            : command.to === 'previous'
              ? focusIndex - 1
              : command.to === 'first'
                ? 0
                : rows.length - 1,
        );
        return;
      case 'expand':
        if (focused.expandable && !focused.expanded) store.toggleCollapsed(focused.collapseKey, false);
        else if (focused.expanded) moveCursor(focusIndex + 1);
        return;
      case 'collapse': {
        if (focused.expanded) {
          store.toggleCollapsed(focused.collapseKey, true);
          return;
        }
        const parentKey = focused.address.slice(0, -1).join('.');
        const parent = rows.findIndex((r) => r.key === parentKey);
        if (parent >= 0) moveCursor(parent);
        return;
      }
      case 'select':
        showRowCanvases(focused.address);
        return;
      case 'rename':
        if (focused.kind === 'range') store.setEditingKey(focused.key);
        else showRowCanvases(focused.address);
        return;
      case 'remove':
        removeFocused();
        return;
      case 'move':
        moveFocused(command.direction);
        return;
      case 'type': {
        const now = Date.now();
        typed.current = {
          text: now - typed.current.at > 700 ? command.char : typed.current.text + command.char,
          at: now,
        };
        const match = typeAheadMatch(
          rows.map((r) => r.label),
          focusIndex,
          typed.current.text,
        );
        if (match !== null) moveCursor(match);
      }
    }
  };

  const finishRename = (key: string, text: string | null) => {
    if (text === null) useStructureStore.getState().setEditingKey(null);
    else renameAt(key, text);
    requestAnimationFrame(() => treeRef.current?.focus());
  };

  // ---- drag and drop: onto the top half of a row = before it; onto the lower half of a Range = into it.
  const dropTarget = (event: DragEvent<HTMLDivElement>, row: TreeRow) => {
    const box = event.currentTarget.getBoundingClientRect();
    const lower = event.clientY > box.top + box.height / 2;
    if (row.kind === 'range' && lower) return { container: row.address, gap: Number.MAX_SAFE_INTEGER };
    const container = row.address.slice(0, -1);
    const index = row.address[row.address.length - 1] as number;
    return { container, gap: lower ? index + 1 : index };
  };
  const onDrop = (event: DragEvent<HTMLDivElement>, row: TreeRow) => {
    const key = event.dataTransfer.getData(DRAG_TYPE);
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    const from = key.split('.').map(Number);
    const { container, gap } = dropTarget(event, row);
    const end = doc ? (listAt(doc, container)?.length ?? 0) : 0;
    dropItem(from, container, Math.min(gap, end));
  };

  const count = rows.filter((r) => r.level === 1).length;
  return (
    <section className="panel structure-panel" aria-label="Structure">
      <h2>
        Structure · {count.toLocaleString('en')} {count === 1 ? 'range' : 'ranges'}
      </h2>
      <StructureTools
        focused={focused}
        actions={{
          newTop: () => newRangeFromSelection('top'),
          newChild: () => newRangeFromSelection('child'),
          wrap: wrapFocused,
          rename: () => focused && useStructureStore.getState().setEditingKey(focused.key),
          split: splitAtFocused,
          merge: mergeFocused,
          move: moveFocused,
          remove: removeFocused,
          notInAny: selectCanvasesInNoRange,
          generate: () => setGenerating(true),
        }}
      />
      {generating ? (
        <GenerateTocDialog
          onClose={() => {
            setGenerating(false);
            requestAnimationFrame(() => treeRef.current?.focus());
          }}
        />
      ) : null}
      <RegionForm />
      <TimeRangeForm focused={focused} />
      <p id="structure-help" className="visually-hidden">
        Arrow keys move the cursor; Right and Left open and close a range; Space shows its canvases in the
        grid; Enter or F2 renames; Alt with arrows moves the range or canvas up, down, into the range above or
        out of its range; Delete removes it from the table of contents; typing jumps to a label.
      </p>
      <div className="structure-scroll" ref={scrollRef}>
        {rows.length === 0 ? (
          <p className="structure-empty">No table of contents yet: select canvases and choose New range.</p>
        ) : null}
        <div
          ref={treeRef}
          role="tree"
          aria-label="Table of contents"
          aria-describedby="structure-help"
          tabIndex={0}
          aria-activedescendant={focused ? rowId(focused.key) : undefined}
          onKeyDown={onKeyDown}
          className="structure-tree"
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          data-testid="structure-tree"
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as TreeRow;
            const isFocused = focused?.key === row.key;
            return (
              <div
                key={row.key}
                id={rowId(row.key)}
                role="treeitem"
                aria-level={row.level}
                aria-setsize={row.setSize}
                aria-posinset={(row.address[row.address.length - 1] as number) + 1}
                aria-expanded={row.expandable ? row.expanded : undefined}
                aria-selected={isFocused}
                aria-label={rowName(row)}
                data-kind={row.kind}
                data-key={row.key}
                className={`structure-row${isFocused ? ' focused' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  paddingLeft: 6 + (row.level - 1) * 16,
                }}
                draggable={editingKey !== row.key}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPE, row.key);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(event) => {
                  if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
                }}
                onDrop={(event) => onDrop(event, row)}
                onClick={() => {
                  useStructureStore.getState().setFocusKey(row.key);
                  showRowCanvases(row.address);
                  treeRef.current?.focus();
                }}
                onDoubleClick={() =>
                  row.kind === 'range' && useStructureStore.getState().setEditingKey(row.key)
                }
              >
                {row.expandable ? (
                  <span
                    className="twisty"
                    aria-hidden="true"
                    onClick={(event) => {
                      event.stopPropagation();
                      useStructureStore.getState().toggleCollapsed(row.collapseKey);
                    }}
                  >
                    <Icon name={row.expanded ? 'expanded' : 'collapsed'} />
                  </span>
                ) : (
                  <span className="twisty" aria-hidden="true" />
                )}
                {editingKey === row.key ? (
                  <RenameInput label={row.label} onDone={(text) => finishRename(row.key, text)} />
                ) : (
                  <span className="structure-label">{row.label}</span>
                )}
                {/* Spaced from the label: the name ("label, N canvases") holds the visible text in order. */}
                {row.kind === 'range' ? ' ' : null}
                {row.kind === 'range' ? (
                  <span className="structure-count" aria-hidden="true">
                    {row.count}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="structure-announcer">
        <span key={announcement.serial}>{announcement.text}</span>
      </div>
    </section>
  );
}

function rowName(row: TreeRow): string {
  if (row.kind === 'range') return `${row.label}, ${row.count} ${row.count === 1 ? 'canvas' : 'canvases'}`;
  if (row.kind === 'range-ref') return `${row.label} (a range given elsewhere)`;
  return row.label;
}

function RenameInput({ label, onDone }: { label: string; onDone: (text: string | null) => void }) {
  const done = useRef(false);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(text);
  };
  return (
    <input
      className="structure-rename"
      aria-label="Range name"
      defaultValue={label}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(event.currentTarget.value);
        else if (event.key === 'Escape') finish(null);
      }}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
}
