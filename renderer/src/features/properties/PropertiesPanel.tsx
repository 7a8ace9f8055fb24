/**
 * The right-hand panel. Three tabs: the properties of the manifest and of the focused canvas; batch tools for
 * the selected canvases (edit many at once, find & replace, select by source); and the spreadsheet round trip.
 */
import { useState, type KeyboardEvent } from 'react';
import { LanguageOptions } from '../../components/language/LanguageTagInput';
import { useAppStore } from '../../store/store';
import { BatchPanel } from '../batch/BatchPanel';
import { HtmlReport } from '../metadata/HtmlReport';
import { SpreadsheetPanel } from '../spreadsheet/SpreadsheetPanel';
import { ResourceEditor } from './ResourceEditor';

type Tab = 'properties' | 'batch' | 'spreadsheet';
const TABS: readonly { id: Tab; title: string }[] = [
  { id: 'properties', title: 'Properties' },
  { id: 'batch', title: 'Batch' },
  { id: 'spreadsheet', title: 'Spreadsheet' },
];

export function PropertiesPanel() {
  const hasDoc = useAppStore((s) => s.doc !== null);
  const [tab, setTab] = useState<Tab>('properties');
  const selectedCount = useAppStore((s) => s.selected.size);
  if (!hasDoc)
    return (
      <aside className="panel right" aria-label="Properties">
        <LanguageOptions />
      </aside>
    );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) {
      setTab(next.id);
      document.getElementById(`props-tab-${next.id}`)?.focus();
    }
  };
  return (
    <aside className="panel right properties-panel" aria-label="Properties">
      <LanguageOptions />
      <div className="tabs" role="tablist" aria-label="Panel" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`props-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`props-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.title}
            {t.id === 'batch' && selectedCount > 1 ? ` · ${selectedCount}` : ''}
          </button>
        ))}
      </div>
      <div id={`props-panel-${tab}`} role="tabpanel" aria-labelledby={`props-tab-${tab}`}>
        {tab === 'properties' ? <PropertiesTab /> : tab === 'batch' ? <BatchPanel /> : <SpreadsheetPanel />}
      </div>
    </aside>
  );
}

function PropertiesTab() {
  const focus = useAppStore((s) => s.focus);
  const canvasCount = useAppStore((s) => (Array.isArray(s.doc?.['items']) ? s.doc['items'].length : 0));
  const notices = useAppStore((s) => s.notices);
  const canvas = focus !== null && focus < canvasCount ? focus : null;
  return (
    <>
      <HtmlReport />
      <section aria-labelledby="props-manifest" data-resource="manifest">
        <h2 id="props-manifest">Manifest</h2>
        <ResourceEditor kind="Manifest" path={[]} />
      </section>
      {canvas !== null ? (
        <section aria-labelledby="props-canvas" data-resource="canvas">
          <h2 id="props-canvas">Canvas {canvas + 1}</h2>
          <ResourceEditor key={canvas} kind="Canvas" path={['items', canvas]} />
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
