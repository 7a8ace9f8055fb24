/**
 * What the document commands of the command table (renderer/src/commands/command-table.ts) do beyond one call:
 * saving reports the window state when done, and Undo, Redo and Select All belong to a focused text field.
 */
import { holdWindowState, showWindowState } from '../../shell';
import { useAppStore } from '../../store/store';
import { save, saveAll } from './document-service';
import { windowState } from './document-tabs';

/** The focused text field, if any: there Select All and Undo/Redo belong to the field. */
export function focusedTextField(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? active.closest<HTMLElement>('input, textarea, [contenteditable]')
    : null;
}

/** Select All in a text field selects its text, as in every other application. */
export function selectFieldText(field: HTMLElement): void {
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
  else window.getSelection()?.selectAllChildren(field);
}

/** Undo and Redo in a text field step its own typing history: execCommand is the one way a page has to it. */
export function stepFieldHistory(step: 'undo' | 'redo'): void {
  document.execCommand(step);
}

/**
 * The window state is reported again when the save is over, saved or not: a window waiting to close after
 * "Save" (electron/main/unsaved-close.ts) closes if it is clean, and stays if the save failed or its dialog was
 * cancelled (which changes nothing the renderer would otherwise report).
 */
export function saveAndReport(): void {
  void save().finally(reportWindowState);
}

/** Save All reports once, when all are over: the window's close prompt takes the first report as the outcome. */
export function saveAllAndReport(): void {
  holdWindowState(true);
  void saveAll().finally(() => {
    holdWindowState(false);
    reportWindowState();
  });
}

function reportWindowState(): void {
  const after = windowState(useAppStore.getState());
  showWindowState(after.name, after.dirty);
}
