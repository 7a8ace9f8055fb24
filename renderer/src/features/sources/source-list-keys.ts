/**
 * Where the arrow keys take the focus in the Sources panel's canvases (a listbox laid out as a grid): left and
 * right by one, up and down by a row, Home and End to either end. Null: the key is not a move.
 */
export function movedIndex(key: string, current: number, count: number, columns: number): number | null {
  if (count === 0) return null;
  const step = Math.max(1, columns);
  const target =
    key === 'ArrowRight'
      ? current + 1
      : key === 'ArrowLeft'
        ? current - 1
        : key === 'ArrowDown'
          ? current + step
          : key === 'ArrowUp'
            ? current - step
            : key === 'Home'
              ? 0
              : key === 'End'
                ? count - 1
                : null;
  return target === null ? null : Math.max(0, Math.min(count - 1, target));
}

/** How many options share the first one's row: the grid's column count as laid out now. */
export function columnsOf(list: HTMLElement): number {
  const options = list.querySelectorAll<HTMLElement>('[role="option"]');
  const top = options[0]?.offsetTop;
  let columns = 0;
  for (const option of options) {
    if (option.offsetTop !== top) break;
    columns += 1;
  }
  return columns;
}
