/**
 * `npx tsx bench/run.ts [--json] [case ...]`: runs every bench case in bench/cases (or the named ones) in one
 * process and prints their figures, as a table or, with --json, as one JSON object. Not a test: nothing here
 * passes or fails; the targets are printed next to the figures for a human (or CI) to judge.
 *
 * Heap figures need garbage collection on demand, so without --expose-gc the script re-runs itself with it,
 * keeping the loader flags tsx gave it (process.execArgv).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase } from './lib/bench-case';

const here = path.dirname(fileURLToPath(import.meta.url));

if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  if (process.env['TESSERA_BENCH_CHILD'] === '1') {
    process.stderr.write('bench: could not enable --expose-gc\n');
    process.exit(1);
  }
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, TESSERA_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}

const TARGETS: Record<string, string> = {
  open_10k_vs_parse: '<= 3',
  documents_10x1k_heap_vs_json: '<= 1.5',
  save_10k_vs_stringify: '<= 2',
  text_save_10k_label_first_vs_stringify: '<= 1.5',
  text_save_10k_canvas_first_vs_stringify: '<= 1.5',
  move_10k_ms: '< 1',
  heap_10k_vs_json: '< 5',
  reorder_10k_ms: '<= 16',
  scroll_10k_long_frames_pct: '<= 5',
  add_500_vs_ideal: '<= 1.3 (+1 s)',
  edit_10k_later_task_ms: '< 50',
  edit_drop_10k_later_task_ms: '< 50',
  annotations_200k_open_vs_parse: '<= 1.5',
  annotations_200k_heap_vs_json: '<= 1.5',
  annotations_200k_canvas_list_ms: '< 16',
  structure_open_10k_vs_parse: '<= 1.3',
  range_edit_10k_max_median_ms: '< 5',
  structure_tree_edit_10k_ms: '<= 16',
  structure_tree_scroll_long_frames_pct: '<= 5',
  collection_open_5k_vs_parse: '<= 1.5',
  collection_reorder100_5k_ms: '<= 16',
};

async function loadCases(only: readonly string[]): Promise<BenchCase[]> {
  const files = readdirSync(path.join(here, 'cases'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const cases: BenchCase[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, 'cases', file)).href)) as Partial<BenchCase>;
    if (typeof mod.name !== 'string' || typeof mod.run !== 'function') {
      throw new Error(`bench/cases/${file} must export \`name\` and \`run()\``);
    }
    if (only.length === 0 || only.includes(mod.name)) cases.push({ name: mod.name, run: mod.run });
  }
  return cases;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const only = args.filter((a) => !a.startsWith('--'));
  const results: Record<string, number> = {};
  for (const benchCase of await loadCases(only)) {
    if (!json) process.stderr.write(`bench: ${benchCase.name}...\n`);
    const figures = await benchCase.run();
    for (const [key, value] of Object.entries(figures)) {
      if (key in results) throw new Error(`bench: two cases report "${key}"`);
      results[key] = value;
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) {
    const target = TARGETS[key] ? `   (target ${TARGETS[key]})` : '';
    process.stdout.write(`${key.padEnd(width)}  ${String(value).padStart(10)}${target}\n`);
  }
}

await main();
