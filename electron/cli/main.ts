/**
 * The `tessera` command line: a table of commands over the same shared/ core the app uses. Everything it needs
 * from the outside world arrives in `io`, so tests call runCli directly with real temporary files.
 */
import { APP_VERSION } from '../app-version';
import type { CliIo, CommandRun } from './cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from './cli-io';

interface CommandEntry {
  /** One line for `tessera --help`. */
  readonly summary: string;
  /** Loaded on use, so `tessera upgrade` does not load the validator. The bundler still includes every module. */
  readonly load: () => Promise<{ run: CommandRun }>;
}

/**
 * The registry. Adding a command is one line here plus its module in ./commands exporting
 * `run(args, io): Promise<number>` (and handling its own --help). A module cannot be registered "if it exists":
 * the bundle is built once, so every command is listed explicitly.
 */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  upgrade: {
    summary: 'write a Presentation 2 or 3 manifest or collection as Presentation 3',
    load: () => import('./commands/upgrade'),
  },
  info: {
    summary: 'describe an IIIF image service (info.json URL or file) as one descriptor',
    load: () => import('./commands/info'),
  },
  validate: {
    summary: 'check manifests and collections against Presentation 3 (--json for machine output)',
    load: () => import('./commands/validate'),
  },
  publish: {
    summary:
      'write manifests with final ids under --base into --out (several: with a collection.json; a collection: with its local members)',
    load: () => import('./commands/publish'),
  },
  annotations: {
    summary: 'list the annotations of a manifest or annotation page (--json, --text, --csv)',
    load: () => import('./commands/annotations'),
  },
  split: {
    summary: 'cut a Manifest into parts at chosen canvases (--at 12,40 -o DIR [--collection])',
    load: () => import('./commands/split'),
  },
  merge: {
    summary: 'merge Manifests into one, their canvases in the order given (-o OUT)',
    load: () => import('./commands/merge'),
  },
  ocr: {
    summary: 'recognise the text of canvases offline, as a page of line annotations each (-o OUT)',
    load: () => import('./commands/ocr'),
  },
};

export function helpText(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]?.summary ?? ''}`);
  return [
    'Usage: tessera <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `tessera <command> --help` for the arguments of one command.',
    'Exit codes: 0 done, 1 the input could not be used (stderr says why), 2 wrong command line.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    if (topic !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, topic)) {
      return runCli([topic, '--help'], io);
    }
    (name === undefined ? io.stderr : io.stdout)(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`tessera: unknown command "${name}"\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command.run(args, io);
  } catch (error) {
    // A command reports expected failures itself; anything reaching here is a bug, still reported in one line.
    io.stderr(
      `tessera ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_BAD_INPUT;
  }
}
