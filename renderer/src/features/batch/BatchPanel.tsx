/**
 * The Batch tab: what is selected, "select all canvases from source X" (by partOf, e.g. to credit each
 * institution), and the two bulk tools, each a dialog with a preview: edit the selected canvases, and find &
 * replace.
 */
import { useMemo, useState } from 'react';
import { listCanvasSources, selectCanvasesFromSource } from '../../../../shared/iiif/batch';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import { BatchEditDialog } from './BatchEditDialog';
import { FindReplaceDialog } from './FindReplaceDialog';
import './batch.css';

export function BatchPanel() {
  const selected = useAppStore((s) => s.selected);
  const items = useAppStore((s) => s.doc?.['items']);
  const count = Array.isArray(items) ? items.length : 0;
  const indices = useMemo(() => [...selected].sort((a, b) => a - b), [selected]);
  const [dialog, setDialog] = useState<'none' | 'edit' | 'find'>('none');
  return (
    <div className="batch-panel">
      <p data-testid="batch-selection">
        {indices.length} of {count} canvases selected.
      </p>
      <div className="button-row">
        <button type="button" className="small" onClick={() => useAppStore.getState().selectAll(count)}>
          Select all
        </button>
        <button type="button" className="small" onClick={() => useAppStore.getState().selectNone()}>
          Select none
        </button>
      </div>
      <SourcePicker />
      <h3>Change many canvases</h3>
      <button type="button" disabled={indices.length === 0} onClick={() => setDialog('edit')}>
        Edit {indices.length} selected canvas{indices.length === 1 ? '' : 'es'}…
      </button>
      <button type="button" onClick={() => setDialog('find')}>
        Find and replace…
      </button>
      {dialog === 'edit' ? <BatchEditDialog indices={indices} onClose={() => setDialog('none')} /> : null}
      {dialog === 'find' ? <FindReplaceDialog selection={indices} onClose={() => setDialog('none')} /> : null}
    </div>
  );
}

function SourcePicker() {
  const doc = useAppStore((s) => s.doc);
  const languages = useDisplayLanguages();
  const sources = useMemo(() => (doc ? listCanvasSources(doc, languages) : []), [doc, languages]);
  const [chosen, setChosen] = useState('');
  const source = sources.find((s) => s.id === chosen) ?? sources[0];
  if (sources.length === 0)
    return (
      <p className="muted">No canvas names its source (partOf), so there is nothing to select by source.</p>
    );
  const select = () => {
    const state = useAppStore.getState();
    if (!state.doc || !source) return;
    const indices = selectCanvasesFromSource(state.doc, source.id);
    state.setSelection(indices, indices[0] ?? null);
  };
  return (
    <div className="source-picker">
      <h3>Select by source</h3>
      <label className="inline-field">
        <span>Source</span>
        <select value={source?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label || s.id} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="small" onClick={select}>
        Select its {source?.count ?? 0} canvases
      </button>
    </div>
  );
}
