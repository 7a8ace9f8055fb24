/**
 * The fuzz gate (issue 14.5, issue 20's acceptance): seeded mutations of every Presentation 2 and 3 manifest of
 * ../shared/corpus go through everything a file meets in Tessera: open (decode, read, upgrade), validate, the
 * certain fixes, the CSV round trip, publication (final ids, serialisation) and the CLI's validate and upgrade.
 * Each case must end in a result or a sentence: no exception escapes, no engine text ("is not a function",
 * "Maximum call stack") reaches a message, and no case runs away. Failures are named by seed, so
 * `FUZZ_SEED=<seed> FUZZ_CASES=1` replays one.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/cli-io';
import { runCli } from '../../electron/cli/main';
import { applyCsvImport, exportCanvasCsv, planCsvImport } from '../../shared/iiif/csv';
import { decodeDocumentBytes, readDocument } from '../../shared/iiif/document';
import { rewriteIds, serializePublication } from '../../shared/iiif/publish';
import { applyAllFixes, validate } from '../../shared/iiif/validation';
import { corpusManifests, pickSeedFile } from '../fuzz/corpus-seeds';
import { mulberry32, mutate, type MutationKind } from '../fuzz/mutate';
import { corpusPresent } from '../shared/validation/official-corpus';

const CASES = Number(process.env['FUZZ_CASES'] ?? 2_100);
const FIRST_SEED = Number(process.env['FUZZ_SEED'] ?? 1);
/** A case taking longer than this counts as a hang: a ceiling for a loaded two-core machine (the slowest case
 * is printed; a megabyte of HTML in one value, sanitised by validate and by the fixes, is the slowest kind). */
const HANG_MS = 30_000;
/** Texts of the engine or of a library, never of Tessera: one reaching a user is a bug. */
const INTERNAL =
  /is not a function|is not iterable|Cannot (read|set|use|convert)|Maximum call stack|undefined|null \(reading|unexpected error|\[object Object\]|of null|TypeError|RangeError/;

/** The CLI with one file in memory: no disk, so 2,000 runs cost only the work itself. */
function memoryIo(name: string, bytes: Uint8Array) {
  const captured = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (captured.stdout += text),
    stderr: (text) => void (captured.stderr += text),
    readFile: async (file) => {
      if (file !== name) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: async () => {},
  };
  return { io, captured };
}

type Outcome = { readonly refused?: string; readonly csvChanges: number };

class InternalText extends Error {}

function clear(where: string, message: string): void {
  if (INTERNAL.test(message)) throw new InternalText(`${where} said: ${message.slice(0, 300)}`);
}

async function runCase(bytes: Uint8Array): Promise<Outcome> {
  const cli = async (args: string[]) => {
    const { io, captured } = memoryIo('in.json', bytes);
    const code = await runCli(args, io);
    clear(`tessera ${args[0]} (exit ${code})`, captured.stderr);
    if (args[0] === 'validate') JSON.parse(captured.stdout); // --json prints JSON, whatever the verdict
  };
  await cli(['validate', 'in.json', '--json']);
  await cli(['upgrade', 'in.json', '--quiet']);

  const decoded = decodeDocumentBytes(bytes);
  if (!decoded.ok) {
    clear('decode', decoded.error.message);
    return { refused: `decode: ${decoded.error.code}`, csvChanges: 0 };
  }
  const read = readDocument(decoded.text);
  if (!read.ok) {
    clear('open', read.error.message);
    return { refused: `open: ${read.error.code}`, csvChanges: 0 };
  }
  for (const n of read.notices) clear('an open notice', n.message);
  const doc = read.doc;
  for (const f of validate(doc)) clear(`finding ${f.code}`, f.message);
  const fixed = applyAllFixes(doc);

  const csv = exportCanvasCsv(doc);
  const plan = planCsvImport(doc, csv);
  for (const p of plan.problems) clear('CSV import', p.message);
  applyCsvImport(doc, plan);

  const published = rewriteIds(fixed, { toBase: 'https://publish.example.org/fuzz' });
  JSON.parse(serializePublication(published.doc, false));
  return { csvChanges: plan.changes.length };
}

describe.skipIf(!corpusPresent)('the fuzz gate over the corpus', () => {
  it(`ends ${CASES} mutated manifests in a result or a sentence`, async () => {
    const seeds = corpusManifests();
    expect(seeds.length).toBeGreaterThan(100);
    let opened = 0;
    let csvChanged = 0;
    let hangs = 0;
    let slowest = { ms: 0, seed: 0, kind: '' };
    const refused = new Map<string, number>();
    const byKind = new Map<MutationKind, number>();
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed += 1) {
      const random = mulberry32(seed);
      const source = pickSeedFile(random, seeds);
      const mutation = mutate(source.text, random);
      byKind.set(mutation.kind, (byKind.get(mutation.kind) ?? 0) + 1);
      const label = `seed ${seed} (${mutation.kind} at ${mutation.where || 'the bytes'} of ${source.name})`;
      const start = performance.now();
      try {
        const outcome = await runCase(mutation.bytes);
        if (outcome.refused === undefined) opened += 1;
        else refused.set(outcome.refused, (refused.get(outcome.refused) ?? 0) + 1);
        if (outcome.csvChanges > 0) csvChanged += 1;
      } catch (error) {
        const text =
          error instanceof Error ? `${error.message}\n${error.stack?.split('\n')[1] ?? ''}` : String(error);
        failures.push(`${label}: ${error instanceof InternalText ? '' : 'uncaught: '}${text}`);
      }
      const ms = performance.now() - start;
      if (ms > HANG_MS) {
        hangs += 1;
        failures.push(`${label}: took ${Math.round(ms)} ms`);
      }
      if (ms > slowest.ms) slowest = { ms, seed, kind: mutation.kind };
    }
    const uncaught = failures.filter((f) => f.includes('uncaught:')).length;
    const internal = failures.length - uncaught - hangs;
    const list = (m: Map<string, number>) => [...m.entries()].map(([k, n]) => `${k} ×${n}`).join(', ');
    console.log(
      `fuzz gate: ${CASES} mutations of ${seeds.length} corpus manifests (${list(byKind)}); ` +
        `${opened} opened, refused: ${list(refused) || 'none'}; CSV round trip changed ${csvChanged}; ` +
        `uncaught ${uncaught}, internal texts ${internal}, hangs ${hangs}; ` +
        `slowest ${Math.round(slowest.ms)} ms (seed ${slowest.seed}, ${slowest.kind}).`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
