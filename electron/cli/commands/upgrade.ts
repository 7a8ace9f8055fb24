/**
 * `tessera upgrade IN [-o OUT]`: any Presentation 2 or 3 manifest or collection in, Presentation 3 out.
 * Presentation 3 input comes out as it went in (same JSON, same key order, same layout), so the command is
 * safe to run over a whole folder of mixed files.
 */
import { writeDocument } from '../../../shared/iiif/document';
import type { CliIo } from '../cli-io';
import { parseCommandLine } from '../parse-command-line';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { describeFsError, ENCODING_HELP, loadDocument } from '../load-document';
import { loadInput } from '../load-input';

export const usage = `Usage: tessera upgrade IN [-o OUT] [--quiet] [--encoding windows-1252]

Reads a IIIF Presentation 2 or 3 manifest or collection and writes it as Presentation 3.
Presentation 3 input is written unchanged. The text layout (indentation, line endings) is kept.

  IN                 the file to read, or - for standard input
  -o, --output OUT   the file to write (replaced if it exists); standard output when omitted or -
  -q, --quiet        do not print notes about the upgrade on standard error
${ENCODING_HELP}
  -h, --help         show this help
`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    'upgrade',
    args,
    {
      output: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
      encoding: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [input, ...extra] = positionals;
  if (input === undefined || extra.length > 0) {
    io.stderr(
      `tessera upgrade: ${input === undefined ? 'name the file to upgrade' : 'give one input file'}\n\n${usage}`,
    );
    return EXIT_USAGE;
  }

  const inputs = await loadInput('upgrade', [input], io, loadDocument, values.encoding);
  if (typeof inputs === 'number') return inputs;
  const [loaded] = inputs;
  const { doc, format, notices } = loaded.read;
  if (!values.quiet) for (const n of notices) io.stderr(`tessera upgrade: note: ${n.message}\n`);

  // Presentation 3 goes out as it came in, byte for byte of its text: printing the parsed tree again would turn
  // 1e309 into null, round 30-digit integers and keep only the last of duplicate keys.
  const text = loaded.read.upgraded ? writeDocument(doc, format) : loaded.text;
  const output = values.output;
  if (output === undefined || output === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await io.writeFile(output, text);
  } catch (error) {
    io.stderr(`tessera upgrade: cannot write ${describeFsError(error, output, 'write')}\n`);
    return EXIT_BAD_INPUT;
  }
  return EXIT_OK;
}
