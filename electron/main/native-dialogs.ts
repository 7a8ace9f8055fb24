/**
 * The native dialogs a window's requests open, each a sheet of that window (the one whose page asked), never of
 * another window nor of a hidden window made for the purpose (one would be left behind per dialog).
 */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../services/handlers';
import type { CloseChoice } from './unsaved-close';

export function nativeDialogs(parent: BrowserWindow): Dialogs {
  return {
    async chooseFileToOpen() {
      const result = await dialog.showOpenDialog(parent, {
        properties: ['openFile'],
        filters: [{ name: 'IIIF manifests', extensions: ['json', 'jsonld'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder() {
      const result = await dialog.showOpenDialog(parent, {
        properties: ['openDirectory', 'createDirectory'],
        title: 'Choose the publication folder',
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(suggestedName) {
      const result = await dialog.showSaveDialog(parent, {
        defaultPath: suggestedName,
        filters: [{ name: 'IIIF manifest', extensions: ['json'] }],
      });
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}

/** The close prompt of a window with unsaved work (unsaved-close.ts decides when it is asked). */
export function askToSaveBeforeClosing(parent: BrowserWindow, name: string): CloseChoice {
  const choice = dialog.showMessageBoxSync(parent, {
    type: 'warning',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Save changes to ${name} before closing?`,
    detail: 'Your changes will be lost if you don’t save them.',
  });
  return choice === 0 ? 'save' : choice === 1 ? 'discard' : 'cancel';
}
