/**
 * Drops onto the canvas grid from outside the grid: canvases dragged from the Sources panel, links and images
 * dragged from web pages (IIIF drag and drop: a content state in text/plain, cookbook recipe 0599), and image
 * files from the file manager. The grid owns the drop indicator and calls our handler with the gap under the
 * pointer (canvases/canvas-drop-api.ts).
 */
import { inputsFromDrop } from '../../../../shared/iiif/canvas-build/import-inputs';
import { CANVAS_DRAG_MIME, useCanvasDropHandler } from '../canvases/canvas-drop-api';
import { insertFromSource, readSourceDrag, SOURCE_CANVASES_MIME } from '../sources/sources-service';
import { documentKind } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { useAddImagesStore } from './add-images-store';
import { addImageFiles, addImages } from './add-images-service';

const IMAGE_FILE = /\.(?:jpe?g|png|tiff?)$/i;

export function acceptsDrop(types: readonly string[]): boolean {
  if (types.includes(CANVAS_DRAG_MIME)) return false; // the grid's own reordering
  // A collection's grid lists members, not canvases: its own handler (collection/MembersPanel) takes drops.
  if (documentKind(useAppStore.getState()) === 'Collection') return false;
  return ['Files', SOURCE_CANVASES_MIME, 'text/uri-list', 'text/plain'].some((type) => types.includes(type));
}

/** Handles a drop at gap `gap` (0 = before the first canvas). */
export function handleDrop(data: DataTransfer, gap: number): void {
  const fromSource = readSourceDrag(data);
  if (fromSource) {
    insertFromSource(fromSource.key, fromSource.indices, gap);
    return;
  }
  const files = [...data.files].filter((file) => /^image\//.test(file.type) || IMAGE_FILE.test(file.name));
  if (files.length > 0) {
    void addImageFiles(files, gap + 1);
    return;
  }
  const inputs = inputsFromDrop({
    uriList: data.getData('text/uri-list'),
    text: data.getData('text/plain'),
    html: data.getData('text/html'),
  });
  if (inputs.length === 0) return;
  useAddImagesStore.getState().show({ text: inputs.join('\n'), position: gap + 1 });
  void addImages(inputs, gap + 1);
}

/** Registers the handler with the canvas grid while mounted. */
export function CanvasDropHandlers() {
  useCanvasDropHandler({ accepts: acceptsDrop, drop: handleDrop });
  return null;
}
