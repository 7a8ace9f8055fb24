/**
 * "Where did these canvases come from?" When canvases are assembled from other institutions' manifests, each
 * keeps a `partOf` link to its source manifest. These helpers list the sources and select a source's canvases.
 */
import type { JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { displayStringOf } from '../language';
import { canvasItems } from '../canvases';

export interface CanvasSource {
  readonly id: string;
  /** The source's label as recorded in the first `partOf` entry that has one; '' when none does. */
  readonly label: string;
  readonly type?: string;
  /** Number of canvases that name this source. */
  readonly count: number;
}

/** `partOf` entries of a canvas, tolerating a single object instead of an array. */
function partOfEntries(canvas: JsonValue | undefined): JsonValue[] {
  if (!isJsonObject(canvas)) return [];
  const partOf = canvas['partOf'];
  if (isJsonArray(partOf)) return [...partOf];
  return isJsonObject(partOf) ? [partOf] : [];
}

function entryId(entry: JsonValue): string | undefined {
  return isJsonObject(entry) && typeof entry['id'] === 'string' ? entry['id'] : undefined;
}

/** Indices (ascending) of canvases whose `partOf` includes `sourceId`. */
export function selectCanvasesFromSource(doc: JsonValue, sourceId: string): number[] {
  const indices: number[] = [];
  canvasItems(doc).forEach((canvas, index) => {
    if (partOfEntries(canvas).some((entry) => entryId(entry) === sourceId)) indices.push(index);
  });
  return indices;
}

/** Distinct sources in order of first appearance, with their labels and canvas counts. */
export function listCanvasSources(
  doc: JsonValue,
  preferredLanguages: readonly string[] = [],
): CanvasSource[] {
  const sources = new Map<string, { label: string; type?: string; count: number }>();
  for (const canvas of canvasItems(doc)) {
    const seen = new Set<string>();
    for (const entry of partOfEntries(canvas)) {
      const id = entryId(entry);
      if (id === undefined || seen.has(id) || !isJsonObject(entry)) continue;
      seen.add(id);
      const source = sources.get(id) ?? { label: '', count: 0 };
      source.count += 1;
      if (source.label === '') source.label = displayStringOf(entry['label'], preferredLanguages);
      if (source.type === undefined && typeof entry['type'] === 'string') source.type = entry['type'];
      sources.set(id, source);
    }
  }
  return [...sources].map(([id, source]) => ({ id, ...source }));
}
