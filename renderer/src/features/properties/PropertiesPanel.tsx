/**
 * The right-hand panel. Three tabs: the properties of the manifest and of the focused canvas; batch tools for
 * the selected canvases (edit many at once, find & replace, select by source); and the spreadsheet round trip.
 */
import { useState, type KeyboardEvent } from 'react';
import { jsonPathOfCollection } from '../../../../shared/iiif/collection';
import { LanguageOptions } from '../../components/language/LanguageTagInput';
import { canvasItems, canvasSlots } from '../../../../shared/iiif/canvases';
import { documentKind } from '../../store/document-slice';
import { listOwner, shownPath } from '../../store/grid-list';
import { useAppStore } from '../../store/store';
import { BatchPanel } from '../batch/BatchPanel';
import { HtmlReport } from '../metadata/HtmlReport';
import { SpreadsheetPanel } from '../spreadsheet/SpreadsheetPanel';
import { ResourceEditor } from './ResourceEditor';
import './properties.css';

type Tab = 'properties' | 'batch' | 'spreadsheet';
const TABS: readonly { id: Tab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'batch', title: 'Batch' },
  { id: 'spreadsheet', title: 'Spreadsheet' },
];
/** A module constant: a selector that returned a new array each time would re-render without end. */
const COLLECTION_TABS = TABS.slice(0, 1);

export function PropertiesPanel() {
  const hasDoc = useAppStore((s) => s.doc !== null);
  const [tab, setTab] = useState<Tab>('properties');
  const selectedCount = useAppStore((s) => s.selected.size);
  // Batch and spreadsheet work on canvases: a collection has members instead, edited one at a time.
  const tabs = useAppStore((s) => (documentKind(s) === 'Collection' ? COLLECTION_TABS : TABS));
  const shown = tabs.some((t) => t.id === tab) ? tab : 'properties';
  if (!hasDoc)
    return (
      <aside className="panel right" aria-label="Properties">
        <LanguageOptions />
      </aside>
    );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === shown);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next) {
      setTab(next.id);
      document.getElementById(`props-tab-${next.id}`)?.focus();
    }
  };
  return (
    <aside className="panel right properties-panel" aria-label="Properties">
      <LanguageOptions />
      <div className="tabs" role="tablist" aria-label="Panel" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`props-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={shown === t.id}
            aria-controls={`props-panel-${t.id}`}
            tabIndex={shown === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.title}
            {t.id === 'batch' && selectedCount > 1 ? ` · ${selectedCount}` : ''}
          </button>
        ))}
      </div>
      <div id={`props-panel-${shown}`} role="tabpanel" aria-labelledby={`props-tab-${shown}`}>
        {shown === 'properties' ? (
          <PropertiesTab />
        ) : shown === 'batch' ? (
          <BatchPanel />
        ) : (
          <SpreadsheetPanel />
        )}
      </div>
    </aside>
  );
}

function PropertiesTab() {
  const focus = useAppStore((s) => s.focus);
  const canvasCount = useAppStore((s) => canvasSlots(listOwner(s)));
  // In a collection, the one the member grid shows: the document, or an embedded one opened in it.
  const path = jsonPathOfCollection(useAppStore(shownPath));
  const where = path.join('/');
  const notices = useAppStore((s) => s.notices);
  const isCollection = useAppStore((s) => documentKind(s) === 'Collection');
  const canvas = focus !== null && focus < canvasCount ? focus : null;
  const editorKey = useItemEditorKey(
    canvas,
    useAppStore((s) => (canvas === null ? undefined : canvasItems(listOwner(s))[canvas])),
  );
  // The document and its focused item: a manifest and a canvas, or a collection and a member.
  const [docKind, itemKind] = isCollection
    ? (['Collection', 'Member'] as const)
    : (['Manifest', 'Canvas'] as const);
  return (
    <>
      <HtmlReport />
      <section aria-labelledby="props-manifest" data-resource={docKind.toLowerCase()}>
        <h2 id="props-manifest">
          {docKind}
          {path.length > 0 ? ' (embedded)' : ''}
        </h2>
        <ResourceEditor key={`${docKind}:${where}`} kind={docKind} path={path} />
      </section>
      {canvas !== null ? (
        <section aria-labelledby="props-canvas" data-resource={itemKind.toLowerCase()}>
          <h2 id="props-canvas">
            {itemKind} {canvas + 1}
          </h2>
          <ResourceEditor key={`${where}:${editorKey}`} kind={itemKind} path={[...path, 'items', canvas]} />
        </section>
      ) : null}
      {notices.length > 0 ? (
        <>
          <h2>On opening</h2>
          <ul className="notice-list" aria-label="Notices">
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * Which editor the focused item gets: the same one while it is the same item, a new one when the focus goes to
 * another. An edit replaces the item (a new object) at the same place; a move (Alt+Arrow carries the focus)
 * takes the same object to another place; only when both change is it another item. Keyed by position alone,
 * every move re-created all the item's sections and fields (a third of the frame that paints a move of 100 of
 * 5,000 members); keyed by the object alone, every keystroke in one of its fields did.
 */
function useItemEditorKey(index: number | null, item: unknown): number {
  const [seen, setSeen] = useState({ key: 0, index, item });
  if (seen.index !== index || seen.item !== item) {
    const sameItem = seen.index === index || seen.item === item;
    const next = { key: sameItem ? seen.key : seen.key + 1, index, item };
    // Adjusting state while rendering (React's pattern for following a value between renders): React renders
    // again at once with it, before committing anything.
    setSeen(next);
    return next.key;
  }
  return seen.key;
}
