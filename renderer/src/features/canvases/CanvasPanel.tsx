/**
 * The left-hand canvas panel: view controls, the actions toolbar, the virtualized grid or list, the live
 * region and the panel's dialogs (relabel, move to position). Replaces the simple canvas strip.
 */
import { useEffect } from 'react';
import { canvasItems } from '../../../../shared/iiif/canvases';
import { useAppStore } from '../../store/store';
import { RelabelDialog } from '../relabel/RelabelDialog';
import { clearCut } from './canvas-clipboard';
import { openCanvasDialog, useCanvasDialog } from './canvas-dialogs';
import { CanvasAnnouncer } from './CanvasAnnouncer';
import { CanvasGrid } from './CanvasGrid';
import { CanvasToolbar } from './CanvasToolbar';
import { CanvasViewControls } from './CanvasViewControls';
import { useGridSettings } from './grid-settings';
import { MoveToDialog } from './MoveToDialog';
import './canvases.css';

const HELP_ID = 'canvas-grid-help';

export function CanvasPanel() {
  const count = useAppStore((s) => (s.doc ? canvasItems(s.doc).length : 0));
  const selectedCount = useAppStore((s) => s.selected.size);
  const hasFocus = useAppStore((s) => s.focus !== null);
  const documentKey = useAppStore((s) => s.documentKey);
  const mode = useGridSettings((s) => s.mode);
  const dialog = useCanvasDialog((s) => s.open);

  useKeepSelectionInRange(count);
  // Cut marks belong to the document they were made in; a copy is a snapshot and may be pasted into another.
  useEffect(() => clearCut(), [documentKey]);

  // The dialog gives the focus back to where it was opened from (the list for F2, else the toolbar button).
  const closeDialog = () => openCanvasDialog('none');

  return (
    <nav className="panel canvas-panel" aria-label="Canvases" data-view={mode}>
      <h2>
        Canvases · {count.toLocaleString('en')}
        {selectedCount > 0 ? ` · ${selectedCount.toLocaleString('en')} selected` : ''}
      </h2>
      <CanvasViewControls />
      <CanvasToolbar />
      <p id={HELP_ID} className="visually-hidden">
        Arrow keys move; Shift extends the selection; Control moves without selecting; Space toggles. Alt with
        arrows moves the selected canvases; Alt+Home and Alt+End send them to the start or end; Alt+P moves
        them to a position. Control+X or Control+C cut or copy; Control+V pastes after the focused canvas,
        moving what was cut or inserting new copies of what was copied. Control+D duplicates, Delete deletes,
        Alt+R reverses, Alt+S sorts by label, F2 relabels.
      </p>
      <CanvasGrid describedBy={HELP_ID} />
      <CanvasAnnouncer />
      {dialog === 'relabel' ? <RelabelDialog onClose={closeDialog} /> : null}
      {dialog === 'move-to' && (selectedCount > 0 || hasFocus) ? (
        <MoveToDialog count={count} moving={Math.max(1, selectedCount)} onClose={closeDialog} />
      ) : null}
    </nav>
  );
}

/**
 * Undo, redo or an edit elsewhere can shorten the list under the selection: drop indices past its end and
 * keep the cursor on a canvas that exists, so the properties panel never points at nothing.
 */
export function useKeepSelectionInRange(count: number) {
  useEffect(() => {
    const { selected, focus, setSelection } = useAppStore.getState();
    const outside = (focus !== null && focus >= count) || [...selected].some((i) => i >= count);
    if (!outside) return;
    const kept = [...selected].filter((i) => i < count);
    const nextFocus = focus === null ? null : count === 0 ? null : Math.min(focus, count - 1);
    setSelection(kept.length > 0 || nextFocus === null ? kept : [nextFocus], nextFocus);
  }, [count]);
}
