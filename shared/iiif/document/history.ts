/**
 * Undo history as plain immutable data: snapshots of whole documents. A snapshot costs only what an edit copied
 * (structural sharing, shared/iiif/json), so keeping hundreds is cheap even for 10k-canvas manifests.
 *
 * One user gesture is one step. A gesture that produces many edits in one call (moving 50 canvases) is one push.
 * A gesture that produces a stream of edits (typing in a field) pushes each with the same `coalesce` key: those
 * pushes merge into one step until the gesture ends, which the caller marks with `sealHistory` (on blur, on a
 * pause) or which happens by itself on the next push with another key, on undo and on redo.
 */
export const DEFAULT_HISTORY_LIMIT = 500;

export interface HistoryStep<T> {
  /** The document on the other side of the step: before it (in `past`), after it (in `future`). */
  readonly doc: T;
  /** What the step did, for "Undo Move 3 canvases" menus. */
  readonly label: string;
}

export interface History<T> {
  readonly present: T;
  /** Oldest first; the last entry is what undo returns to. */
  readonly past: readonly HistoryStep<T>[];
  /** Nearest first at the end: the last entry is what redo returns to. */
  readonly future: readonly HistoryStep<T>[];
  readonly limit: number;
  /** The coalesce key of the open gesture, or null when the next push starts a new step. */
  readonly openGesture: string | null;
}

export function createHistory<T>(present: T, options: { limit?: number } = {}): History<T> {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`history limit must be a positive integer, not ${limit}`);
  return { present, past: [], future: [], limit, openGesture: null };
}

export interface PushOptions {
  /** Pushes with the same key in a row, with no seal in between, become one step (e.g. "label:items/3"). */
  readonly coalesce?: string;
}

/**
 * Records `next` as the new present. Pushing the present itself changes nothing (edits return their input for
 * no-ops), so a no-op never creates an empty undo step. Any push clears the redo future.
 */
export function pushHistory<T>(
  history: History<T>,
  next: T,
  label: string,
  options: PushOptions = {},
): History<T> {
  if (next === history.present) return history;
  const key = options.coalesce ?? null;
  const last = history.past[history.past.length - 1];
  if (key !== null && key === history.openGesture && last !== undefined) {
    // Same gesture: the step still starts from its original document; only its end (the present) moves.
    const past = [...history.past.slice(0, -1), { doc: last.doc, label }];
    return { ...history, present: next, past, future: [] };
  }
  const past = [...history.past, { doc: history.present, label }];
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, present: next, past, future: [], openGesture: key };
}

/** Ends the open gesture: the next push starts a new step even with the same coalesce key. */
export function sealHistory<T>(history: History<T>): History<T> {
  return history.openGesture === null ? history : { ...history, openGesture: null };
}

export function undoHistory<T>(history: History<T>): History<T> {
  const step = history.past[history.past.length - 1];
  if (step === undefined) return history;
  return {
    ...history,
    present: step.doc,
    past: history.past.slice(0, -1),
    future: [...history.future, { doc: history.present, label: step.label }],
    openGesture: null,
  };
}

export function redoHistory<T>(history: History<T>): History<T> {
  const step = history.future[history.future.length - 1];
  if (step === undefined) return history;
  return {
    ...history,
    present: step.doc,
    past: [...history.past, { doc: history.present, label: step.label }],
    future: history.future.slice(0, -1),
    openGesture: null,
  };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

/** Label of the step undo would revert, or null. */
export function undoLabel(history: History<unknown>): string | null {
  return history.past[history.past.length - 1]?.label ?? null;
}

/** Label of the step redo would reapply, or null. */
export function redoLabel(history: History<unknown>): string | null {
  return history.future[history.future.length - 1]?.label ?? null;
}
