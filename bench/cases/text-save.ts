/**
 * The format-preserving save (shared/iiif/document/text-patch.ts) at 10,000 canvases, in a layout
 * JSON.stringify cannot produce (tabs, arrays of plain values on one line), against JSON.stringify of the same
 * tree (target: a one-field save <= 1.5x). "first" is the first save after opening: it includes the lazy scan
 * for the changed value's place in the text; "again" reuses that scan, as a second edit before saving would not
 * (a save makes a new base), but as an autosave-free repeated measurement shows the diff's own cost.
 */
import { readDocument, setLabel } from '../../shared/iiif/document';
import { createTextBase, writeDocumentOver } from '../../shared/iiif/document/text-patch';
import { styledText } from '../../shared/iiif/document/text-style';
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
  return out;
}
