/**
 * `tessera ocr FILE -o OUT [--lang L] [--canvases 1-20]`: recognises the text of a manifest's canvases offline
 * (the same tesseract.js run as the app's, images fetched through the remote service and its cache) and writes
 * the manifest with one new page of `supplementing` annotations per canvas, a line each. Canvases that fail are
 * named on stderr; the others are still written, and the exit code is then 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addOcrPages, ocrSourceFor, type OcrSource } from '../../../shared/iiif/annotations';
import { idMinterFor, writeDocument } from '../../../shared/iiif/document';
import { isJsonArray } from '../../../shared/iiif/json';
import { OCR_LANGUAGE } from '../../../shared/ipc/contract';
import { UserFacingError } from '../../../shared/ipc/result';
import { bundledOcrFiles, type OcrFiles } from '../../services/ocr/ocr-files';
import { remoteOcrFetcher, type OcrImageFetcher } from '../../services/ocr/ocr-image';
import { runOcr } from '../../services/ocr/ocr-run';
import { createRemoteService } from '../../services/remote/remote-service';
import type { CliIo } from '../cli-io';
import { parseCommandLine } from '../parse-command-line';
import { cliCacheDir } from '../user-cache';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { describeFsError, displayName, loadDocument } from '../load-document';
import { loadInput } from '../load-input';

export const usage = `Usage: tessera ocr FILE -o OUT [--lang L] [--canvases 1-20]

Recognises the text of a IIIF manifest's canvases on this machine (nothing is sent anywhere but the image
servers the manifest names) and writes the manifest with one new annotation page per canvas: a
"supplementing" annotation for each line, with its box and its language.

  FILE                 the manifest to read, or - for standard input
  -o, --output OUT     the file to write (replaced if it exists), or - for standard output
  --lang L             Tesseract language code of the text (default eng)
  --canvases RANGES    which canvases, counted from 1: 3, 1-20, 1-5,9 (default all)
  -h, --help           show this help
`;

export interface OcrCommandDeps {
  readonly files?: OcrFiles;
  readonly fetcher?: OcrImageFetcher;
  readonly workers?: number;
}

/** "1-20,25" → zero-based indices below `count`, in order; null when malformed. */
export function parseCanvasRanges(text: string, count: number): number[] | null {
  const picked = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from) return null;
    for (let n = from; n <= Math.min(to, count); n += 1) picked.add(n - 1);
  }
  return [...picked].sort((a, b) => a - b);
}

function defaultFiles(): OcrFiles {
  // The CLI bundle is dist/cli/tessera.js: the worker is beside it in dist/ocr/.
  return bundledOcrFiles(path.dirname(fileURLToPath(import.meta.url)));
}

export async function run(args: readonly string[], io: CliIo, deps: OcrCommandDeps = {}): Promise<number> {
  const parsed = parseCommandLine(
    'ocr',
    args,
    {
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      canvases: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [input, ...extra] = positionals;
  const language = values.lang ?? 'eng';
  const problem =
    input === undefined
      ? 'name the manifest'
      : extra.length > 0
        ? 'give one manifest'
        : values.output === undefined
          ? 'say where to write the result with -o OUT'
          : !OCR_LANGUAGE.test(language)
            ? `"${language}" is not a Tesseract language code (like eng, deu, lat)`
            : null;
  if (problem !== null || input === undefined || values.output === undefined) {
    io.stderr(`tessera ocr: ${problem}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const loaded = await loadInput('ocr', [input], io, loadDocument);
  if (typeof loaded === 'number') return loaded;
  const { doc, format } = loaded[0].read;
  const count = isJsonArray(doc.items) ? doc.items.length : 0;
  if (doc.type !== 'Manifest' || count === 0) {
    io.stderr(`tessera ocr: ${displayName(input)} is not a manifest with canvases\n`);
    return EXIT_BAD_INPUT;
  }
  const indices =
    values.canvases === undefined
      ? Array.from({ length: count }, (_, i) => i)
      : parseCanvasRanges(values.canvases, count);
  if (indices === null) {
    io.stderr(`tessera ocr: --canvases takes numbers and ranges like 1-20,25, not "${values.canvases}"\n`);
    return EXIT_USAGE;
  }
  if (indices.length === 0) {
    io.stderr(`tessera ocr: the manifest has ${count} canvases; none is in ${values.canvases}\n`);
    return EXIT_BAD_INPUT;
  }

  const sources: OcrSource[] = [];
  const failures: string[] = [];
  for (const index of indices) {
    const found = ocrSourceFor(doc, index);
    if (found.ok) sources.push(found.source);
    else failures.push(found.message);
  }
  let remote: ReturnType<typeof createRemoteService> | undefined;
  let written = 0;
  try {
    let fetcher = deps.fetcher;
    if (!fetcher) {
      remote = createRemoteService({ cacheDir: cliCacheDir() });
      fetcher = remoteOcrFetcher(remote);
    }
    let next = doc;
    if (sources.length > 0) {
      let shown = '';
      const outcome = await runOcr({
        sources,
        language,
        files: deps.files ?? defaultFiles(),
        fetcher,
        ...(deps.workers === undefined ? {} : { workers: deps.workers }),
        onProgress: ({ done, total, fraction }) => {
          // One line per tenth, and when a canvas is finished.
          const percent = Math.floor(fraction * 10) * 10;
          if (`${percent}:${done}` === shown) return;
          shown = `${percent}:${done}`;
          io.stderr(`tessera ocr: ${percent}% (${done} of ${total} canvases)\n`);
        },
      });
      for (const failure of outcome.failures)
        failures.push(`canvas ${failure.canvasIndex + 1}: ${failure.message}`);
      next = addOcrPages(doc, { results: outcome.results, language, mint: idMinterFor(doc) }).doc;
      written = outcome.results.reduce((n, r) => n + r.lines.length, 0);
    }
    const text = writeDocument(next, format);
    if (values.output === '-') io.stdout(text);
    else {
      try {
        await io.writeFile(values.output, text);
      } catch (error) {
        io.stderr(`tessera ocr: ${describeFsError(error, values.output, 'write')}\n`);
        return EXIT_BAD_INPUT;
      }
    }
  } catch (error) {
    if (error instanceof UserFacingError) {
      io.stderr(`tessera ocr: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  } finally {
    remote?.close();
  }
  for (const failure of failures) io.stderr(`tessera ocr: ${failure}\n`);
  io.stderr(
    `tessera ocr: ${written} lines on ${indices.length - failures.length} of ${indices.length} canvases\n`,
  );
  return failures.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}
