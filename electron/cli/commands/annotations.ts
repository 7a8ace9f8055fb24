/**
 * `tessera annotations FILE [--json|--text|--csv|--vtt [--canvas N]]`: every annotation of a manifest (Presentation 2 is upgraded
 * first, so its otherContent lists appear as referenced pages) or of an annotation page, annotation or
 * annotation collection file, with its motivation, target and bodies.
 *
 * --json prints { file, annotations: [{ id, page, canvas, motivation, targets: [{ source, geometry }], bodies }],
 * referencedPages }; --text the transcriptions (supplementing annotations) in reading order; --csv one row per
 * annotation; --vtt the annotations with text on time spans of one audio or video canvas, as WebVTT captions.
 * Without a flag, one readable line per annotation.
 */
import {
  annotationRecords,
  annotationsCsv,
  bodyText,
  describeTarget,
  formatWebVtt,
  referencedPageIds,
  timedTextOfCanvas,
  transcriptionText,
} from '../../../shared/iiif/annotations';
import { canvasList, canvasSlots } from '../../../shared/iiif/canvases';
import { readDocument, type DecodeOptions } from '../../../shared/iiif/document';
import { isJsonObject, type JsonValue } from '../../../shared/iiif/json';
import type { CliIo } from '../cli-io';
import { parseCommandLine } from '../parse-command-line';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { displayName, ENCODING_HELP, loadText } from '../load-document';
import { loadInput } from '../load-input';

export const usage = `Usage: tessera annotations FILE [--json | --text | --csv | --vtt [--canvas N]]

Lists every annotation of a IIIF manifest (Presentation 2 is upgraded first), annotation page, annotation or
annotation collection, with its motivation, target and body.

  FILE       the file to read, or - for standard input
  --json     print the annotations as JSON
  --text     print the transcriptions (supplementing annotations) as plain text, in reading order
  --csv      print one CSV row per annotation
  --vtt      print the captions of an audio or video canvas (its annotations with text on time spans) as WebVTT
  --canvas N with --vtt: the canvas, counted from 1 (needed when several canvases have captions)
${ENCODING_HELP}
  -h, --help show this help
`;

const STANDALONE_TYPES = ['AnnotationPage', 'Annotation', 'AnnotationCollection'];

type Loaded =
  { readonly ok: true; readonly doc: JsonValue } | { readonly ok: false; readonly message: string };

/** A manifest or collection through readDocument (with the upgrade); an annotation file as plain JSON. */
export async function loadAnnotated(source: string, io: CliIo, options: DecodeOptions = {}): Promise<Loaded> {
  const decoded = await loadText(source, io, options);
  if (!decoded.ok) return decoded;
  const read = readDocument(decoded.text);
  if (read.ok) return { ok: true, doc: read.doc };
  if (read.error.code === 'not-iiif') {
    const parsed = JSON.parse(decoded.text.replace(/^\uFEFF/, '')) as JsonValue;
    if (isJsonObject(parsed) && STANDALONE_TYPES.includes(String(parsed.type)))
      return { ok: true, doc: parsed };
  }
  return { ok: false, message: `${displayName(source)}: ${read.error.message}` };
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(
    'annotations',
    args,
    {
      json: { type: 'boolean' },
      text: { type: 'boolean' },
      csv: { type: 'boolean' },
      vtt: { type: 'boolean' },
      canvas: { type: 'string' },
      encoding: { type: 'string' },
    },
    usage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const modes = [values.json, values.text, values.csv, values.vtt].filter(Boolean).length;
  const [input, ...extra] = positionals;
  const canvasNumber = values.canvas === undefined ? undefined : Number(values.canvas);
  const badCanvas =
    values.canvas !== undefined &&
    (!values.vtt || canvasNumber === undefined || !Number.isInteger(canvasNumber) || canvasNumber < 1);
  if (input === undefined || extra.length > 0 || modes > 1 || badCanvas) {
    const why =
      modes > 1
        ? 'choose one of --json, --text, --csv, --vtt'
        : badCanvas
          ? values.vtt
            ? `--canvas takes a canvas number counted from 1, not "${values.canvas}"`
            : '--canvas goes with --vtt'
          : input === undefined
            ? 'name the file'
            : 'give one file';
    io.stderr(`tessera annotations: ${why}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const loaded = await loadInput('annotations', [input], io, loadAnnotated, values.encoding);
  if (typeof loaded === 'number') return loaded;
  const [{ doc }] = loaded;
  if (values.vtt) return printCaptions(doc, displayName(input), canvasNumber, io);
  if (values.text) io.stdout(transcriptionText(doc));
  else if (values.csv) io.stdout(annotationsCsv(doc));
  else if (values.json) {
    const report = {
      file: displayName(input),
      annotations: annotationRecords(doc),
      referencedPages: referencedPageIds(doc),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else printReadable(doc, displayName(input), io);
  return EXIT_OK;
}

function printReadable(doc: JsonValue, file: string, io: CliIo): void {
  const records = annotationRecords(doc);
  const referenced = referencedPageIds(doc);
  io.stdout(
    `${file}: ${records.length} annotation${records.length === 1 ? '' : 's'}` +
      (referenced.length > 0 ? `, ${referenced.length} referenced page(s) not read` : '') +
      '\n',
  );
  for (const record of records) {
    const where = record.canvas === undefined ? '' : `canvas ${record.canvas}  `;
    const text = record.bodies.map(bodyText).join(' | ').replace(/\s+/g, ' ');
    const preview = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    io.stdout(
      `  ${where}${record.motivation.join(' ') || '(no motivation)'}  ${record.targets.map(describeTarget).join('; ')}` +
        (preview ? `  "${preview}"` : '') +
        '\n',
    );
  }
}

/**
 * WebVTT of one canvas's annotations on time spans: canvas `number` (from 1), or the only canvas that has any.
 * Exit 1, saying why, when there is no such canvas or the choice is not the user's to guess.
 */
function printCaptions(doc: JsonValue, file: string, number: number | undefined, io: CliIo): number {
  if (!isJsonObject(doc) || doc.type !== 'Manifest') {
    io.stderr(
      `tessera annotations: ${file}: --vtt reads the captions of a manifest's canvases; this is not a manifest\n`,
    );
    return EXIT_BAD_INPUT;
  }
  // Canvas N is items[N - 1], as every other listing of this command counts them.
  if (number !== undefined) {
    if (number > canvasSlots(doc)) {
      io.stderr(`tessera annotations: ${file} has ${canvasSlots(doc)} canvases, not ${number}\n`);
      return EXIT_BAD_INPUT;
    }
    const cues = timedTextOfCanvas(doc, number - 1);
    if (cues.length === 0) {
      io.stderr(
        `tessera annotations: canvas ${number} of ${file} has no annotations with text on time spans\n`,
      );
      return EXIT_BAD_INPUT;
    }
    io.stdout(formatWebVtt(cues));
    return EXIT_OK;
  }
  const captioned = canvasList(doc)
    .map((entry) => ({ number: entry.index + 1, cues: timedTextOfCanvas(doc, entry.index) }))
    .filter((c) => c.cues.length > 0);
  const only = captioned[0];
  if (only === undefined) {
    io.stderr(`tessera annotations: ${file} has no annotations with text on time spans\n`);
    return EXIT_BAD_INPUT;
  }
  if (captioned.length > 1) {
    const numbers = captioned.map((c) => c.number);
    const listed = numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')}, …` : numbers.join(', ');
    io.stderr(`tessera annotations: ${file}: canvases ${listed} have captions; choose one with --canvas N\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(formatWebVtt(only.cues));
  return EXIT_OK;
}
