/**
 * The selection is kept by index (selection-slice.ts), and undo and redo move canvases: after undoing a move,
 * the same indices would point at other canvases. So across an undo or redo the selection follows the canvases
 * themselves: by object (an edit leaves every canvas it did not touch the very same object), else by canvas id
 * (an edited canvas is a new object with the same id). Canvases that are gone leave the selection.
 */
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { canvasIdOf, canvasItems } from '../../../shared/iiif/canvases';

export interface FollowedSelection {
  readonly selected: ReadonlySet<number>;
  readonly focus: number | null;
  readonly anchor: number | null;
}

export function followSelection(
  before: JsonObject,
  after: JsonObject,
  selection: FollowedSelection,
): FollowedSelection {
  const old = canvasItems(before);
  const next = canvasItems(after);
  if (old === next) return { selected: selection.selected, focus: selection.focus, anchor: selection.anchor };
  const byObject = new Map<JsonValue, number>();
  const byId = new Map<string, number>();
  next.forEach((canvas, index) => {
    byObject.set(canvas, index);
    const id = canvasIdOf(canvas);
    if (id !== '' && !byId.has(id)) byId.set(id, index);
  });
  const place = (index: number | null): number | null => {
    if (index === null) return null;
    const canvas = old[index];
    if (canvas === undefined) return null;
    const id = canvasIdOf(canvas);
    return byObject.get(canvas) ?? (id !== '' ? byId.get(id) : undefined) ?? null;
  };
  const selected = new Set<number>();
  for (const index of selection.selected) {
    const placed = place(index);
    if (placed !== null) selected.add(placed);
  }
  return { selected, focus: place(selection.focus), anchor: place(selection.anchor) };
}
