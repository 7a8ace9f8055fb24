/**
 * `tessera info <URL|FILE>`: reads an image service's info.json (any Image API version) from the web or from
 * a file and prints the descriptor the app would use, as JSON on stdout. Notes (offline copy, tolerated
 * quirks) go to stderr so stdout stays machine-readable.
 *
 * Exit codes: 0 done; 1 the input could not be read or is not usable image information; 2 usage error.
 */
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import { thumbnailFor } from '../../../shared/iiif/image-api/image-urls';
import { UserFacingError } from '../../../shared/ipc/result';
import { createRemoteService, type RemoteService } from '../../services/remote/remote-service';
import { cliCacheDir } from '../user-cache';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, type CliIo } from '../cli-io';
import { describeFsError, displayName } from '../load-document';

export interface InfoCommandDeps {
  /** A remote service to use (the CLI entry point may share one); otherwise one is created and closed here. */
  readonly remote?: RemoteService;
  /** Offline cache folder when no remote service is given. Default: the user's own cache folder (user-cache.ts). */
  readonly cacheDir?: string;
}

export const usage = `Usage: tessera info <URL|FILE|->

Prints the IIIF image service description (version, level, size, sizes, tiles, formats) as JSON.
  URL   an info.json address, or an image service base address (/info.json is added)
  FILE  a local info.json file
  -     an info.json read from standard input

Options:
  -h, --help   show this help
`;

export async function run(args: readonly string[], io: CliIo, deps: InfoCommandDeps = {}): Promise<number> {
  const positional: string[] = [];
  for (const arg of args) {
    if (arg === '-h' || arg === '--help') {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (arg.startsWith('-') && arg !== '-') {
      io.stderr(`tessera info: unknown option ${arg}\n\n${usage}`);
      return EXIT_USAGE;
    }
    positional.push(arg);
  }
  const [target, ...extra] = positional;
  if (target === undefined || extra.length > 0) {
    io.stderr(`tessera info: expected exactly one URL or file, got ${positional.length}\n\n${usage}`);
    return EXIT_USAGE;
  }
  try {
    return isUrl(target) ? await fromUrl(target, io, deps) : await fromFile(target, io);
  } catch (error) {
    const message =
      error instanceof UserFacingError || error instanceof Error ? error.message : String(error);
    io.stderr(`tessera info: ${message}\n`);
    return EXIT_BAD_INPUT;
  }
}

/** Anything with a scheme is treated as a URL (and non-web schemes are refused by the remote service). */
function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text); // not a Windows drive path
}

async function fromUrl(url: string, io: CliIo, deps: InfoCommandDeps): Promise<number> {
  const remote = deps.remote ?? createRemoteService({ cacheDir: deps.cacheDir ?? cliCacheDir() });
  try {
    const result = await remote.fetchInfo(url);
    if (result.stale) {
      io.stderr(
        `note: offline copy from the cache, may be out of date (${result.offlineReason?.message ?? 'network failed'})\n`,
      );
    }
    printDescriptor(result.descriptor, io);
    return EXIT_OK;
  } finally {
    if (!deps.remote) remote.close();
  }
}

async function fromFile(file: string, io: CliIo): Promise<number> {
  let bytes: Uint8Array;
  try {
    if (file === '-') {
      if (!io.readStdin)
        throw Object.assign(new Error('standard input is not available'), { code: 'NOSTDIN' });
      bytes = await io.readStdin();
    } else bytes = await io.readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? `there is no file "${file}"`
        : code === 'EISDIR'
          ? `"${file}" is a folder, not a file`
          : describeFsError(error, displayName(file));
    io.stderr(`tessera info: ${why}\n`);
    return EXIT_BAD_INPUT;
  }
  if (/\.(?:jpe?g|png|tiff?|jp2|gif|webp)$/i.test(file)) {
    io.stderr(
      `tessera info: "${file}" is an image file; give its info.json (or add the image to a project to make tiles)\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const parsed = parseInfoJson(new TextDecoder().decode(bytes));
  if (!parsed.ok) {
    const name = file === '-' ? 'standard input' : `"${file}"`;
    io.stderr(
      `tessera info: ${name} is not usable image information:\n${parsed.reasons.map((r) => `  - ${r}`).join('\n')}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  printDescriptor(parsed.value, io);
  return EXIT_OK;
}

function printDescriptor(descriptor: ImageServiceDescriptor, io: CliIo): void {
  for (const warning of descriptor.warnings) io.stderr(`note: ${warning}\n`);
  const thumbnail = thumbnailFor(descriptor, 200);
  io.stdout(`${JSON.stringify({ ...descriptor, thumbnail }, null, 2)}\n`);
}
