/** Timing and memory helpers for bench cases. Medians, because one GC pause should not move a figure. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Collects garbage when the process runs with --expose-gc (bench/run.ts makes sure it does). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Times `fn` `runs` times (after one warm-up) and returns the median in ms. Garbage is collected before each
 * run so that one run's garbage is not charged to the next.
 */
export function timeMedian(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Times a subject against its baseline, alternating the two so drift (thermal, other load) affects both alike.
 * Returns both medians in ms and their ratio.
 */
export function compare(subject: () => unknown, baseline: () => unknown, runs: number) {
  subject();
  baseline();
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    for (const [fn, out] of [
      [baseline, b],
      [subject, s],
    ] as const) {
      collectGarbage();
      const start = performance.now();
      fn();
      out.push(performance.now() - start);
    }
  }
  const subjectMs = median(s);
  const baselineMs = median(b);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs };
}

/** Heap growth in MB while `build()`'s result is alive. Needs --expose-gc to mean anything. */
export function retainedHeapMb(build: () => unknown): number {
  collectGarbage();
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  collectGarbage();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Keep `kept` reachable until after the second measurement.
  if (kept === Symbol.for('never')) console.log(kept);
  return (after - before) / 1024 / 1024;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
