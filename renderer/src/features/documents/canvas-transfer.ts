/**
 * Carrying canvases from one open document into another: a canvas drag dropped on another document's tab, a
 * cut in one document pasted in another. One undo step in each document touched (shared/iiif/document/
 * transfer-canvases.ts builds both documents); the selection lands on the canvases in the target, and in the
 * source (after a move) on the canvas that took the first one's place, as a delete leaves it.
 */
import { canvasItems } from '../../../../shared/iiif/canvases';
import { transferCanvases } from '../../../../shared/iiif/document/transfer-canvases';
import { documentName } from '../../store/document-slice';
import { documentByKey } from '../../store/documents-slice';
import { useAppStore } from '../../store/store';
import { announce, canvasCount } from '../canvases/announcer';
import { indexAfterRemoval, sortedIndices } from '../canvases/order-math';

/**
 * Moves or copies the canvases at `indices` of the open document `fromKey` into the open document `toKey`,
 * before its canvas at `at` (default: after the last). Returns how many arrived (0: nothing happened, and the
 * reason was announced).
 */
export function carryCanvases(
  fromKey: string,
  indices: readonly number[],
  toKey: string,
  mode: 'move' | 'copy',
  at?: number,
): number {
  const state = useAppStore.getState();
  const from = documentByKey(state, fromKey);
  const to = documentByKey(state, toKey);
  if (!from?.doc || !to?.doc || fromKey === toKey) {
    announce('Those canvases are no longer open in another document.');
    return 0;
  }
  // A collection's members are references to manifests and collections, not canvases (and in an embedded
  // sub-collection their indices are not the document's own items).
  if (from.doc['type'] !== 'Manifest') {
    announce(`Members of ${documentName(from)} are not canvases: they cannot go into another document.`);
    return 0;
  }
  if (to.doc['type'] !== 'Manifest') {
    announce(`${documentName(to)} is not a manifest: canvases cannot go there.`);
    return 0;
  }
  const chosen = sortedIndices(indices, canvasItems(from.doc).length);
  const result = transferCanvases(from.doc, chosen, to.doc, at ?? canvasItems(to.doc).length, mode);
  const count = result.inserted.length;
  if (count === 0) return 0;
  const what = canvasCount(count);
  const verb = mode === 'move' ? 'Move' : 'Copy';
  if (mode === 'move') {
    state.commitIn(fromKey, `${verb} ${what} to ${documentName(to)}`, result.source);
    const left = indexAfterRemoval(chosen, canvasItems(from.doc).length);
    state.updateDocument(fromKey, () => ({
      selected: new Set(left === null ? [] : [left]),
      focus: left,
      anchor: left,
    }));
  }
  state.commitIn(toKey, `${verb} ${what} from ${documentName(from)}`, result.target);
  state.updateDocument(toKey, () => ({
    selected: new Set(result.inserted),
    focus: result.inserted[0] ?? null,
    anchor: result.inserted[0] ?? null,
  }));
  announce(
    `${mode === 'move' ? 'Moved' : 'Copied'} ${what} ${mode === 'move' ? 'to' : 'into'} ${documentName(to)}, ` +
      `at position ${(result.inserted[0] ?? 0) + 1}.`,
  );
  return count;
}
