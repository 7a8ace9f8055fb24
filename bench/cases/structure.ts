/**
 * The table of contents at size (issue 15's speed targets): 10,000 canvases with 2,000 Ranges three levels
 * deep (16 parts, 64 chapters, 1,920 sections, every canvas in one section), opened against JSON.parse of the
 * same text (target <= 1.3), and the median time of each range edit in the model (target < 5 ms), with the
 * structure view the panel derives from the edited document (its rows and counts) included in the figure.
 * Deleting canvases, which prunes their references from the ranges, is reported beside the range edits.
 */
import { removeCanvases } from '../../shared/iiif/document/canvas-edits';
import { createIdMinter } from '../../shared/iiif/document/mint-ids';
import { readDocument } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import {
  addCanvasPart,
  appendRanges,
  canvasIdsOf,
  createRange,
  mergeWithNext,
  moveItem,
  moveItemTo,
  rangesFromOutline,
  removeItem,
  renameRange,
  splitRange,
  structureView,
  type OutlineEntry,
} from '../../shared/iiif/structure';
import { compare, round, timeMedian } from '../lib/measure';
import { syntheticManifest } from '../lib/synthetic-manifest';

export const name = 'structure';

const CANVASES = 10_000;
const PARTS = 16;
const CHAPTERS = 4;
const SECTIONS = 30;
const RUNS = 7;
const EDIT_RUNS = 51;

/** The outline of parts > chapters > sections, spread evenly over the canvases. */
function outline(): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const part = CANVASES / PARTS;
  for (let p = 0; p < PARTS; p += 1) {
    const partFirst = Math.floor(p * part);
    entries.push({ label: `Part ${p + 1}`, level: 1, first: partFirst });
    for (let c = 0; c < CHAPTERS; c += 1) {
      const chapterFirst = partFirst + Math.floor((c * part) / CHAPTERS);
      const chapterLength = part / CHAPTERS;
      entries.push({ label: `Chapter ${p + 1}.${c + 1}`, level: 2, first: chapterFirst });
      for (let s = 0; s < SECTIONS; s += 1) {
        const first = chapterFirst + Math.floor((s * chapterLength) / SECTIONS);
        entries.push({ label: `Section ${p + 1}.${c + 1}.${s + 1}`, level: 3, first });
      }
    }
  }
  return entries;
}

export function structuredManifestText(): string {
  const doc = syntheticManifest(CANVASES);
  const mint = createIdMinter('https://example.org/b1', new Set());
  const withRanges = appendRanges(doc, rangesFromOutline(outline(), canvasIdsOf(doc), mint));
  return `${JSON.stringify(withRanges, null, 2)}\n`;
}

function open(text: string): JsonObject {
  const read = readDocument(text);
  if (!read.ok) throw new Error(`bench: structured manifest refused: ${read.error.message}`);
  return read.doc;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const text = structuredManifestText();
  const doc = open(text);
  const view = structureView(doc);
  if (view.nodes.length !== 2_000 || view.countsByDepth.join() !== '16,64,1920')
    throw new Error(`bench: expected 2,000 ranges, got ${view.countsByDepth.join(', ')} by depth`);
  out['structure_10k_json_mb'] = round(text.length / 1024 / 1024, 1);

  const opened = compare(
    () => open(text),
    () => JSON.parse(text),
    RUNS,
  );
  out['structure_open_10k_vs_parse'] = round(opened.ratio, 2);
  out['structure_open_10k_ms'] = round(opened.subjectMs, 1);
  out['structure_parse_10k_ms'] = round(opened.baselineMs, 1);
  // What the panel needs on top: the flat view of every Range with depth and counts.
  const withView = compare(
    () => structureView(open(text)),
    () => JSON.parse(text),
    RUNS,
  );
  out['structure_open_view_10k_vs_parse'] = round(withView.ratio, 2);

  // Each edit on the opened document, then the structure view of the result (what the tree is painted from).
  const mint = createIdMinter('https://example.org/b1', new Set());
  const section = [7, 2, 15]; // Part 8 > Chapter 8.3 > Section 8.3.16
  const firstCanvas = section.concat(0);
  const canvasId = (canvasIdsOf(doc)[5_000] as string) ?? '';
  const edits: Record<string, () => JsonObject> = {
    new_range: () =>
      createRange(doc, { container: [], range: { id: mint('range'), label: 'New' }, canvasIds: [canvasId] })
        .doc,
    new_child: () =>
      createRange(doc, {
        container: section,
        range: { id: mint('range'), label: 'New' },
        canvasIds: [canvasId],
      }).doc,
    rename: () => renameRange(doc, section, 'Renamed'),
    split: () => splitRange(doc, section, 2, { id: mint('range'), label: 'Second half' }).doc,
    merge: () => mergeWithNext(doc, section),
    move_up: () => moveItem(doc, section, 'up').doc,
    move_in: () => moveItem(doc, section, 'in').doc,
    move_out: () => moveItem(doc, section, 'out').doc,
    drag_across: () => moveItemTo(doc, firstCanvas, [12, 1, 3], 0).doc,
    remove: () => removeItem(doc, section),
    add_region: () => addCanvasPart(doc, section, canvasId, 'xywh=10,10,200,300'),
  };
  for (const [edit, apply] of Object.entries(edits)) {
    const next = apply();
    if (next === doc) throw new Error(`bench: the ${edit} edit changed nothing`);
    out[`range_${edit}_10k_ms`] = round(
      timeMedian(() => structureView(apply()), EDIT_RUNS),
      3,
    );
  }
  out['range_edit_10k_max_median_ms'] = Math.max(
    ...Object.entries(out)
      .filter(([key]) => key.startsWith('range_') && key.endsWith('_10k_ms'))
      .map(([, value]) => value),
  );
  // A canvas edit that reaches the ranges: deleting two canvases takes their references out of the sections.
  out['range_delete_canvases_10k_ms'] = round(
    timeMedian(() => structureView(removeCanvases(doc, [100, 5_000])), EDIT_RUNS),
    3,
  );
  return out;
}
