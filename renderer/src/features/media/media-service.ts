/**
 * Adding audio and video, and the edits of time-based canvases. Fetch first, commit once (like Add images):
 * the address is probed on the main side (404, web page, not media: a sentence), or the file stored there; then
 * the player reads duration and size; only then is the document changed, in one step. A failure at any point
 * leaves the document as it was.
 */
import { buildCanvas } from '../../../../shared/iiif/canvas-build';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import { canvasAt } from '../../../../shared/iiif/canvases';
import { setIn, type JsonObject } from '../../../../shared/iiif/json';
import {
  addClip,
  canvasFromMedia,
  companionFrom,
  companionOf,
  formatFor,
  removeClip,
  setClipSpan,
  setCompanion,
  withPaintingOf,
  type CompanionProperty,
  type MediaContainer,
  type MediaSource,
} from '../../../../shared/iiif/media';
import type { ClosedSpan } from '../../../../shared/iiif/time';
import { api } from '../../api';
import { useAppStore } from '../../store/store';
import { readBase64 } from '../add-images/add-images-service';
import { insertCanvasesAt } from '../canvases/canvas-drop-api';
import { resolveInputs, type Outcome } from '../add-images/resolve-inputs';
import { readMediaMetadata } from './media-metadata';

/** A file or address name without folders and extension, as a canvas label. */
export function mediaLabel(name: string): string {
  const last =
    name
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? name;
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    // keep it encoded
  }
  return text.replace(/\.[a-z0-9]{1,5}$/i, '') || 'Media';
}

async function measured(url: string, container: MediaContainer, name: string): Promise<MediaSource> {
  const meta = await readMediaMetadata(url, name);
  return { url, format: formatFor(container, meta.kind), ...meta };
}

/** The media at an address, probed and measured; throws a sentence. */
export async function mediaFromUrl(url: string): Promise<MediaSource> {
  const probed = await api.probeMedia({ url });
  if (!probed.ok) throw new Error(probed.error.message);
  return measured(url, probed.value.container, url);
}

/** A media file stored with the local images, then measured; throws a sentence. */
export async function mediaFromFile(file: File): Promise<MediaSource> {
  const stored = await api.importLocalMedia({
    name: file.name,
    dataBase64: await readBase64(file),
    origin: window.location.origin,
  });
  if (!stored.ok) throw new Error(stored.error.message);
  try {
    return await measured(stored.value.url, stored.value.container, `"${file.name}"`);
  } catch (error) {
    // Nothing of a file that cannot be used stays behind to be published.
    await api.discardLocalMedia({ url: stored.value.url, origin: window.location.origin });
    throw error;
  }
}

function commitCanvas(index: number, label: string, edit: (canvas: JsonObject) => JsonObject): void {
  const state = useAppStore.getState();
  const canvas = canvasAt(state.doc, index);
  if (!state.doc || !canvas) return;
  const next = edit(canvas);
  if (next === canvas) return;
  state.commit(label, setIn(state.doc, ['items', index], next) as JsonObject);
}

/** A new canvas for `media` at gap `at`, selected; one step. */
export function addMediaCanvas(media: MediaSource, label: string, at: number): void {
  const { doc } = useAppStore.getState();
  if (!doc) return;
  const canvas = canvasFromMedia(media, { mint: idMinterFor(doc), label });
  insertCanvasesAt(at, [canvas], media.kind === 'Video' ? 'Add video' : 'Add audio');
}

/** `media` as one more clip of the canvas at `index`; one step. */
export function addMediaClip(index: number, media: MediaSource): void {
  const { doc } = useAppStore.getState();
  if (!doc) return;
  const mint = idMinterFor(doc);
  commitCanvas(index, 'Add clip', (canvas) => addClip(canvas, media, mint));
}

/** Moves the clip at (page, item) of canvas `index` to `span`; one step. */
export function moveClip(index: number, page: number, item: number, span: ClosedSpan): void {
  commitCanvas(index, 'Set clip time', (canvas) => setClipSpan(canvas, page, item, span));
}

/** Removes the clip at (page, item) of canvas `index`; one step. */
export function deleteClip(index: number, page: number, item: number): void {
  commitCanvas(index, 'Remove clip', (canvas) => removeClip(canvas, page, item));
}

const NAMES: Record<CompanionProperty, string> = {
  placeholderCanvas: 'placeholder canvas',
  accompanyingCanvas: 'accompanying canvas',
};

/** Attaches a copy of `source` as the `property` of canvas `index` (replacing any); one step. */
export function attachCompanion(index: number, property: CompanionProperty, source: JsonObject): void {
  const { doc } = useAppStore.getState();
  if (!doc) return;
  const companion = companionFrom(source, idMinterFor(doc));
  commitCanvas(index, `Set ${NAMES[property]}`, (canvas) => setCompanion(canvas, property, companion));
}

export function removeCompanion(index: number, property: CompanionProperty): void {
  commitCanvas(index, `Remove ${NAMES[property]}`, (canvas) => setCompanion(canvas, property, undefined));
}

/** Replaces the companion with an edited one (its label, its image); one step per edit. */
export function editCompanion(
  index: number,
  property: CompanionProperty,
  next: JsonObject,
  label: string,
): void {
  commitCanvas(index, label, (canvas) => setCompanion(canvas, property, next));
}

/** A canvas built from an image address (as Add images would), to become a companion; throws a sentence. */
export async function canvasFromImageUrl(url: string): Promise<JsonObject> {
  const { doc } = useAppStore.getState();
  if (!doc) throw new Error('Open a manifest first.');
  let outcome: Outcome | undefined;
  await resolveInputs([url], { onOutcome: (_, o) => (outcome = o), isCancelled: () => false });
  if (!outcome) throw new Error(`${url} could not be read.`);
  if (!outcome.ok) throw new Error(outcome.reason);
  const seed = outcome.seeds[0];
  if (!seed) throw new Error(`${url} has no image.`);
  return buildCanvas(seed, idMinterFor(doc));
}

/**
 * Paints the `property` companion of canvas `index` with the image at `url`, keeping its id, label and other
 * properties; fetched first, then one step. Throws a sentence (and changes nothing) when the address fails.
 */
export async function replaceCompanionImage(
  index: number,
  property: CompanionProperty,
  url: string,
): Promise<void> {
  const built = await canvasFromImageUrl(url);
  commitCanvas(index, `Replace the ${NAMES[property]} image`, (canvas) => {
    const companion = companionOf(canvas, property);
    return companion ? setCompanion(canvas, property, withPaintingOf(companion, built)) : canvas;
  });
}
