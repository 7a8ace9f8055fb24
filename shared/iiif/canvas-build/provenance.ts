/**
 * Copying a canvas out of another institution's manifest. The copy gets new ids (so two manifests never claim
 * the same canvas id), keeps its image, service and thumbnail URLs (they name the institution's resources), and
 * records where it came from, so the credit travels with the image:
 *   - `partOf`: the source manifest (id, type, label), which is also how the UI traces a canvas back;
 *   - `requiredStatement`, `rights` and `provider` of the source manifest, when it had them and the canvas did
 *     not already carry its own (a canvas-level statement is the more specific one and wins).
 */
import { copyCanvas } from '../document/duplicate-canvases';
import { asArray, idOf } from '../fields';
import type { MintId } from '../document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

/** What a copied canvas needs to know about the manifest it came from. */
export interface SourceInfo {
  readonly id: string;
  readonly type: 'Manifest' | 'Collection';
  readonly label?: JsonValue;
  readonly requiredStatement?: JsonValue;
  readonly rights?: string;
  readonly provider?: JsonValue;
}

/** Reads the provenance fields of a (Presentation 3) manifest. */
export function sourceInfoOf(doc: JsonObject, fallbackId?: string): SourceInfo {
  const id = typeof doc['id'] === 'string' && doc['id'] !== '' ? doc['id'] : (fallbackId ?? '');
  const type = doc['type'] === 'Collection' ? 'Collection' : 'Manifest';
  return {
    id,
    type,
    ...(doc['label'] !== undefined ? { label: doc['label'] } : {}),
    ...(isJsonObject(doc['requiredStatement']) ? { requiredStatement: doc['requiredStatement'] } : {}),
    ...(typeof doc['rights'] === 'string' ? { rights: doc['rights'] } : {}),
    ...(isJsonArray(doc['provider']) && doc['provider'].length > 0 ? { provider: doc['provider'] } : {}),
  };
}

/** A copy of `canvas` with fresh ids from `mint`, `partOf` its source and the source's credits. */
export function copyCanvasFromSource(canvas: JsonObject, source: SourceInfo, mint: MintId): JsonObject {
  const copy = copyCanvas(canvas, mint);
  const out: Record<string, JsonValue> = { ...copy };
  if (source.id !== '') {
    const partOf = asArray(copy['partOf']).filter((entry) => idOf(entry) !== source.id);
    const reference: JsonObject = {
      id: source.id,
      type: source.type,
      ...(source.label !== undefined ? { label: source.label } : {}),
    };
    out['partOf'] = [reference, ...partOf];
  }
  if (source.requiredStatement !== undefined && copy['requiredStatement'] === undefined)
    out['requiredStatement'] = source.requiredStatement;
  if (source.rights !== undefined && copy['rights'] === undefined) out['rights'] = source.rights;
  if (source.provider !== undefined) {
    // Providers add up: the canvas's own first, then the source's, each agent once.
    const own = asArray(copy['provider']);
    const seen = new Set(own.map(idOf).filter((id): id is string => id !== null));
    const extra: JsonValue[] = [];
    for (const agent of asArray(source.provider)) {
      const id = idOf(agent);
      if (id !== null && seen.has(id)) continue;
      if (id !== null) seen.add(id);
      extra.push(agent);
    }
    if (extra.length > 0) out['provider'] = [...own, ...extra];
  }
  return out;
}

/** The manifests a canvas says it is part of, first (the direct source) first. */
export function canvasSources(canvas: JsonObject): { id: string; type: string; label?: JsonValue }[] {
  return asArray(canvas['partOf']).flatMap((entry) => {
    if (!isJsonObject(entry) || typeof entry['id'] !== 'string') return [];
    return [
      {
        id: entry['id'],
        type: typeof entry['type'] === 'string' ? entry['type'] : 'Manifest',
        ...(entry['label'] !== undefined ? { label: entry['label'] } : {}),
      },
    ];
  });
}

/** The ids of the images a canvas paints (bodies and their services), to find the original in its source. */
export function paintedImageIds(canvas: JsonObject): string[] {
  const ids: string[] = [];
  for (const page of asArray(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    for (const annotation of asArray(page['items'])) {
      if (!isJsonObject(annotation)) continue;
      for (const painted of asArray(annotation['body'])) {
        // A crop (SpecificResource) paints its source: the image to look for in the source manifest.
        const body =
          isJsonObject(painted) && painted['type'] === 'SpecificResource' ? painted['source'] : painted;
        if (!isJsonObject(body)) continue;
        const id = idOf(body);
        if (id) ids.push(id);
        for (const service of asArray(body['service'])) {
          if (!isJsonObject(service)) continue;
          const sid = service['id'] ?? service['@id'];
          if (typeof sid === 'string') ids.push(sid.replace(/\/info\.json$/, ''));
        }
      }
    }
  }
  return ids;
}

/** Index of the canvas in `candidates` that paints the same image as `copy`, or -1. */
export function findOriginal(copy: JsonObject, candidates: readonly JsonObject[]): number {
  const wanted = new Set(paintedImageIds(copy));
  if (wanted.size === 0) return -1;
  return candidates.findIndex((canvas) => paintedImageIds(canvas).some((id) => wanted.has(id)));
}

/**
 * For each canvas of `added`, the index of the first canvas of `existing` that already paints the same image
 * (-1: none), so re-adding an image can be pointed out. `existing` is a manifest's raw `items`, so the index is
 * the canvas's place there (entries that are not objects are skipped, not renumbered). Linear in the document.
 */
export function alreadyPainted(added: readonly JsonObject[], existing: readonly JsonValue[]): number[] {
  const where = new Map<string, number>();
  existing.forEach((canvas, index) => {
    if (!isJsonObject(canvas)) return;
    for (const id of paintedImageIds(canvas)) if (!where.has(id)) where.set(id, index);
  });
  return added.map((canvas) => {
    for (const id of paintedImageIds(canvas)) {
      const found = where.get(id);
      if (found !== undefined) return found;
    }
    return -1;
  });
}
