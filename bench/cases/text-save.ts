/**
 * The format-preserving save (shared/iiif/document/text-patch.ts) at 10,000 canvases, in a layout
 * JSON.stringify cannot produce (tabs, arrays of plain values on one line), against JSON.stringify of the same
 * tree (target: a one-field save <= 1.5x). "first" is the first save after opening: it includes the lazy scan
 * for the changed value's place in the text; "again" reuses that scan, as a second edit before saving would not
 * (a save makes a new base), but as an autosave-free repeated measurement shows the diff's own cost.
 *
 * Save makes its text in the background worker. "text_save_10k_canvas_main_thread_worker_vs_here" is what a
 * one-canvas save costs the main thread that way (encoding the edited document for the worker's mirror, and
 * cloning the messages and the returned text, each at most what posting them costs) against making the text
 * there ("first"). "mirror_batch_10k_refs_vs_whole" is posting a batch edit of every canvas (the elements with
 * references to their unchanged parts, tree-mirror.ts) against posting the edited canvases whole.
 */
import { readDocument, setLabel } from '../../shared/iiif/document';
import { createTextBase, writeDocumentOver } from '../../shared/iiif/document/text-patch';
import { styledText } from '../../shared/iiif/document/text-style';
import { createTreeEncoder, mirrorElement } from '../../renderer/src/features/background/tree-mirror';
import type { JsonObject } from '../../shared/iiif/json';
import { compare, round } from '../lib/measure';
import { syntheticManifestText } from '../lib/synthetic-manifest';

export const name = 'text-save';

export async function run(): Promise<Record<string, number>> {
  const synthetic = JSON.parse(syntheticManifestText(10_000)) as Parameters<typeof styledText>[0];
  const style = { indent: '\t', newline: '\n', colon: ': ', inlineScalarArrays: true, inlineSeparator: ', ' };
  const text = `${styledText(synthetic, '', style)}\n`;
  const read = readDocument(text);
  if (!read.ok) throw new Error(`bench: ${read.error.message}`);
  const { doc, format } = read;
  const out: Record<string, number> = {};
  const edits = {
    label: setLabel(doc, [], { en: ['A new title'] }),
    canvas: setLabel(doc, ['items', 5_000], { en: ['A new canvas label'] }),
  };
  for (const [what, edited] of Object.entries(edits)) {
    const check = writeDocumentOver(createTextBase(text, doc, format), edited);
    if (JSON.stringify(JSON.parse(check)) !== JSON.stringify(edited)) throw new Error('bench: wrong save');
    const first = compare(
      () => writeDocumentOver(createTextBase(text, doc, format), edited),
      () => JSON.stringify(edited, null, '\t'),
      7,
    );
    out[`text_save_10k_${what}_first_vs_stringify`] = round(first.ratio, 2);
    out[`text_save_10k_${what}_first_ms`] = round(first.subjectMs, 1);
    const warm = createTextBase(text, doc, format);
    const again = compare(
      () => writeDocumentOver(warm, edited),
      () => JSON.stringify(edited, null, '\t'),
      7,
    );
    out[`text_save_10k_${what}_again_vs_stringify`] = round(again.ratio, 3);
    out[`stringify_10k_tabs_ms`] = round(first.baselineMs, 1);
  }

  const edited = edits.canvas;
  const saved = writeDocumentOver(createTextBase(text, doc, format), edited);
  const encoder = createTreeEncoder();
  encoder.encode(doc);
  const inWorker = compare(
    () => {
      // Back to the opened document, then the edit: each time the edited canvas crosses again.
      encoder.encode(doc);
      const { elements, document } = encoder.encode(edited);
      structuredClone([elements.map(mirrorElement), document]);
      structuredClone(saved);
    },
    () => writeDocumentOver(createTextBase(text, doc, format), edited),
    7,
  );
  out['text_save_10k_canvas_main_thread_worker_vs_here'] = round(inWorker.ratio, 3);

  const items = doc['items'] as readonly JsonObject[];
  const batch = { ...doc, items: items.map((canvas) => ({ ...canvas, label: { en: ['Relabelled'] } })) };
  const refs = compare(
    () => {
      const mirror = createTreeEncoder();
      mirror.encode(doc);
      structuredClone(mirror.encode(batch).elements.map(mirrorElement));
    },
    () => structuredClone(batch['items']),
    5,
  );
  out['mirror_batch_10k_refs_vs_whole'] = round(refs.ratio, 2);
  return out;
}
