/**
 * The last, pure step of adding images: resolved inputs (image services, plain images, canvases from source
 * manifests), in the order the curator gave them, become new canvases inserted at one position of the
 * document, in one new document: one undo step however many images there were.
 */
import { insertCanvases } from '../document/canvas-edits';
import { idMinterFor, type MintId } from '../document/mint-ids';
import type { ImageServiceDescriptor } from '../image-api/descriptor';
import { isJsonArray, type JsonObject } from '../json';
import { canvasFromDescriptor, canvasFromPlainImage, type PlainImage } from './image-canvas';
import { copyCanvasFromSource, type SourceInfo } from './provenance';

/** One thing that becomes one canvas. */
export type CanvasSeed =
  | { readonly kind: 'service'; readonly descriptor: ImageServiceDescriptor; readonly label?: string }
  | { readonly kind: 'image'; readonly image: PlainImage; readonly label?: string }
  | { readonly kind: 'copy'; readonly canvas: JsonObject; readonly source: SourceInfo };

export function buildCanvas(seed: CanvasSeed, mint: MintId): JsonObject {
  switch (seed.kind) {
    case 'service':
      return canvasFromDescriptor(seed.descriptor, { mint, ...(seed.label ? { label: seed.label } : {}) });
    case 'image':
      return canvasFromPlainImage(seed.image, { mint, ...(seed.label ? { label: seed.label } : {}) });
    case 'copy':
      return copyCanvasFromSource(seed.canvas, seed.source, mint);
  }
}

export interface AddResult {
  readonly doc: JsonObject;
  /** Ids of the new canvases, in document order. */
  readonly ids: readonly string[];
  /** Where the first new canvas is. */
  readonly index: number;
}

/**
 * Inserts canvases built from `seeds` before position `index` (0-based; clamped to the list). Ids are minted
 * under the document's base URI and are unique in the document.
 */
export function addCanvases(doc: JsonObject, index: number, seeds: readonly CanvasSeed[]): AddResult {
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  const at = Math.max(0, Math.min(items.length, Math.floor(index)));
  if (seeds.length === 0) return { doc, ids: [], index: at };
  const mint = idMinterFor(doc);
  const canvases = seeds.map((seed) => buildCanvas(seed, mint));
  return {
    doc: insertCanvases(doc, at, canvases),
    ids: canvases.map((canvas) => String(canvas['id'])),
    index: at,
  };
}
