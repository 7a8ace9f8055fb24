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
import { cutCanvasToRegion, type RegionCut } from './region-canvas';

/** One thing that becomes one canvas. */
export type CanvasSeed =
  | { readonly kind: 'service'; readonly descriptor: ImageServiceDescriptor; readonly label?: string }
  | { readonly kind: 'image'; readonly image: PlainImage; readonly label?: string }
  | {
      readonly kind: 'copy';
      readonly canvas: JsonObject;
      readonly source: SourceInfo;
      /**
       * Only this part of the canvas (checked with regionCutProblem when the seed was made): the copy
       * becomes a canvas of the region's size showing just that part.
       */
      readonly region?: RegionCut;
    };

export function buildCanvas(seed: CanvasSeed, mint: MintId): JsonObject {
  switch (seed.kind) {
    case 'service':
      return canvasFromDescriptor(seed.descriptor, { mint, ...(seed.label ? { label: seed.label } : {}) });
    case 'image':
      return canvasFromPlainImage(seed.image, { mint, ...(seed.label ? { label: seed.label } : {}) });
    case 'copy': {
      const copy = copyCanvasFromSource(seed.canvas, seed.source, mint);
      if (!seed.region) return copy;
      const cut = cutCanvasToRegion(copy, seed.region, mint);
      // A seed whose region cannot be cut is never made (resolving checks first): reaching this is a bug.
      if (!cut.ok) throw new Error(cut.reason);
      return cut.canvas;
    }
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
