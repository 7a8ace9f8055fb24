/**
 * The peer: IIIF-Commons @iiif/parser, the normalising model many IIIF editors use. Open = JSON.parse +
 * normalize (into an entity store); save = serialize back to Presentation 3 + JSON.stringify. Both against the
 * same baselines as the document case, so the ratios compare directly.
 */
import { normalize, serialize, serializeConfigPresentation3 } from '@iiif/parser';
import { SIZES } from '../lib/bench-case';
import { compare, round } from '../lib/measure';
import { syntheticManifestText } from '../lib/synthetic-manifest';

export const name = 'peer-iiif-parser';

type Normalized = ReturnType<typeof normalize>;

function peerOpen(text: string): Normalized {
  return normalize(JSON.parse(text));
}

function peerSave(store: Normalized): string {
  const state = { entities: store.entities, mapping: store.mapping, requests: {} } as Parameters<
    typeof serialize
  >[0];
  const json = serialize<object>(
    state,
    store.resource as Parameters<typeof serialize>[1],
    serializeConfigPresentation3,
  );
  return JSON.stringify(json, null, 2);
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { label, canvases, runs } of SIZES) {
    const text = syntheticManifestText(canvases);
    const opened = compare(
      () => peerOpen(text),
      () => JSON.parse(text),
      runs,
    );
    out[`peer_open_${label}_vs_parse`] = round(opened.ratio, 2);
    out[`peer_open_${label}_ms`] = round(opened.subjectMs, 1);

    const store = peerOpen(text);
    const doc = JSON.parse(text) as unknown;
    const saved = compare(
      () => peerSave(store),
      () => JSON.stringify(doc, null, 2),
      runs,
    );
    out[`peer_save_${label}_vs_stringify`] = round(saved.ratio, 2);
    out[`peer_save_${label}_ms`] = round(saved.subjectMs, 1);
  }
  return out;
}
