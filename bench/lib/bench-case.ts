/**
 * A bench case: one module in bench/cases exporting these two names. bench/run.ts finds every module there, runs
 * them one after another in one process and merges their figures into one flat object, so a case's keys must be
 * unique across cases (prefix them with what they measure, e.g. `validate_10k_ms`).
 */
export interface BenchCase {
  readonly name: string;
  run(): Promise<Record<string, number>>;
}

/** Canvas counts the document cases measure, with the runs each size can afford on a two-core machine. */
export const SIZES = [
  { label: '1k', canvases: 1_000, runs: 15 },
  { label: '10k', canvases: 10_000, runs: 7 },
  { label: '50k', canvases: 50_000, runs: 3 },
] as const;
