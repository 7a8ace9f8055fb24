/** Split points from the canvas selection, and back to the text the Split dialog shows. */

/**
 * Where new parts begin when the selection says so: the first canvas of each run of selected canvases (select
 * canvases 5-8 and 20: parts begin at 5 and at 20). The first canvas of the manifest begins the first part
 * anyway, so it is no split point.
 */
export function splitPointsFromSelection(selected: ReadonlySet<number>): number[] {
  const sorted = [...selected].sort((a, b) => a - b);
  return sorted.filter((index, i) => index > 0 && (i === 0 || sorted[i - 1] !== index - 1));
}

/** [4, 8] → "5, 9": canvas numbers as the grid shows them. */
export function splitPointsText(points: readonly number[]): string {
  return points.map((p) => String(p + 1)).join(', ');
}
