/**
 * `tessera merge FILE... -o OUT [--id URI] [--json]`: one Manifest of the canvases of all, in the order given,
 * with their Ranges and annotations and the first Manifest's own properties. Ids an earlier Manifest used are
 * renamed (references following); what the other Manifests' properties said that the first's did not is
 * reported, not silently lost.
 *
 * Exit codes: 0 written; 1 an input could not be used (unreadable, not a Manifest) or OUT not written; 2 usage.
 */
import { DEFAULT_TEXT_FORMAT, writeDocument } from '../../../shared/iiif/document';
import { mergeManifests } from '../../../shared/iiif/split-merge';
import type { CliIo } from '../cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { describeFsError, displayName, ENCODING_HELP } from '../load-document';
import { loadInput, manifestsOnly } from '../load-input';
import { parseCommandLine } from '../parse-command-line';

export const usage = `Usage: tessera merge FILE FILE... -o OUT [--id URI] [--json]

Merges Manifests into one: their canvases one after another in the order given, their Ranges and annotation
pages, and the first Manifest's label, rights and other properties. A canvas (or page, annotation, Range) whose
id an earlier Manifest already used gets a new one, and the references to it follow.

  FILE             a Manifest (Presentation 2 is upgraded first); - reads standard input (once)
  -o, --output OUT the file to write (replaced if it exists); - for standard output
  --id URI         the merged Manifest's id (default: <base of the first>/merged/manifest.json)
  --json           print the report as JSON (needs -o to be a file)
${ENCODING_HELP}
  -h, --help       show this help
`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    'merge',
    args,
    {
      output: { type: 'string', short: 'o' },
      id: { type: 'string' },
      json: { type: 'boolean' },
      encoding: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals: files } = parsed;
  const problem =
    files.length < 2
      ? 'give at least two Manifests to merge'
      : files.filter((f) => f === '-').length > 1
        ? 'standard input ("-") can be given only once'
        : values.output === undefined
          ? 'name the file to write with -o OUT'
          : values.json === true && values.output === '-'
            ? '--json prints the report on standard output, so write the Manifest to a file'
            : undefined;
  if (problem !== undefined || values.output === undefined) {
    io.stderr(`tessera merge: ${problem ?? ''}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const loaded = await loadInput(
    'merge',
    files,
    io,
    manifestsOnly('only Manifests can be merged'),
    values.encoding,
  );
  if (typeof loaded === 'number') return loaded;
  const docs = loaded.map((l) => l.read.doc);
  const format = loaded[0]?.read.format ?? DEFAULT_TEXT_FORMAT;
  const outcome = mergeManifests(docs, values.id !== undefined ? { id: values.id } : {});
  if (!outcome.ok) {
    io.stderr(`tessera merge: ${outcome.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const merged = outcome.value;
  const text = writeDocument(merged.doc, format);
  if (values.output === '-') io.stdout(text);
  else {
    try {
      await io.writeFile(values.output, text);
    } catch (error) {
      io.stderr(`tessera merge: cannot write ${describeFsError(error, values.output, 'write')}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const report = {
    file: values.output,
    id: merged.id,
    canvases: merged.canvases.reduce((a, b) => a + b, 0),
    renamedCanvases: merged.renamedCanvases,
    renamedOthers: merged.renamedOthers,
    dropped: merged.dropped.map((d) => ({ file: displayName(files[d.index] ?? ''), properties: d.keys })),
  };
  if (values.json === true) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }
  // With the Manifest on standard output, the report goes to standard error.
  const say = values.output === '-' ? io.stderr : io.stdout;
  say(
    `Merged ${files.length} Manifests, ${report.canvases} canvases, into ${displayName(values.output)} (id ${merged.id})\n`,
  );
  if (merged.renamedCanvases + merged.renamedOthers > 0)
    say(
      `${merged.renamedCanvases} canvas id(s) and ${merged.renamedOthers} page, annotation or Range id(s) used twice were renamed\n`,
    );
  for (const d of report.dropped)
    say(`Not kept from ${d.file} (the first Manifest's are): ${d.properties.join(', ')}\n`);
  return EXIT_OK;
}
