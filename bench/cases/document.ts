/**
 * The document model against plain JSON, with the targets the README states: open <= 3x JSON.parse, save <=
 * 2x JSON.stringify, one canvas move < 1 ms at 10k canvases, heap < 5x the JSON size.
 *
 * Baselines: open is compared with JSON.parse of the same text; save with JSON.stringify(doc, null, 2), which
 * produces the same bytes as the save (the synthetic text is two-space pretty-printed).
 */
import { documentIndex, moveCanvases, readDocument, writeDocument } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import { SIZES } from '../lib/bench-case';
import { compare, retainedHeapMb, round, timeMedian } from '../lib/measure';
import { syntheticManifestText } from '../lib/synthetic-manifest';

export const name = 'document';

function open(text: string): JsonObject {
  const read = readDocument(text);
  if (!read.ok) throw new Error(`bench: synthetic manifest refused: ${read.error.message}`);
  return read.doc;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { label, canvases, runs } of SIZES) {
    const text = syntheticManifestText(canvases);
    out[`json_${label}_mb`] = round(text.length / 1024 / 1024, 1);

    const opened = compare(
      () => open(text),
      () => JSON.parse(text),
      runs,
    );
    out[`open_${label}_vs_parse`] = round(opened.ratio, 2);
    out[`open_${label}_ms`] = round(opened.subjectMs, 1);
    out[`parse_${label}_ms`] = round(opened.baselineMs, 1);

    // For callers that index at once (selection by id): open plus the id index, still against JSON.parse.
    const indexed = compare(
      () => documentIndex(open(text)),
      () => JSON.parse(text),
      runs,
    );
    out[`open_indexed_${label}_vs_parse`] = round(indexed.ratio, 2);

    const doc = open(text);
    const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
    if (writeDocument(doc, format) !== text)
      throw new Error('bench: save is not byte-identical to the input');
    const saved = compare(
      () => writeDocument(doc, format),
      () => JSON.stringify(doc, null, 2),
      runs,
    );
    out[`save_${label}_vs_stringify`] = round(saved.ratio, 2);
    out[`save_${label}_ms`] = round(saved.subjectMs, 1);

    // One canvas from the middle to near the front, as a drag in the canvas strip would.
    const middle = Math.floor(canvases / 2);
    out[`move_${label}_ms`] = round(
      timeMedian(() => moveCanvases(doc, [middle], 10), 101),
      4,
    );
    const fifty = Array.from({ length: 50 }, (_, i) => i * 3);
    out[`move50_${label}_ms`] = round(
      timeMedian(() => moveCanvases(doc, fifty, canvases), 101),
      4,
    );

    const heap = retainedHeapMb(() => open(text));
    out[`heap_${label}_mb`] = round(heap, 1);
    out[`heap_${label}_vs_json`] = round(heap / (text.length / 1024 / 1024), 2);
  }
  return out;
}
