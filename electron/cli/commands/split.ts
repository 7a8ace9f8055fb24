/**
 * `tessera split FILE --at 12,40 -o DIR [--collection] [--suffix TEXT] [--json]`: cuts a Manifest into parts
 * beginning at the canvases named (numbered from 1, as the app's grid shows them), each with the original's
 * properties and its share of the Ranges and annotations, written as DIR/<name>-part-<n>.json; with
 * --collection also DIR/<name>-collection.json listing the parts. Files of those names in DIR are replaced.
 *
 * Exit codes: 0 written; 1 the input could not be used (not a Manifest, a split point outside it, unwritable
 * DIR); 2 usage error.
 */
import path from 'node:path';
import { writeDocument } from '../../../shared/iiif/document';
import { displayStringOf } from '../../../shared/iiif/language';
import {
  DEFAULT_PART_SUFFIX,
  fileStem,
  parseSplitPoints,
  partsCollection,
  splitFileNames,
  splitManifest,
} from '../../../shared/iiif/split-merge';
import type { CliIo } from '../cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { describeFsError, displayName, ENCODING_HELP } from '../load-document';
import { loadInput, manifestsOnly } from '../load-input';
import { parseCommandLine } from '../parse-command-line';

export const usage = `Usage: tessera split FILE --at N[,N...] -o DIR [--collection] [--suffix TEXT] [--json]

Cuts a Manifest into parts, a new part beginning at each canvas N (numbered from 1). Each part keeps the
Manifest's properties, gets an id derived from its id (<base>/part-<n>/manifest.json) and a label with a part
suffix, and keeps the Ranges (clipped to its canvases) and annotations of its canvases. The parts are written
to DIR/<name>-part-<n>.json (<name> from FILE), replacing files of those names.

  FILE              the Manifest (Presentation 2 is upgraded first), or - for standard input
  --at N,N          the canvases where new parts begin, e.g. 12,40 for three parts
  -o, --output DIR  the folder to write the parts to (made when missing)
  --collection      also write DIR/<name>-collection.json, a Collection listing the parts
  --suffix TEXT     the label suffix, {n} the part's number and {total} the number of parts
                    (default "${DEFAULT_PART_SUFFIX}")
  --json            print what was written as JSON
${ENCODING_HELP}
  -h, --help        show this help
`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    'split',
    args,
    {
      at: { type: 'string' },
      output: { type: 'string', short: 'o' },
      collection: { type: 'boolean' },
      suffix: { type: 'string' },
      json: { type: 'boolean' },
      encoding: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [input, ...extra] = positionals;
  const missing =
    input === undefined
      ? 'name the Manifest to split'
      : extra.length > 0
        ? 'give one input file'
        : values.at === undefined
          ? 'say where parts begin with --at, e.g. --at 12,40'
          : values.output === undefined
            ? 'name the folder to write the parts to with -o DIR'
            : undefined;
  if (
    missing !== undefined ||
    input === undefined ||
    values.at === undefined ||
    values.output === undefined
  ) {
    io.stderr(`tessera split: ${missing ?? ''}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const loaded = await loadInput(
    'split',
    [input],
    io,
    manifestsOnly('only a Manifest can be split'),
    values.encoding,
  );
  if (typeof loaded === 'number') return loaded;
  const { doc, format } = loaded[0].read;
  const slots = Array.isArray(doc['items']) ? doc['items'].length : 0;
  const at = parseSplitPoints(values.at, slots);
  const outcome =
    typeof at === 'string'
      ? { ok: false as const, message: at }
      : splitManifest(doc, { at, ...(values.suffix !== undefined ? { labelSuffix: values.suffix } : {}) });
  if (!outcome.ok) {
    io.stderr(`tessera split: ${displayName(input)}: ${outcome.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const split = outcome.value;
  const names = splitFileNames(fileStem(input === '-' ? 'stdin' : input), split.parts.length);
  const dir = values.output;
  const files = split.parts.map((part, i) => ({
    file: path.join(dir, names.parts[i] as string),
    text: writeDocument(part.doc, format),
  }));
  const collection =
    values.collection === true
      ? partsCollection(
          doc,
          split.parts.map((p) => p.doc),
        )
      : undefined;
  const collectionFile = path.join(dir, names.collection);
  if (collection) files.push({ file: collectionFile, text: writeDocument(collection, format) });
  try {
    await io.makeFolder?.(dir);
  } catch (error) {
    io.stderr(`tessera split: cannot make ${describeFsError(error, dir, 'write')}\n`);
    return EXIT_BAD_INPUT;
  }
  for (const { file, text } of files) {
    try {
      await io.writeFile(file, text);
    } catch (error) {
      io.stderr(`tessera split: cannot write ${describeFsError(error, file, 'write')}\n`);
      return EXIT_BAD_INPUT;
    }
  }

  const report = {
    parts: split.parts.map((part, i) => ({
      file: files[i]?.file ?? '',
      id: part.id,
      label: displayStringOf(part.doc['label']),
      firstCanvas: part.start + 1,
      canvases: part.count,
      ranges: part.ranges,
    })),
    ranges: { total: split.ranges, shared: split.rangesShared, dropped: split.rangesDropped },
    annotationPagesDropped: split.annotationPagesDropped,
    ...(collection ? { collection: { file: collectionFile, id: collection['id'] } } : {}),
  };
  if (values.json === true) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }
  for (const part of report.parts)
    io.stdout(
      `${part.file}: canvases ${part.firstCanvas}-${part.firstCanvas + part.canvases - 1} (${part.canvases}), ${part.ranges} range(s), id ${part.id}\n`,
    );
  io.stdout(
    `Ranges: ${split.ranges} in the original, ${split.rangesShared} shared by several parts (new ids in the later ones), ${split.rangesDropped} dropped (left empty)\n`,
  );
  if (split.annotationPagesDropped > 0)
    io.stdout(`${split.annotationPagesDropped} annotation page(s) targeting no canvas of any part dropped\n`);
  if (collection) io.stdout(`${collectionFile}: a Collection of the ${split.parts.length} parts\n`);
  return EXIT_OK;
}
