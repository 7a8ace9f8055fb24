/**
 * The memory of a publication, written beside its output: which id in the document became which published
 * URI. Republishing reads it back so every resource published before keeps its URI, whatever happened to the
 * document's order or ids since; comparing two records tells which URIs change, appear or disappear.
 */
import { isJsonObject, putOwn, type JsonValue } from '../json';

export const RECORD_FILE = '.tessera-record.json';

export interface PublicationRecord {
  readonly base: string;
  /** Each id a resource had in the document → the URI it was published at; kept across publications. */
  readonly ids: Readonly<Record<string, string>>;
  /** Canvases by what they show (their painted bodies) → URI, so a Canvas whose id was edited keeps its URI. */
  readonly canvases: Readonly<Record<string, string>>;
  /**
   * Pages, Annotations and Ranges by what they are (see resource-fingerprints) → URI, so one whose id was edited
   * keeps its URI. Records written before there were any lack it: read as empty.
   */
  readonly fingerprints: Readonly<Record<string, string>>;
  /** The URIs this publication serves, in document order. */
  readonly published: readonly string[];
}

/** One resource a publication names. */
export interface PublishedResource {
  readonly kind: 'manifest' | 'canvas' | 'page' | 'annotation' | 'range';
  /** Its id in the document, when it had one. */
  readonly source?: string;
  readonly published: string;
  /**
   * What it is apart from its id and place (see resource-fingerprints), when that tells it apart from every
   * other resource of its kind in the document.
   */
  readonly fingerprint?: string;
}

export interface UriChanges {
  /** Resources published before whose URI would now be another. */
  readonly changed: readonly { readonly source: string; readonly before: string; readonly after: string }[];
  readonly added: readonly string[];
  /** URIs served before that this publication no longer serves. */
  readonly removed: readonly string[];
}

function stringMap(value: JsonValue | undefined): Record<string, string> | undefined {
  if (!isJsonObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') return undefined;
    putOwn(out, key, v);
  }
  return out;
}

/** The record in `text`, or undefined when it is not one (a damaged record is ignored, not trusted). */
export function parseRecord(text: string): PublicationRecord | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  if (!isJsonObject(value) || typeof value.base !== 'string' || !Array.isArray(value.published))
    return undefined;
  const ids = stringMap(value.ids);
  const canvases = stringMap(value.canvases);
  const fingerprints = value.fingerprints === undefined ? {} : stringMap(value.fingerprints);
  const published = value.published.filter((p): p is string => typeof p === 'string');
  if (!ids || !canvases || !fingerprints) return undefined;
  return { base: value.base, ids, canvases, fingerprints, published };
}

function sorted(entries: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The record after publishing `resources` under `base`: what the previous one remembered (under the same base)
 * plus this publication's resources, so a resource deleted and restored later gets its old URI back.
 */
export function nextRecord(
  previous: PublicationRecord | undefined,
  base: string,
  resources: readonly PublishedResource[],
): PublicationRecord {
  const keep = previous?.base === base;
  const ids = new Map(keep ? Object.entries(previous.ids) : []);
  const canvases = new Map(keep ? Object.entries(previous.canvases) : []);
  const fingerprints = new Map(keep ? Object.entries(previous.fingerprints) : []);
  for (const r of resources) {
    if (r.source !== undefined) ids.set(r.source, r.published);
    if (r.fingerprint !== undefined)
      (r.kind === 'canvas' ? canvases : fingerprints).set(r.fingerprint, r.published);
  }
  return {
    base,
    ids: sorted(ids),
    canvases: sorted(canvases),
    fingerprints: sorted(fingerprints),
    published: resources.map((r) => r.published),
  };
}

/** Key order is fixed (sorted maps), so the same publication always writes the same record bytes. */
export function serializeRecord(record: PublicationRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function diffUris(
  previous: PublicationRecord | undefined,
  resources: readonly PublishedResource[],
): UriChanges {
  const before = new Set(previous?.published ?? []);
  const after = new Set(resources.map((r) => r.published));
  const changed: { source: string; before: string; after: string }[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.source === undefined || seen.has(r.source)) continue;
    seen.add(r.source);
    const was = previous?.ids[r.source];
    if (was !== undefined && was !== r.published && before.has(was) && !after.has(was))
      changed.push({ source: r.source, before: was, after: r.published });
  }
  const movedFrom = new Set(changed.map((c) => c.before));
  const movedTo = new Set(changed.map((c) => c.after));
  return {
    changed,
    added: [...after].filter((uri) => !before.has(uri) && !movedTo.has(uri)),
    removed: [...before].filter((uri) => !after.has(uri) && !movedFrom.has(uri)),
  };
}
