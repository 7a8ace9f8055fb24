/**
 * The start every command shares: its arguments parsed against its options, a wrong command line refused with
 * the command's usage (exit 2), and --help answered with it (exit 0). A command goes on only with parsed values.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { CliIo } from './cli-io';
import { EXIT_OK, EXIT_USAGE } from './cli-io';

/** -h/--help, which every command answers with its usage: declared here, once, for all of them. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP }>
>;

/** The parsed command line, or the exit code when the command is already answered (usage error, --help). */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: O,
  usage: string,
  io: CliIo,
): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    io.stderr(`tessera ${command}: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return EXIT_USAGE;
  }
  if ((parsed.values as { help?: unknown }).help === true) {
    io.stdout(usage);
    return EXIT_OK;
  }
  return parsed;
}
