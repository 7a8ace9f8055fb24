/**
 * Pasting copied canvases: the clipboard holds canvases as they were when copied (possibly from another
 * manifest), and each paste inserts a fresh copy of them (see copyCanvas). Ids are minted against the document
 * pasted into, so pasting the same canvases twice, or into the manifest they came from, never repeats an id.
 */
import type { JsonObject } from '../json';
import { insertCanvases } from './canvas-edits';
import { copyCanvas } from './duplicate-canvases';
import type { MintId } from './mint-ids';

/**
 * Inserts a copy of each of `canvases`, in the given order, before the canvas at `index` (`length` appends).
 * `mint` must know every id in `doc` (see idMinterFor); one minter for the whole paste keeps the copies apart.
 */
export function insertCanvasCopies(
  doc: JsonObject,
  index: number,
  canvases: readonly JsonObject[],
  mint: MintId,
): JsonObject {
  return insertCanvases(
    doc,
    index,
    canvases.map((canvas) => copyCanvas(canvas, mint)),
  );
}
