/**
 * Test helper: which lines two texts do not share, by a longest-common-subsequence over lines. Quadratic, so
 * only for small texts; `changedLineRange` is linear and says where the difference is in a large one.
 */
export interface LineDiff {
  /** Lines of `before` that are not in the common subsequence. */
  readonly removed: string[];
  /** Lines of `after` that are not in the common subsequence. */
  readonly added: string[];
}

export function lineDiff(before: string, after: string): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] as Uint32Array;
      row[j] =
        a[i] === b[j]
          ? (table[i + 1] as Uint32Array)[j + 1]! + 1
          : Math.max((table[i + 1] as Uint32Array)[j]!, row[j + 1]!);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if ((table[i + 1] as Uint32Array)[j]! >= (table[i] as Uint32Array)[j + 1]!) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  removed.push(...a.slice(i));
  added.push(...b.slice(j));
  return { removed, added };
}

/**
 * The lines (0-based, of `before`) between the common first and last lines of two texts, and how many lines of
 * `after` replace them: the smallest window a diff tool could show as one hunk.
 */
export function changedLineRange(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  return { first: head, removed: a.length - head - tail, added: b.length - head - tail };
}
