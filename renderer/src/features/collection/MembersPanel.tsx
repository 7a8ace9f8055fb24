/**
 * The left-hand panel of a collection: its members in order, in the canvas panel's virtualized grid (same
 * selection, keyboard, drag to reorder, live region and Move to dialog: one implementation for both lists),
 * with the collection's own toolbar: add by address or file, remove, move, refresh from source, open for
 * editing. Members dragged from the Sources panel are added where they are dropped.
 *
 * An embedded sub-collection opens in the same panel (Enter, double-click, or Open for editing), with a
 * breadcrumb back out: the grid, the toolbar and every action then work on that collection's members.
 */
import { useState, type FormEvent } from 'react';
import { memberItems } from '../../../../shared/iiif/collection';
import { listOwner } from '../../store/grid-list';
import { useAppStore } from '../../store/store';
import { announce } from '../canvases/announcer';
import { deleteSelection, moveSelectionBy } from '../canvases/canvas-actions';
import { openCanvasDialog, useCanvasDialog } from '../canvases/canvas-dialogs';
import { useCanvasDropHandler } from '../canvases/canvas-drop-api';
import { CanvasAnnouncer } from '../canvases/CanvasAnnouncer';
import { CanvasGrid } from '../canvases/CanvasGrid';
import { CanvasViewControls } from '../canvases/CanvasViewControls';
import { useGridSettings } from '../canvases/grid-settings';
import { useKeepSelectionInRange } from '../canvases/CanvasPanel';
import { MoveToDialog } from '../canvases/MoveToDialog';
import { useOpenFileChooser } from '../files/use-open-file-chooser';
import { CollectionBreadcrumb } from './CollectionBreadcrumb';
import { addMemberFrom, insertMembers, openMemberForEditing, refreshSelectedMembers } from './member-actions';
import { sourceLocationOf } from '../sources/sources-service';
import { readSourceMemberDrag, referenceOfDrag, SOURCE_MEMBER_MIME } from './member-drag';
import './collection.css';
import '../publish/collection-members.css';

const HELP_ID = 'member-grid-help';

export function MembersPanel() {
  const count = useAppStore((s) => memberItems(listOwner(s)).length);
  const selectedCount = useAppStore((s) => s.selected.size);
  // Whether the cursor is on a member, not where: a move (Alt+Arrow) changes the focus index on every step,
  // and re-rendering this panel for it re-rendered the toolbar and the view controls with the grid.
  const focusOnMember = useAppStore((s) => s.focus !== null && s.focus < memberItems(s.doc).length);
  const dialog = useCanvasDialog((s) => s.open);
  const mode = useGridSettings((s) => s.mode);
  const [address, setAddress] = useState('');
  const { choose: chooseFile, picker } = useOpenFileChooser(
    (path) => void addMemberFrom(path),
    (message) => useAppStore.getState().showMessage({ kind: 'error', text: message }),
    'Add a member from a file',
  );

  useKeepSelectionInRange(count);
  useCanvasDropHandler({ accepts: acceptsMemberDrop, drop: dropMember });

  const hasTargets = selectedCount > 0 || focusOnMember;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void addMemberFrom(address).then((added) => {
      if (added) setAddress('');
    });
  };
  const closeDialog = () => {
    openCanvasDialog('none');
    requestAnimationFrame(() => document.getElementById('canvas-listbox')?.focus());
  };

  return (
    <nav
      className="panel canvas-panel members-panel"
      aria-label="Members"
      data-testid="members-panel"
      data-view={mode}
    >
      <h2>
        Members · {count.toLocaleString('en')}
        {selectedCount > 0 ? ` · ${selectedCount.toLocaleString('en')} selected` : ''}
      </h2>
      <CollectionBreadcrumb />
      <CanvasViewControls />
      <form className="member-add" onSubmit={submit}>
        <input
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="Manifest or collection URL"
          aria-label="Member address"
          spellCheck={false}
        />
        <button type="submit" disabled={address.trim() === ''}>
          Add
        </button>
        <button type="button" onClick={() => void chooseFile()}>
          Add file…
        </button>
      </form>
      <div className="member-tools" role="group" aria-label="Member actions">
        <button type="button" disabled={!hasTargets} onClick={() => moveSelectionBy(-1)}>
          Move up
        </button>
        <button type="button" disabled={!hasTargets} onClick={() => moveSelectionBy(1)}>
          Move down
        </button>
        <button type="button" disabled={!hasTargets} onClick={deleteSelection}>
          Remove
        </button>
        <button type="button" disabled={!hasTargets} onClick={() => void refreshSelectedMembers()}>
          Refresh from source
        </button>
        <button
          type="button"
          disabled={!focusOnMember}
          onClick={() => {
            const { focus } = useAppStore.getState();
            if (focus !== null) openMemberForEditing(focus);
          }}
        >
          Open for editing
        </button>
      </div>
      <p id={HELP_ID} className="visually-hidden">
        Arrow keys move; Shift extends the selection; Control moves without selecting; Space toggles. Enter
        opens the focused member: an embedded collection opens here, and Alt+Backspace goes back out. Alt with
        arrows moves the selected members; Alt+Home and Alt+End send them to the start or end; Alt+P moves
        them to a position. Control+X then Control+V moves them after the focused member. Delete removes them.
      </p>
      <CanvasGrid describedBy={HELP_ID} />
      <CanvasAnnouncer />
      {dialog === 'move-to' && hasTargets ? (
        <MoveToDialog count={count} moving={Math.max(1, selectedCount)} onClose={closeDialog} />
      ) : null}
      {picker}
    </nav>
  );
}

/** Members dragged from the Sources panel, or a manifest link or IIIF content state dragged from a web page. */
function acceptsMemberDrop(types: readonly string[]): boolean {
  return [SOURCE_MEMBER_MIME, 'text/uri-list', 'text/plain'].some((type) => types.includes(type));
}

function dropMember(data: DataTransfer, gap: number): void {
  const payload = readSourceMemberDrag(data);
  if (payload) {
    const made = referenceOfDrag(payload);
    if (!made.ok) return announce(made.message);
    insertMembers([made.reference], gap);
    return;
  }
  const text = (
    data
      .getData('text/uri-list')
      .split(/\r?\n/)
      .find((line) => /^https?:/i.test(line)) ?? data.getData('text/plain')
  ).trim();
  const location = sourceLocationOf(text);
  if (/^https?:\/\//i.test(location)) void addMemberFrom(location, gap);
  else announce('Drop a manifest or collection: from the Sources panel, or its address.');
}
