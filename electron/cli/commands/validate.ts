/**
 * `tessera validate FILE... [--json]`: checks Presentation 3 documents (Presentation 2 is upgraded first, as
 * when opening it in the app) and prints what is wrong.
 *
 * Exit codes: 0 no errors (warnings allowed); 1 at least one error, or a file could not be read; 2 usage error.
 * With --json, stdout is exactly [{ "file", "findings": [{ "severity", "code", "message", "path" }] }], with
 * the path in its text form ($.items[3].label); an unreadable file appears with one "file-unreadable" error.
 */
import type { JsonValue } from '../../../shared/iiif/json';
import { duplicateKeyFindings } from '../../../shared/iiif/validation/duplicate-key-findings';
import { validate } from '../../../shared/iiif/validation/validate';
import type { Finding } from '../../../shared/iiif/validation/types';
import type { CliIo } from '../cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { displayName, ENCODING_HELP, loadDocument } from '../load-document';
import { decodeOptionsOf } from '../load-input';

export const usage = `Usage: tessera validate FILE... [--json] [--info] [--encoding windows-1252]

Checks IIIF Presentation 3 documents against the specification's rules.
  FILE     a Manifest or Collection (Presentation 2 is upgraded first); - reads standard input

Options:
  --json   print the findings of every file as JSON
  --info   also list suggestions (by default only counted)
${ENCODING_HELP}
  -h, --help   show this help

Exit status: 0 when no file has errors, 1 when one has (or cannot be read), 2 on a usage error.
`;

interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly unreadable?: string;
  readonly upgraded?: boolean;
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const files: string[] = [];
  let json = false;
  let showInfo = false;
  let encoding: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (arg === '--json') json = true;
    else if (arg === '--info') showInfo = true;
    else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      encoding = arg === '--encoding' ? (args[(i += 1)] ?? '') : arg.slice('--encoding='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`tessera validate: unknown option ${arg}\n\n${usage}`);
      return EXIT_USAGE;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.stderr(`tessera validate: give at least one file\n\n${usage}`);
    return EXIT_USAGE;
  }

  const decodeOptions = decodeOptionsOf('validate', encoding, io);
  if (typeof decodeOptions === 'number') return decodeOptions;
  const reports: FileReport[] = [];
  for (const file of files) {
    const loaded = await loadDocument(file, io, decodeOptions);
    if (!loaded.ok) reports.push({ file: displayName(file), findings: [], unreadable: loaded.message });
    else {
      const doc: JsonValue = loaded.read.doc;
      // As in the app (use-findings.ts): duplicate keys are findings of the text as written, which an upgraded
      // document no longer has.
      const fromText = loaded.read.upgraded ? [] : duplicateKeyFindings(loaded.text);
      reports.push({
        file: displayName(file),
        findings: [...validate(doc), ...fromText],
        upgraded: loaded.read.upgraded,
      });
    }
  }

  if (json) io.stdout(`${JSON.stringify(reports.map(toJson), null, 2)}\n`);
  else printReadable(reports, io, showInfo);
  const failed = reports.some(
    (r) => r.unreadable !== undefined || r.findings.some((f) => f.severity === 'error'),
  );
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

function toJson(report: FileReport): { file: string; findings: object[] } {
  if (report.unreadable !== undefined) {
    return {
      file: report.file,
      findings: [{ severity: 'error', code: 'file-unreadable', message: report.unreadable, path: '$' }],
    };
  }
  return {
    file: report.file,
    findings: report.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      path: f.pathText,
    })),
  };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printReadable(reports: readonly FileReport[], io: CliIo, showInfo: boolean): void {
  for (const report of reports) {
    if (report.unreadable !== undefined) {
      io.stderr(`tessera validate: ${report.unreadable}\n`);
      continue;
    }
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    const infos = report.findings.length - errors - warnings;
    const verdict = errors === 0 ? (warnings === 0 ? 'valid' : 'valid, with warnings') : 'not valid';
    io.stdout(
      `${report.file}: ${verdict} (${count(errors, 'error')}, ${count(warnings, 'warning')}, ${count(infos, 'suggestion')})\n`,
    );
    if (report.upgraded === true)
      io.stdout('  note: this is a Presentation 2 document; it was upgraded before checking\n');
    for (const finding of report.findings) {
      if (finding.severity === 'info' && !showInfo) continue;
      io.stdout(
        `  ${finding.severity.padEnd(7)} ${finding.pathText}  [${finding.code}]\n          ${finding.message}\n`,
      );
    }
    if (infos > 0 && !showInfo)
      io.stdout(`  (${count(infos, 'suggestion')} not shown; add --info to list them)\n`);
  }
}
