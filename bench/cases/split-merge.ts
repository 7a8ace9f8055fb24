/**
 * Split and merge at 10,000 canvases (issue 17): splitting the opened manifest in four (what the Split dialog's
 * preview recomputes as the split points are typed) and merging the four parts back, each against JSON.parse of
 * the manifest's text; and merging the manifest with itself, where every id is used twice and is renamed.
 */
import { documentIds } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import { mergeManifests, splitManifest } from '../../shared/iiif/split-merge';
import { compare, round } from '../lib/measure';
import { syntheticManifest } from '../lib/synthetic-manifest';

export const name = 'split-merge';

const CANVASES = 10_000;
const RUNS = 9;

export async function run(): Promise<Record<string, number>> {
  const doc = syntheticManifest(CANVASES);
  const text = JSON.stringify(doc);
  // The document's ids are indexed once when it opens (and cached); the preview reuses them.
  documentIds(doc);
  const at = [2_500, 5_000, 7_500];
  const split = () => splitManifest(doc, { at });
  const first = split();
  if (!first.ok) throw new Error(first.message);
  const parts: JsonObject[] = first.value.parts.map((p) => p.doc);
  const parse = () => JSON.parse(text);
  const splitFigures = compare(split, parse, RUNS);
  const mergeFigures = compare(() => mergeManifests(parts), parse, RUNS);
  const twiceFigures = compare(() => mergeManifests([doc, doc]), parse, RUNS);
  return {
    split_10k_ms: round(splitFigures.subjectMs),
    split_10k_vs_parse: round(splitFigures.ratio),
    merge_parts_10k_ms: round(mergeFigures.subjectMs),
    merge_parts_10k_vs_parse: round(mergeFigures.ratio),
    merge_twice_10k_vs_parse: round(twiceFigures.ratio),
  };
}
