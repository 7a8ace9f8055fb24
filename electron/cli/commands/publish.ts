/**
 * `tessera publish FILE --base URL --out DIR [--minify] [--allow-errors]`: gives the Manifest its final ids
 * under URL, validates it, and replaces DIR with the publication (DIR/manifest.json). DIR must be empty, new,
 * or an earlier publication. Images the Manifest references stay where they are: the command line has no
 * project, so it has no local image tiles to copy.
 *
 * Exit codes: 0 published; 1 not published (validation errors, unreadable file, write failure); 2 usage error.
 */
import type { PublishReport } from '../../services/publish/publish';
import { publish } from '../../services/publish/publish';
import type { CliIo } from '../cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { loadDocument } from '../load-document';

export const usage = `Usage: tessera publish FILE --base URL --out DIR [--minify] [--allow-errors]

Writes FILE (a Manifest) to DIR/manifest.json with every id rewritten under URL, the address DIR will be
served from. DIR is replaced as a whole; it must be empty, new, or an earlier publication.

Options:
  --base URL       public http(s) address of DIR
  --out DIR        output folder
  --minify         write compact JSON instead of indented JSON
  --allow-errors   publish even when validation finds errors
  -h, --help       show this help
`;

interface Parsed {
  readonly file: string;
  readonly base: string;
  readonly out: string;
  readonly minify: boolean;
  readonly allowErrors: boolean;
}

function parse(args: readonly string[]): Parsed | string {
  const files: string[] = [];
  let base: string | undefined;
  let out: string | undefined;
  let minify = false;
  let allowErrors = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '--base' || name === '--out') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${name} needs a value`;
      if (name === '--base') base = value;
      else out = value;
    } else if (name === '--minify') minify = true;
    else if (name === '--allow-errors') allowErrors = true;
    else if (name.startsWith('-') && name !== '-') return `unknown option ${name}`;
    else files.push(arg);
  }
  if (files.length !== 1) return `expected exactly one file, got ${files.length}`;
  if (base === undefined) return '--base is required';
  if (out === undefined) return '--out is required';
  return { file: files[0] as string, base, out, minify, allowErrors };
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(usage);
    return EXIT_OK;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`tessera publish: ${parsed}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const loaded = await loadDocument(parsed.file, io);
  if (!loaded.ok) {
    io.stderr(`tessera publish: ${loaded.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const { read } = loaded;
  if (read.kind !== 'Manifest') {
    io.stderr(`tessera publish: "${parsed.file}" is a ${read.kind}; publish takes a Manifest\n`);
    return EXIT_BAD_INPUT;
  }
  if (read.upgraded)
    io.stderr('note: this is a Presentation 2 document; it was upgraded to Presentation 3\n');
  const outcome = await publish({
    outDir: parsed.out,
    base: parsed.base,
    manifests: [{ doc: read.doc }],
    minify: parsed.minify,
    allowErrors: parsed.allowErrors,
  });
  if (!outcome.ok) {
    io.stderr(`tessera publish: ${outcome.error.message}\n`);
    return outcome.error.code === 'invalid-base' ? EXIT_USAGE : EXIT_BAD_INPUT;
  }
  printReport(outcome.value, io);
  return EXIT_OK;
}

function printReport(report: PublishReport, io: CliIo): void {
  for (const manifest of report.manifests) {
    const errors = manifest.findings.filter((f) => f.severity === 'error');
    const warnings = manifest.findings.filter((f) => f.severity === 'warning');
    io.stdout(`Published ${manifest.url}\n  to ${report.outDir}/${manifest.file}\n`);
    if (errors.length > 0) io.stdout(`  with ${errors.length} validation error(s) (allowed)\n`);
    if (warnings.length > 0)
      io.stdout(`  ${warnings.length} warning(s); run tessera validate on the output to see them\n`);
    const { changes } = manifest;
    if (changes.firstPublication) io.stdout('  first publication in this folder\n');
    else if (changes.identical) io.stdout('  unchanged since the last publication\n');
    else if (changes.previousUnreadable)
      io.stdout('  replaced an earlier manifest.json that was not valid JSON\n');
    else {
      const { counts, added, removed, changed } = changes.diff;
      io.stdout(
        `  since the last publication: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed\n`,
      );
      for (const [sign, paths] of [
        ['+', added],
        ['-', removed],
        ['~', changed],
      ] as const) {
        for (const p of paths.slice(0, 10)) io.stdout(`    ${sign} ${p}\n`);
      }
    }
  }
}
