/**
 * The tab bar of the open documents (issue 17): one tab per document, with its name and its unsaved marker,
 * and a close button of its own beside it. WAI-ARIA tabs pattern: one tab in the Tab order (the active one),
 * arrow keys, Home and End move between tabs and switch at once (a switch swaps a few references, so
 * "automatic activation" costs nothing); Delete closes the focused tab. Ctrl+Tab / Ctrl+Shift+Tab switch from
 * anywhere (documents/commands.ts).
 *
 * The close buttons are not inside the tablist (a tablist may own only tabs) but after it in the DOM; the
 * tablist is `display: contents`, so CSS `order` puts each close button right after its tab.
 *
 * Dropping a canvas drag on another document's tab moves those canvases to the end of that document (Ctrl or
 * Alt held: copies them), one undo step in each document. Resting the drag on the tab brings that document to
 * the front, so that the canvases can be dropped at a chosen place in its grid instead.
 *
 * Tabs reorder by dragging a tab between two others (a line shows where it will go), or from the keyboard with
 * Ctrl+Shift+PageUp / PageDown (command table: move-tab-left / move-tab-right). The order is the tab bar's
 * own: no document is edited, nothing becomes unsaved.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/icons';
import { documentName, isDirty } from '../../store/document-slice';
import { snapshotOf } from '../../store/documents-slice';
import { useAppStore } from '../../store/store';
import { isCanvasDrag, readCanvasDrag } from '../canvases/canvas-drop-api';
import { copyHeld } from '../canvases/use-grid-drag-drop';
import { carryCanvases } from './canvas-transfer';
import { closeTab } from './document-service';
import { moveTab, switchToDocument } from './document-tabs';
import './document-tabs.css';
import { gapOfTabDrop, isTabDrag, readTabDrag, writeTabDrag } from './tab-drag';

interface Tab {
  key: string;
  name: string;
  path: string | null;
  dirty: boolean;
  active: boolean;
}

/** One string per tab, so that the selector's result compares by value (useShallow) and renders stay rare. */
function tabSignatures(state: ReturnType<typeof useAppStore.getState>): string[] {
  return state.openDocuments.map((entry) => {
    const document = entry.snapshot ?? (entry.key === state.documentKey ? snapshotOf(state) : null);
    if (!document) return '';
    const tab: Tab = {
      key: entry.key,
      name: documentName(document),
      path: document.file?.path ?? null,
      dirty: isDirty(document),
      active: entry.snapshot === null,
    };
    return JSON.stringify(tab);
  });
}

/** How long a canvas drag rests on a tab before that document comes to the front ("spring-loaded" tabs). */
export const TAB_SPRING_MS = 700;

export function DocumentTabs() {
  const signatures = useAppStore(useShallow(tabSignatures));
  const tabs = signatures.filter((s) => s !== '').map((s) => JSON.parse(s) as Tab);
  const listRef = useRef<HTMLDivElement>(null);
  const spring = useRef<{ key: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  /** Where a dragged tab would land: the gap before tab N (N = count: after the last). */
  const [dropGap, setDropGap] = useState<number | null>(null);
  useEffect(() => () => clearTimeout(spring.current?.timer), []);
  if (tabs.length === 0) return null;

  const stopSpring = () => {
    if (spring.current) clearTimeout(spring.current.timer);
    spring.current = null;
  };

  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    switchToDocument(tab.key);
    // After the switch has rendered: the roving tabindex has moved to this tab.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-document-key="${tab.key}"]`)?.focus(),
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.key === (event.target as HTMLElement).dataset['documentKey']);
    if (at < 0) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => focusTab(at + 1),
      ArrowLeft: () => focusTab(at - 1),
      Home: () => focusTab(0),
      End: () => focusTab(tabs.length - 1),
      Delete: () => closeTab((tabs[at] as Tab).key),
    };
    const run = keys[event.key];
    if (!run || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    run();
  };
  const onDragOver = (event: DragEvent<HTMLElement>, tab: Tab, index: number) => {
    if (isTabDrag([...event.dataTransfer.types])) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropGap(gapOfTabDrop(event.currentTarget.getBoundingClientRect(), event.clientX, index));
      return;
    }
    if (tab.active || !isCanvasDrag([...event.dataTransfer.types])) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = copyHeld(event);
    // Resting on the tab brings its document to the front, to drop at a chosen place in its grid.
    if (spring.current?.key !== tab.key) {
      stopSpring();
      spring.current = {
        key: tab.key,
        timer: setTimeout(() => {
          spring.current = null;
          switchToDocument(tab.key);
        }, TAB_SPRING_MS),
      };
    }
  };
  const onDrop = (event: DragEvent<HTMLElement>, tab: Tab, index: number) => {
    stopSpring();
    setDropGap(null);
    const moved = readTabDrag(event.dataTransfer);
    if (moved !== null) {
      event.preventDefault();
      const from = tabs.findIndex((t) => t.key === moved);
      const gap = gapOfTabDrop(event.currentTarget.getBoundingClientRect(), event.clientX, index);
      // The gap counts places before the move; the tab's new place counts them after it left its old one.
      if (from >= 0) moveTab(moved, gap > from ? gap - 1 : gap);
      return;
    }
    const payload = readCanvasDrag(event.dataTransfer);
    if (tab.active || !payload) return;
    event.preventDefault();
    carryCanvases(payload.documentKey, payload.indices, tab.key, copyHeld(event));
  };

  return (
    <div className="document-tabs">
      <div role="tablist" aria-label="Open documents" ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            className={`document-tab${dropGap === index ? ' drop-before' : ''}${dropGap === index + 1 && index === tabs.length - 1 ? ' drop-after' : ''}`}
            aria-selected={tab.active}
            tabIndex={tab.active ? 0 : -1}
            title={tab.path ?? tab.name}
            data-document-key={tab.key}
            data-testid="document-tab"
            style={{ order: index * 2 }}
            onClick={() => switchToDocument(tab.key)}
            onAuxClick={(event) => {
              if (event.button === 1) closeTab(tab.key);
            }}
            draggable
            onDragStart={(event) => writeTabDrag(event.dataTransfer, tab.key)}
            onDragEnd={() => setDropGap(null)}
            onDragOver={(event) => onDragOver(event, tab, index)}
            onDragLeave={() => {
              stopSpring();
              setDropGap(null);
            }}
            onDrop={(event) => onDrop(event, tab, index)}
          >
            <span dir="auto">{tab.name}</span>
            {tab.dirty ? (
              <span className="dirty-marker" role="img" aria-label="unsaved changes">
                {' '}
                •
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          type="button"
          className="document-tab-close"
          aria-label={`Close ${tab.name}`}
          title={`Close ${tab.name}`}
          style={{ order: index * 2 + 1 }}
          onClick={() => closeTab(tab.key)}
        >
          <Icon name="close" />
        </button>
      ))}
    </div>
  );
}
