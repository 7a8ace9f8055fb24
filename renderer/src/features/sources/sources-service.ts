/**
 * Source flows (async work here, so components only call these and hold no request state of their own): open
 * a manifest or collection beside the document, copy its canvases into the document with provenance, and
 * trace a document canvas back to the source it came from.
 */
import { contentStateTargets } from '../../../../shared/iiif/canvas-build/import-inputs';
import {
  alreadyPainted,
  copyCanvasFromSource,
  findOriginal,
  canvasSources,
  sourceInfoOf,
} from '../../../../shared/iiif/canvas-build/provenance';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import { decodeContentState, readPlainContentState } from '../../../../shared/iiif/image-api/content-state';
import { isJsonArray, isJsonObject, type JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { askToAllowHost } from '../network/allow-host';
import { useAppStore } from '../../store/store';
import { insertCanvasesAt } from '../canvases/canvas-drop-api';
import { thumbnailOf } from '../canvases/canvas-view';
import { canvasItems } from '../../../../shared/iiif/canvases';
import { displayStringOf } from '../../../../shared/iiif/language';
import { displayLanguagesOf } from '../../components/language/display-language';
import { currentSource, sourceByKey, useSourcesStore, type OpenedSource } from './sources-store';

/** Drag data of canvases dragged out of the Sources panel. */
export const SOURCE_CANVASES_MIME = 'application/x-tessera-source-canvases';

export interface SourceDragPayload {
  readonly key: string;
  readonly indices: readonly number[];
}

let keyCounter = 0;

/** A content state typed or dropped where a source is expected means the manifest (or collection) it names. */
export function sourceLocationOf(input: string): string {
  const text = input.trim();
  let state = text.startsWith('{') ? readPlainContentState(text) : null;
  const param = /[?&#]iiif-content=([^&#\s]+)/.exec(text)?.[1];
  if (param) {
    let value = param;
    try {
      value = decodeURIComponent(param);
    } catch {
      // use it as it is
    }
    state = /^https?:/i.test(value) ? readPlainContentState(value) : decodeContentState(value);
  }
  if (!state?.ok) return text;
  if (state.kind === 'uri') return state.value;
  const target = contentStateTargets(state.value)[0];
  if (target?.kind === 'manifest') return target.manifestId;
  if (target?.kind === 'canvas') return target.manifestId;
  if (target?.kind === 'collection') return target.collectionId;
  return text;
}

function membersOf(doc: JsonObject) {
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  return items.filter(isJsonObject).flatMap((item) => {
    const id = item['id'];
    const type = item['type'];
    if (typeof id !== 'string' || (type !== 'Manifest' && type !== 'Collection')) return [];
    return [
      { id, type, label: displayStringOf(item['label'], displayLanguagesOf(useAppStore.getState())) || id },
    ];
  });
}

/** Opens a source: a URL, a content state or a file path. Returns the opened source, or null on failure. */
export async function openSourceAt(
  input: string,
  mode: 'push' | 'replace' = 'replace',
  /** 'public' for a member of a collection that came from the internet. */
  initiator: 'local' | 'public' = 'local',
  retried = false,
): Promise<OpenedSource | null> {
  const store = useSourcesStore.getState();
  const location = sourceLocationOf(input);
  if (location === '') return null;
  store.setOpen(true);
  store.setLoading(`Opening ${location}…`);
  store.setError(null);
  const result = await api.openSource({ location, initiator });
  useSourcesStore.getState().setLoading(null);
  if (!result.ok) {
    if (!retried && (await askToAllowHost(result.error))) return openSourceAt(input, mode, initiator, true);
    useSourcesStore.getState().setError(result.error.message);
    return null;
  }
  const doc = result.value.doc as JsonObject;
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  keyCounter += 1;
  const source: OpenedSource = {
    key: `source-${keyCounter}`,
    location: result.value.location,
    kind: result.value.kind,
    doc,
    info: sourceInfoOf(doc, result.value.finalUrl ?? result.value.location),
    label: displayStringOf(doc['label'], displayLanguagesOf(useAppStore.getState())) || result.value.location,
    canvases:
      result.value.kind === 'Manifest'
        ? (items.filter((item) => isJsonObject(item) && item['type'] === 'Canvas') as JsonObject[])
        : [],
    members: result.value.kind === 'Collection' ? membersOf(doc) : [],
    stale: result.value.stale,
    upgraded: result.value.sourceVersion === 2,
    origin: result.value.origin,
  };
  useSourcesStore.getState().show(source, mode);
  return source;
}

/** Copies of a source's canvases, ready to insert: new ids under the document's base, partOf and credits. */
export function copiesFrom(source: OpenedSource, indices: readonly number[]): JsonObject[] {
  const { doc } = useAppStore.getState();
  if (!doc) return [];
  const mint = idMinterFor(doc);
  return [...new Set(indices)]
    .filter((i) => i >= 0 && i < source.canvases.length)
    .sort((a, b) => a - b)
    .map((i) => copyCanvasFromSource(source.canvases[i] as JsonObject, source.info, mint));
}

/** Inserts copies of the source's canvases at `position` (a gap: 0 = before the first canvas), as one step. */
export function insertFromSource(key: string, indices: readonly number[], position: number): number {
  const source = sourceByKey(key);
  const state = useAppStore.getState();
  if (!source || !state.doc) return 0;
  if (state.doc['type'] !== 'Manifest') {
    state.showMessage({ kind: 'error', text: 'Canvases can only be added to a manifest.' });
    return 0;
  }
  const copies = copiesFrom(source, indices);
  if (copies.length === 0) return 0;
  const noun = copies.length === 1 ? 'canvas' : 'canvases';
  const before = alreadyPainted(copies, canvasItems(state.doc)).filter((index) => index >= 0);
  insertCanvasesAt(position, copies, `Add ${copies.length} ${noun} from ${source.label}`);
  keepOffline(copies, source.origin);
  // Added again on purpose or by mistake: say so, since the grid alone does not show it.
  if (before.length > 0) {
    const where = [...new Set(before)].map((index) => index + 1).join(', ');
    state.showMessage({
      kind: 'info',
      text:
        `${before.length === 1 ? '1 added canvas shows an image' : `${before.length} added canvases show images`} ` +
        `the manifest already had (canvas ${where}). Undo removes them.`,
    });
  }
  return copies.length;
}

/** Fetches the new canvases' thumbnails into the main side's cache, so they show offline later. */
export function keepOffline(canvases: readonly JsonObject[], initiator: 'local' | 'public' = 'local'): void {
  const urls = canvases
    .map(thumbnailOf)
    .filter((url): url is string => url !== null && /^https?:/i.test(url));
  for (let i = 0; i < urls.length; i += 1000)
    void api.cacheImages({ urls: urls.slice(i, i + 1000), initiator });
}

export function readSourceDrag(data: DataTransfer): SourceDragPayload | null {
  try {
    const value = JSON.parse(data.getData(SOURCE_CANVASES_MIME)) as Partial<SourceDragPayload>;
    if (typeof value.key !== 'string' || !Array.isArray(value.indices)) return null;
    return { key: value.key, indices: value.indices.filter((i): i is number => Number.isInteger(i)) };
  } catch {
    return null;
  }
}

/**
 * Fills the drag data for canvases dragged out of the panel: our own type for drops on the canvas grid, and a
 * IIIF content state (text/plain, the drag-and-drop convention) naming the canvases and their manifest, so
 * dropping them into another IIIF application works too.
 */
export function writeSourceDrag(data: DataTransfer, source: OpenedSource, indices: readonly number[]): void {
  data.setData(SOURCE_CANVASES_MIME, JSON.stringify({ key: source.key, indices }));
  const targets = indices.flatMap((i) => {
    const id = source.canvases[i]?.['id'];
    return typeof id === 'string'
      ? [{ id, type: 'Canvas', partOf: [{ id: source.info.id, type: source.info.type }] }]
      : [];
  });
  data.setData(
    'text/plain',
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      type: 'Annotation',
      motivation: ['contentState'],
      target: targets.length === 1 ? targets[0] : targets,
    }),
  );
  data.effectAllowed = 'copy';
}

/**
 * Opens the source a document canvas was copied from (its first `partOf`) and shows the original canvas.
 * Returns false when the canvas records no source.
 */
export async function traceToSource(canvas: JsonObject): Promise<boolean> {
  const origin = canvasSources(canvas)[0];
  if (!origin) return false;
  const already = currentSource(useSourcesStore.getState());
  const source =
    already && (already.info.id === origin.id || already.location === origin.id)
      ? already
      : await openSourceAt(origin.id);
  if (!source) return true;
  const index = findOriginal(canvas, source.canvases);
  const store = useSourcesStore.getState();
  store.setOpen(true);
  if (index >= 0) {
    store.select(index, 'only');
    store.setHighlight(index);
  }
  return true;
}
