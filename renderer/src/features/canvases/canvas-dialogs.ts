/** Which of the canvas panel's dialogs is open (relabel, move to position). Not document state: no undo. */
import { create } from 'zustand';

export type CanvasDialog = 'none' | 'relabel' | 'move-to';

export const useCanvasDialog = create<{ open: CanvasDialog }>()(() => ({ open: 'none' }));

export function openCanvasDialog(open: CanvasDialog): void {
  useCanvasDialog.setState({ open });
}
