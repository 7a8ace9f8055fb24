/**
 * The second step every reading command shares, after parseCommandLine: the documents named on its command line
 * read (with `--encoding` where the command offers it), and any that cannot be used refused on stderr as
 * `tessera COMMAND: why`, exit 1. A command goes on only with every input read.
 */
import type { DecodeOptions } from '../../shared/iiif/document';
import type { CliIo } from './cli-io';
import { EXIT_BAD_INPUT } from './cli-io';
import { displayName, encodingOption, loadDocument, type LoadResult } from './load-document';

/** How a command reads one source: a document, or a sentence saying why it cannot be used. */
export type Loader<T> = (
  source: string,
  io: CliIo,
  options: DecodeOptions,
) => Promise<T | { readonly ok: false; readonly message: string }>;

export type Loaded = Extract<LoadResult, { ok: true }>;

/**
 * Reads every source with `load`, in order, each unusable one named (not just the first), before the command
 * writes anything. `encoding` is the command's `--encoding` value; a name it does not know refuses the run.
 * Returns the loaded inputs in the order of `sources`, or the exit code when the command is already answered.
 */
export async function loadInput<const S extends readonly string[], T extends { readonly ok: true }>(
  command: string,
  sources: S,
  io: CliIo,
  load: Loader<T>,
  encoding?: string,
): Promise<{ -readonly [K in keyof S]: T } | number> {
  const decodeOptions = decodeOptionsOf(command, encoding, io);
  if (typeof decodeOptions === 'number') return decodeOptions;
  const loaded: T[] = [];
  let failed = false;
  for (const source of sources) {
    const result = await load(source, io, decodeOptions);
    if (result.ok) loaded.push(result as T);
    else {
      io.stderr(`tessera ${command}: ${result.message}\n`);
      failed = true;
    }
  }
  return failed ? EXIT_BAD_INPUT : (loaded as { -readonly [K in keyof S]: T });
}

/**
 * The decode options of a command's `--encoding` value, or exit 1 with `tessera COMMAND: why` when it names an
 * encoding that cannot be named (for the commands that read their inputs themselves, as validate does).
 */
export function decodeOptionsOf(
  command: string,
  encoding: string | undefined,
  io: CliIo,
): DecodeOptions | number {
  const decodeOptions = encodingOption(encoding);
  if (typeof decodeOptions !== 'string') return decodeOptions;
  io.stderr(`tessera ${command}: ${decodeOptions}\n`);
  return EXIT_BAD_INPUT;
}

/**
 * loadDocument for the commands that take Manifests only: any other kind is refused as
 * `FILE is a KIND; <why>` (why: e.g. "only a Manifest can be split").
 */
export function manifestsOnly(why: string): Loader<Loaded> {
  return async (source, io, options) => {
    const loaded = await loadDocument(source, io, options);
    if (loaded.ok && loaded.read.kind !== 'Manifest')
      return { ok: false, message: `${displayName(source)} is a ${loaded.read.kind}; ${why}` };
    return loaded;
  };
}
