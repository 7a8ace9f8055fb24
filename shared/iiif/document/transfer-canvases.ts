/**
 * Canvases carried from one open document into another (issue 17: drag onto another document's tab, cut or
 * copy in one and paste in the other). Pure: it returns both new documents; the caller commits each as one
 * undo step in its own history.
 *
 * - copy: fresh ids minted against the target (copyCanvasFromSource), and the copy records where it came
 *   from, as a copy out of the sources panel does: `partOf` the source manifest, with its credits;
 * - move: the canvases leave the source (with their entries in its ranges, as a delete does) and arrive as
 *   they are, ids included, since they are the same canvases and annotations elsewhere may name them. A canvas
 *   whose id the target already uses arrives with fresh ids instead, so the target never holds an id twice.
 */
import { sourceInfoOf, copyCanvasFromSource } from '../canvas-build/provenance';
import { canvasIdOf, canvasItems } from '../canvases';
import { isJsonObject, type JsonObject } from '../json';
import { insertCanvases, removeCanvases } from './canvas-edits';
import { normaliseIndices } from './canvas-list';
import { copyCanvas } from './duplicate-canvases';
import { documentIds } from './id-index';
import { createIdMinter, documentBaseUri, idMinterFor } from './mint-ids';

export interface Transfer {
  readonly source: JsonObject;
  readonly target: JsonObject;
  /** Indices in the new target of the canvases that arrived, in order. */
  readonly inserted: readonly number[];
}

/**
 * Carries the canvases at `indices` of `source` into `target` before its canvas at `at` (clamped; past the end
 * appends). Entries of `source.items` that are not objects are left where they are.
 */
export function transferCanvases(
  source: JsonObject,
  indices: readonly number[],
  target: JsonObject,
  at: number,
  mode: 'move' | 'copy',
): Transfer {
  const items = canvasItems(source);
  // Indices come from a drag or a clipboard made earlier: those no longer in range are dropped, not fatal.
  const inRange = indices.filter((i) => Number.isInteger(i) && i >= 0 && i < items.length);
  const chosen = normaliseIndices(inRange, items.length).filter((i) => isJsonObject(items[i]));
  const canvases = chosen.map((i) => items[i] as JsonObject);
  if (canvases.length === 0) return { source, target, inserted: [] };
  let arriving: JsonObject[];
  if (mode === 'copy') {
    const info = sourceInfoOf(source);
    const mint = idMinterFor(target);
    arriving = canvases.map((canvas) => copyCanvasFromSource(canvas, info, mint));
  } else {
    // Which canvases keep their ids is decided first: the fresh ids of the others must avoid them too.
    const targetIds = documentIds(target);
    const seen = new Set<string>();
    const keeps = canvases.map((canvas) => {
      const id = canvasIdOf(canvas);
      const clash = id !== '' && (targetIds.has(id) || seen.has(id));
      seen.add(id);
      return !clash;
    });
    const taken = new Set(targetIds);
    canvases.forEach((canvas, k) => {
      if (keeps[k]) for (const id of documentIds(canvas)) taken.add(id);
    });
    const mint = createIdMinter(documentBaseUri(target), taken);
    arriving = canvases.map((canvas, k) => (keeps[k] ? canvas : copyCanvas(canvas, mint)));
  }
  const place = Math.max(0, Math.min(Math.round(at), canvasItems(target).length));
  return {
    source: mode === 'move' ? removeCanvases(source, chosen) : source,
    target: insertCanvases(target, place, arriving),
    inserted: arriving.map((_, k) => place + k),
  };
}
