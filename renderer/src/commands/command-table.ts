/**
 * Every command of the app, one entry each. This table feeds the toolbar buttons (<CommandButton id=…/>), the
 * keyboard (run-command.ts matches `keys`), the desktop's native menu (entries with `menu`; the menu sends the
 * id back and the renderer runs it) and the command palette (Ctrl/Cmd+Shift+P lists them all).
 *
 * To add a command, add one line here:
 *   { id: 'split-canvas', label: 'Split canvas…', keys: 'Alt+X', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: splitCanvas },
 * then place a button with <CommandButton id="split-canvas" /> if it needs one. Ids and shortcuts must be
 * unique (a unit test checks); `enabled` reads the stores below (commandStores) so buttons follow them.
 * Field by field: command.ts.
 */
import { canRedo, canUndo } from '../../../shared/iiif/document/history';
import { NEW_WINDOW_COMMAND } from '../../../shared/ipc/shell-events';
import { canvasSlots } from '../../../shared/iiif/canvases';
import { useAddImagesStore } from '../features/add-images/add-images-store';
import {
  cancelCutOrSelectNone,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  moveSelectionBy,
  pasteAfterFocus,
  reverseOrder,
  selectAllCanvases,
  sendSelectionToEnd,
  sendSelectionToStart,
  sortByLabel,
} from '../features/canvases/canvas-actions';
import { canPaste, hasCut, useCanvasClipboard } from '../features/canvases/canvas-clipboard';
import { announce } from '../features/canvases/announcer';
import { openCanvasDialog } from '../features/canvases/canvas-dialogs';
import {
  saveAllAndReport,
  saveAndReport,
  selectFieldText,
  stepFieldHistory,
} from '../features/documents/commands';
import {
  chooseAndOpen,
  closeDocument,
  guardUnsaved,
  openSample,
  saveAs,
} from '../features/documents/document-service';
import {
  canMoveToNewWindow,
  canOpenWindows,
  moveToNewWindow,
  openNewWindow,
} from '../features/documents/new-window';
import { cycleDocuments, moveActiveTab } from '../features/documents/document-tabs';
import { openMemberForEditing } from '../features/collection/member-actions';
import { showEnclosingCollection } from '../features/collection/member-navigation';
import { useAddMediaStore } from '../features/media/media-store';
import { useSplitMergeStore } from '../features/split-merge/split-merge-store';
import { useSourcesStore } from '../features/sources/sources-store';
import { useStructureStore } from '../features/structure/structure-store';
import { hasViewer, useViewerZoom, zoomViewer, ZOOM_STEP } from '../features/viewer/viewer-zoom';
import { documentKind } from '../store/document-slice';
import { listOwner, shownPath } from '../store/grid-list';
import { useAppStore } from '../store/store';
import type { Command } from './command';
import { openPalette, usePalette } from './palette-store';

/** The stores `enabled` and `pressed` read: a change in any of them updates the buttons. */
export const commandStores: readonly { subscribe(listener: () => void): () => void }[] = [
  useAppStore,
  useCanvasClipboard,
  useSourcesStore,
  useStructureStore,
  useViewerZoom,
  usePalette,
];

const app = () => useAppStore.getState();
const hasDoc = () => app().doc !== null;
const isManifest = () => app().doc?.['type'] === 'Manifest';
const isCollection = () => documentKind(app()) === 'Collection';
const hasOtherDocuments = () => app().openDocuments.length > 1;
/** The canvases or members the grid lists (in a collection, maybe those of an embedded one opened in it). */
const listed = () => canvasSlots(listOwner(app()));
const hasCanvases = () => listed() > 0;
/** The canvas commands act on the selection, or on the focused canvas when nothing is selected. */
const hasTargets = () => {
  const { selected, focus } = app();
  return hasCanvases() && (selected.size > 0 || (focus !== null && focus < listed()));
};
const hasFocusedMember = () => isCollection() && app().focus !== null && (app().focus as number) < listed();
const inSubCollection = () => isCollection() && shownPath(app()).length > 0;
const undoable = () => {
  const { history } = app();
  return history !== null && canUndo(history);
};
const redoable = () => {
  const { history } = app();
  return history !== null && canRedo(history);
};
const dialog = (kind: 'new-manifest' | 'open-url' | 'publish') => app().showDialog({ kind });

/** Relabelling numbers pages and folios; a collection's members are named in the properties panel. */
const relabel = () =>
  isCollection() ? announce('Members are labelled in the properties panel.') : openCanvasDialog('relabel');

// One line per command, kept so by hand: a table reads down its columns.
// prettier-ignore
export const commands: readonly Command[] = [
  // File
  { id: 'new', label: 'New manifest…', text: 'New', keys: 'Control+N', menu: 'file', run: () => guardUnsaved('new', () => dialog('new-manifest')) },
  { id: 'new-collection', label: 'New collection…', menu: 'file', run: () => guardUnsaved('new', () => app().showDialog({ kind: 'new-manifest', documentType: 'Collection' })) },
  { id: 'open', label: 'Open…', keys: 'Control+O', menu: 'file', run: () => guardUnsaved('open', () => void chooseAndOpen()) },
  { id: 'open-url', label: 'Open URL…', keys: 'Control+Shift+O', menu: 'file', run: () => guardUnsaved('open-url', () => dialog('open-url')) },
  { id: 'open-sample', label: 'Open the sample', text: 'Sample', menu: 'file', run: () => guardUnsaved('sample', () => void openSample()) },
  { id: 'save', label: 'Save', keys: 'Control+S', menu: 'file', enabled: hasDoc, run: saveAndReport },
  { id: 'save-as', label: 'Save As…', keys: 'Control+Shift+S', menu: 'file', enabled: hasDoc, run: () => void saveAs() },
  { id: 'save-all', label: 'Save All', menu: 'file', enabled: hasDoc, run: saveAllAndReport },
  { id: 'publish', label: 'Publish…', menu: 'file', enabled: hasDoc, run: () => dialog('publish') },
  { id: 'split', label: 'Split…', menu: 'file', enabled: isManifest, run: () => useSplitMergeStore.getState().show('split') },
  { id: 'merge', label: 'Merge…', menu: 'file', run: () => useSplitMergeStore.getState().show('merge') },
  { id: NEW_WINDOW_COMMAND, label: 'New Window', keys: 'Control+Shift+N', keysIn: 'menu', menu: 'file', enabled: canOpenWindows, run: openNewWindow },
  { id: 'open-in-new-window', label: 'Open in New Window', menu: 'file', enabled: canMoveToNewWindow, run: moveToNewWindow },
  { id: 'close', label: 'Close', keys: 'Control+W', keysIn: 'menu', menu: 'file', run: () => guardUnsaved('close', closeDocument) },
  // Edit
  { id: 'undo', label: 'Undo', icon: 'undo', keys: 'Control+Z', menu: 'edit', enabled: undoable, inTextField: () => stepFieldHistory('undo'), run: () => app().undo() },
  { id: 'redo', label: 'Redo', icon: 'redo', keys: 'Control+Shift+Z Control+Y', menu: 'edit', enabled: redoable, inTextField: () => stepFieldHistory('redo'), run: () => app().redo() },
  { id: 'select-all', label: 'Select all', keys: 'Control+A', menu: 'edit', enabled: hasCanvases, inTextField: selectFieldText, run: selectAllCanvases },
  { id: 'select-none', label: 'Select none', keys: 'Escape', keysIn: 'grid', menu: 'edit', enabled: () => app().selected.size > 0 || hasCut(useCanvasClipboard.getState()), run: cancelCutOrSelectNone },
  // View
  { id: 'command-palette', label: 'Command palette…', keys: 'Control+Shift+P', menu: 'view', run: openPalette },
  { id: 'zoom-in', label: 'Zoom in', icon: 'zoom-in', keys: 'Control+=', keysIn: 'menu', menu: 'view', enabled: hasViewer, run: () => zoomViewer(ZOOM_STEP) },
  { id: 'zoom-out', label: 'Zoom out', icon: 'zoom-out', keys: 'Control+-', keysIn: 'menu', menu: 'view', enabled: hasViewer, run: () => zoomViewer(1 / ZOOM_STEP) },
  // The open documents' tabs: Ctrl+Tab on every platform, as in browsers and editors (Cmd+Tab is the system's).
  { id: 'next-document', label: 'Next document', keys: 'Control+Tab', menu: 'view', enabled: hasOtherDocuments, run: () => cycleDocuments(1) },
  { id: 'previous-document', label: 'Previous document', keys: 'Control+Shift+Tab', menu: 'view', enabled: hasOtherDocuments, run: () => cycleDocuments(-1) },
  // Moving a tab: the keys editors and browsers use for their own tabs (where a browser keeps them: menu, palette).
  { id: 'move-tab-left', label: 'Move tab left', keys: 'Control+Shift+PageUp', menu: 'view', enabled: hasOtherDocuments, run: () => moveActiveTab(-1) },
  { id: 'move-tab-right', label: 'Move tab right', keys: 'Control+Shift+PageDown', menu: 'view', enabled: hasOtherDocuments, run: () => moveActiveTab(1) },
  { id: 'toggle-preview', label: 'Preview', menu: 'view', enabled: () => hasDoc() && !isCollection(), pressed: () => app().viewMode === 'preview', run: () => app().setViewMode(app().viewMode === 'preview' ? 'edit' : 'preview') },
  { id: 'toggle-validation', label: 'Validation', menu: 'view', pressed: () => app().openPanels.validation, run: () => app().togglePanel('validation') },
  { id: 'toggle-annotations', label: 'Annotations', menu: 'view', enabled: isManifest, pressed: () => app().openPanels.annotations, run: () => app().togglePanel('annotations') },
  { id: 'toggle-sources', label: 'Sources', menu: 'view', pressed: () => useSourcesStore.getState().open, run: () => useSourcesStore.getState().setOpen(!useSourcesStore.getState().open) },
  { id: 'toggle-structure', label: 'Structure', menu: 'view', enabled: isManifest, pressed: () => useStructureStore.getState().open, run: () => useStructureStore.getState().setOpen(!useStructureStore.getState().open) },
  // Canvases: the canvas grid's keys, its toolbar and the Canvases menu
  { id: 'add-images', label: 'Add images…', menu: 'canvases', enabled: isManifest, run: () => useAddImagesStore.getState().show() },
  { id: 'add-media', label: 'Add audio/video…', menu: 'canvases', enabled: isManifest, run: () => useAddMediaStore.getState().show() },
  { id: 'move-up', label: 'Move up', text: 'Up', icon: 'move-up', keys: 'Alt+ArrowUp Alt+ArrowLeft', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: () => moveSelectionBy(-1) },
  { id: 'move-down', label: 'Move down', text: 'Down', icon: 'move-down', keys: 'Alt+ArrowDown Alt+ArrowRight', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: () => moveSelectionBy(1) },
  { id: 'send-to-start', label: 'Send to start', text: 'Start', icon: 'send-to-start', keys: 'Alt+Home', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: sendSelectionToStart },
  { id: 'send-to-end', label: 'Send to end', text: 'End', icon: 'send-to-end', keys: 'Alt+End', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: sendSelectionToEnd },
  { id: 'move-to', label: 'Move to position…', text: 'Move to…', keys: 'Alt+P', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: () => openCanvasDialog('move-to') },
  { id: 'cut', label: 'Cut', keys: 'Control+X', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: cutSelection },
  { id: 'copy', label: 'Copy', keys: 'Control+C', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: copySelection },
  { id: 'paste', label: 'Paste after focused canvas', text: 'Paste', keys: 'Control+V', keysIn: 'grid', menu: 'canvases', enabled: () => canPaste(useCanvasClipboard.getState()), run: pasteAfterFocus },
  { id: 'duplicate', label: 'Duplicate', keys: 'Control+D', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: duplicateSelection },
  { id: 'delete', label: 'Delete', keys: 'Delete Backspace', keysIn: 'grid', menu: 'canvases', enabled: hasTargets, run: deleteSelection },
  { id: 'reverse', label: 'Reverse order', text: 'Reverse', keys: 'Alt+R', keysIn: 'grid', menu: 'canvases', enabled: hasCanvases, run: reverseOrder },
  { id: 'sort', label: 'Sort by label', text: 'Sort', keys: 'Alt+S', keysIn: 'grid', menu: 'canvases', enabled: hasCanvases, run: sortByLabel },
  { id: 'relabel', label: 'Relabel…', keys: 'F2', keysIn: 'grid', menu: 'canvases', enabled: hasCanvases, run: relabel },
  // Collections: open the focused member (an embedded collection in place, a referenced one in its own tab)
  { id: 'open-member', label: 'Open member', keys: 'Enter', keysIn: 'grid', menu: 'canvases', enabled: hasFocusedMember, run: () => openMemberForEditing(app().focus as number) },
  { id: 'open-enclosing-collection', label: 'Up to the enclosing collection', keys: 'Alt+Backspace', keysIn: 'grid', menu: 'canvases', enabled: inSubCollection, run: showEnclosingCollection },
  // Help
  { id: 'about', label: 'About Tessera', menu: 'help', run: () => app().showMessage({ kind: 'info', text: `Tessera ${app().appInfo?.version ?? ''}` }) },
];
