/**
 * More windows in the desktop app (issue 17): File › New Window, and a saved document's "Open in New Window",
 * which moves its tab into a window of its own. Main opens the windows (electron/main/app-windows.ts); the
 * browser has no shell to ask, so there both commands stay disabled.
 */
import { shell } from '../../shell';
import { isDirty } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { closeDocument } from './document-service';

export const canOpenWindows = (): boolean => shell !== null;

/**
 * Only a document saved as it is can move: the new window opens its file from disk, so unsaved changes would
 * be lost on the way (save first, then move).
 */
export function canMoveToNewWindow(): boolean {
  const state = useAppStore.getState();
  return canOpenWindows() && state.file !== null && !isDirty(state);
}

export function openNewWindow(): void {
  shell?.newWindow();
}

export function moveToNewWindow(): void {
  const state = useAppStore.getState();
  if (!shell || !canMoveToNewWindow() || !state.file) return;
  shell.newWindow(state.file.path);
  closeDocument();
}
