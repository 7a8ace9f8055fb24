/**
 * Index arithmetic for reordering, so that the selection and the keyboard focus follow the canvases they were
 * on. Everything here is O(selection) or O(list) on plain numbers, never on the document, so a drop at 10k
 * canvases costs one pass over the list (in moveCanvases) and nothing more.
 */

/** Ascending, de-duplicated indices within [0, length). */
export function sortedIndices(indices: Iterable<number>, length: number): number[] {
  return [...new Set(indices)]
    .filter((i) => Number.isInteger(i) && i >= 0 && i < length)
    .sort((a, b) => a - b);
}

/** Number of entries of the ascending list `sorted` that are below `value` (binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where the canvases at `selected` (ascending) sit after moveCanvases(doc, selected, gap): together, in their
 * order, starting at `gap` minus the number of them that were before the gap.
 */
export function landingIndices(selected: readonly number[], gap: number): number[] {
  const start = gap - countBelow(selected, gap);
  return selected.map((_, k) => start + k);
}

/** Where the canvas at `index` sits after the same move (selected or not): for focus to follow its canvas. */
export function indexAfterMove(index: number, selected: readonly number[], gap: number): number {
  const rank = countBelow(selected, index);
  const start = gap - countBelow(selected, gap);
  if (selected[rank] === index) return start + rank;
  const amongRest = index - rank;
  return amongRest < start ? amongRest : amongRest + selected.length;
}

/**
 * The gap (in the list before the move) that makes the moved block start at position `start` (0-based) of
 * the list after the move. `start` is clamped so that the block fits.
 */
export function gapForStart(selected: readonly number[], start: number, length: number): number {
  const restLength = length - selected.length;
  const target = Math.min(Math.max(0, start), restLength);
  // The smallest gap with `target` unmoved canvases before it: each selected canvas below it pushes it one on.
  let gap = target;
  for (const index of selected) {
    if (index < gap) gap += 1;
    else break;
  }
  return Math.min(gap, length);
}

/**
 * Moves each selected canvas one place towards the start (-1) or the end (+1), keeping the gaps between them,
 * like moving lines in a text editor. A selected canvas already against the end, or against another selected
 * canvas that cannot move, stays. Returns the new order (order[newIndex] = oldIndex) and the selection's new
 * indices; `order` is null when nothing moves.
 */
export function shiftOrder(
  selected: readonly number[],
  delta: -1 | 1,
  length: number,
): { order: number[] | null; selected: number[] } {
  const order = Array.from({ length }, (_, i) => i);
  const isSelected = new Uint8Array(length);
  for (const i of selected) isSelected[i] = 1;
  let moved = false;
  const visit = delta < 0 ? selected : [...selected].reverse();
  for (const i of visit) {
    const j = i + delta;
    if (j < 0 || j >= length || isSelected[j] === 1) continue;
    [order[i], order[j]] = [order[j] as number, order[i] as number];
    isSelected[i] = 0;
    isSelected[j] = 1;
    moved = true;
  }
  const next: number[] = [];
  for (let i = 0; i < length; i += 1) if (isSelected[i] === 1) next.push(i);
  return { order: moved ? order : null, selected: moved ? next : [...selected] };
}

/** Where the canvas that was at `oldIndex` sits in `order` (order[newIndex] = oldIndex). */
export function indexInOrder(order: readonly number[], oldIndex: number): number {
  return order.indexOf(oldIndex);
}

/** The indices the copies occupy after duplicateCanvases(selected): the copy of the k-th selected is at i+k+1. */
export function duplicateIndices(selected: readonly number[]): number[] {
  return selected.map((index, k) => index + k + 1);
}

/** After removing `selected`, the canvas to put the cursor on: the one that followed the first removed one. */
export function indexAfterRemoval(selected: readonly number[], length: number): number | null {
  const remaining = length - selected.length;
  if (remaining <= 0) return null;
  return Math.min(selected[0] ?? 0, remaining - 1);
}

/**
 * Indices of `objects` in `items`, by identity: how a selection follows its canvases through an edit that
 * reorders without copying them (sort, reverse). Objects no longer present are dropped.
 */
export function indicesOfObjects(items: readonly unknown[], objects: readonly unknown[]): number[] {
  const wanted = new Set(objects);
  const found: number[] = [];
  items.forEach((item, i) => {
    if (wanted.has(item)) found.push(i);
  });
  return found;
}
