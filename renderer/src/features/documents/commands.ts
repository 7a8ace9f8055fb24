/**
 * Every document command, reachable from the native menu (Electron), the toolbar and keyboard shortcuts (the
 * browser, where there is no native menu). One table so the three never disagree.
 */
import type { MenuCommand } from '../../../../shared/ipc/shell-events';
import { holdWindowState, showWindowState } from '../../shell';
import { useAppStore } from '../../store/store';
import { canvasSlots } from '../../../../shared/iiif/canvases';
import { chooseAndOpen, closeDocument, guardUnsaved, save, saveAll, saveAs } from './document-service';
import { cycleDocuments, windowState } from './document-tabs';

/** The focused text field, if any: there the native menu's Select All and Undo/Redo belong to the field. */
function focusedTextField(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? active.closest<HTMLElement>('input, textarea, [contenteditable]')
    : null;
}

/**
 * View › Zoom In/Out act on the deep-zoom viewer, by its own Zoom buttons (the viewer owns its instance, as
 * architecture §7 asks); without a viewer on screen they do nothing.
 */
function pressViewerZoom(label: 'Zoom in' | 'Zoom out') {
  document
    .querySelector<HTMLButtonElement>(`[role="toolbar"][aria-label="Zoom"] button[aria-label="${label}"]`)
    ?.click();
}

export function runCommand(command: MenuCommand): void {
  const state = useAppStore.getState();
  // The menu's accelerators reach us even while a text field has the focus (Electron takes the keystroke):
  // there, Ctrl/Cmd+A selects the field's text and Undo/Redo undo typing, as in every other application.
  const field = focusedTextField();
  if (field && command === 'select-all') {
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
    else window.getSelection()?.selectAllChildren(field);
    return;
  }
  // The field's own typing history: execCommand is the one way a page has to reach it.
  if (field && (command === 'undo' || command === 'redo')) return void document.execCommand(command);
  switch (command) {
    case 'new':
      return guardUnsaved('new', () => state.showDialog({ kind: 'new-manifest' }));
    case 'open':
      return guardUnsaved('open', () => void chooseAndOpen());
    case 'open-url':
      return guardUnsaved('open-url', () => state.showDialog({ kind: 'open-url' }));
    case 'save':
      // The window state is reported again when the save is over, saved or not: a window waiting to close
      // after "Save" (electron/main/unsaved-close.ts) closes if it is clean, and stays if the save failed or
      // its dialog was cancelled (which changes nothing the renderer would otherwise report).
      return void save().finally(() => {
        const after = windowState(useAppStore.getState());
        showWindowState(after.name, after.dirty);
      });
    case 'save-as':
      return void saveAs();
    case 'save-all':
      // Reported once, when all are over: the window's close prompt takes the first report as the outcome.
      holdWindowState(true);
      return void saveAll().finally(() => {
        holdWindowState(false);
        const after = windowState(useAppStore.getState());
        showWindowState(after.name, after.dirty);
      });
    case 'close':
      return guardUnsaved('close', closeDocument);
    case 'undo':
      return state.undo();
    case 'redo':
      return state.redo();
    case 'select-all':
      return state.selectAll(canvasSlots(state.doc));
    case 'zoom-in':
      return pressViewerZoom('Zoom in');
    case 'zoom-out':
      return pressViewerZoom('Zoom out');
    case 'next-document':
      return cycleDocuments(1);
    case 'previous-document':
      return cycleDocuments(-1);
    case 'about':
      return state.showMessage({ kind: 'info', text: `Tessera ${state.appInfo?.version ?? ''}` });
  }
}

/** Keyboard shortcuts for the browser shell (in Electron the menu's accelerators handle these). */
export function shortcutFor(event: KeyboardEvent): MenuCommand | null {
  // Ctrl+Tab on every platform (Cmd+Tab belongs to the system). Most browsers keep it for their own tabs;
  // where the page gets it (an app window, a kiosk), it switches documents.
  if (event.ctrlKey && !event.altKey && !event.metaKey && event.key === 'Tab')
    return event.shiftKey ? 'previous-document' : 'next-document';
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  const inText =
    event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable]');
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (key === 'o') return event.shiftKey ? 'open-url' : 'open';
  if (key === 'n') return 'new';
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 'a' && !inText) return 'select-all';
  return null;
}
