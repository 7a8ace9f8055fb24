/**
 * Dropping a manifest file (.json, .jsonld) on the window opens it. In Electron the preload tells us the file's
 * path, so it opens like File › Open and saves back in place; in the browser only the bytes are available, so it
 * opens as an unsaved document named after the file (Save As puts it in the workspace). Other drops (images,
 * links) are left to the features that handle them.
 */
import { decodeDocumentBytes } from '../../../../shared/iiif/document/decode';
import { shell } from '../../shell';
import { useAppStore } from '../../store/store';
import { confirmWindows1252, guardUnsaved, loadText, openPath, saidWindows1252 } from './document-service';

const MANIFEST_FILE = /\.(json|jsonld)$/i;

export function manifestFileIn(transfer: DataTransfer | null): File | null {
  if (!transfer) return null;
  for (const file of Array.from(transfer.files)) if (MANIFEST_FILE.test(file.name)) return file;
  return null;
}

async function openDroppedFile(file: File) {
  if (shell) {
    const path = await shell.pathForFile(file);
    if (path) return openPath(path);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let decoded = decodeDocumentBytes(bytes);
  const asWindows1252 = !decoded.ok && decoded.error.code === 'single-byte' && confirmWindows1252(file.name);
  if (asWindows1252) decoded = decodeDocumentBytes(bytes, undefined, { encoding: 'windows-1252' });
  if (!decoded.ok) {
    useAppStore
      .getState()
      .showMessage({ kind: 'error', text: `${file.name} cannot be opened: ${decoded.error.message}` });
    return;
  }
  if (loadText(decoded.text, { file: null, name: file.name }, { dirty: true }) && asWindows1252)
    saidWindows1252(file.name);
}

/** Window-level handlers; returns a function that removes them. */
export function startDropToOpen(): () => void {
  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.items).some((i) => i.kind === 'file')) {
      event.preventDefault();
    }
  };
  const onDrop = (event: DragEvent) => {
    const file = manifestFileIn(event.dataTransfer);
    if (!file) return;
    event.preventDefault();
    guardUnsaved('open', () => void openDroppedFile(file));
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}
