/**
 * The result of offline OCR as annotations: one `supplementing` annotation per recognised line, its box scaled
 * from image pixels to the canvas (`#xywh=`), its text a plain TextualBody in the language recognised, all in one
 * new AnnotationPage per canvas. Adding the pages of a whole run is one edit, so one undo step.
 */
import type { Rect } from '../image-api/image-selectors';
import { isJsonArray, isJsonObject, updateIn, type JsonObject, type JsonPath } from '../json';
import { newAnnotation } from './edits';

/** A recognised line, its box in pixels of the image that was recognised (see OcrCanvasResult). */
export interface OcrLine {
  readonly text: string;
  /** 0–100, as Tesseract reports it. */
  readonly confidence: number;
  readonly box: Rect;
}

export interface OcrCanvasResult {
  readonly canvasIndex: number;
  readonly canvasId: string;
  /** The canvas rectangle the recognised image covers, in canvas pixels. */
  readonly frame: Rect;
  /** Size of that image in the pixels the boxes are given in. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** In reading order. */
  readonly lines: readonly OcrLine[];
}

/**
 * Tesseract names languages by ISO 639-2 codes (`eng`, `deu`, `lat`); documents want BCP 47, which uses the
 * two-letter code where one exists. Scripts and variants Tesseract spells with a suffix (`chi_sim`) keep the base.
 */
const BCP47: Readonly<Record<string, string>> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  ita: 'it',
  spa: 'es',
  por: 'pt',
  nld: 'nl',
  lat: 'la',
  grc: 'grc',
  ell: 'el',
  rus: 'ru',
  pol: 'pl',
  ces: 'cs',
  swe: 'sv',
  dan: 'da',
  nor: 'no',
  fin: 'fi',
  hun: 'hu',
  heb: 'he',
  ara: 'ar',
  chi_sim: 'zh-Hans',
  chi_tra: 'zh-Hant',
  jpn: 'ja',
};

/** The BCP 47 tag for a Tesseract language code (`eng+lat` → the first: a line has one language). */
export function ocrLanguageTag(code: string): string {
  const first = code.split('+')[0] ?? code;
  return BCP47[first] ?? first.split('_')[0] ?? first;
}

/** A line's box on the canvas, in whole pixels covering at least the box found. */
export function lineBoxOnCanvas(result: OcrCanvasResult, box: Rect): Rect {
  const sx = result.frame.width / result.imageWidth;
  const sy = result.frame.height / result.imageHeight;
  const x = Math.floor(result.frame.x + box.x * sx);
  const y = Math.floor(result.frame.y + box.y * sy);
  const right = Math.ceil(result.frame.x + (box.x + box.width) * sx);
  const bottom = Math.ceil(result.frame.y + (box.y + box.height) * sy);
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** One AnnotationPage with a supplementing annotation per non-empty line. */
export function ocrAnnotationPage(args: {
  readonly result: OcrCanvasResult;
  readonly pageId: string;
  readonly annotationId: () => string;
  /** Tesseract's language code, as recognised. */
  readonly language: string;
}): JsonObject {
  const language = ocrLanguageTag(args.language);
  const items = args.result.lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '')
    .map((line) => {
      const box = lineBoxOnCanvas(args.result, line.box);
      return newAnnotation({
        id: args.annotationId(),
        motivation: 'supplementing',
        target: {
          source: args.result.canvasId,
          geometry: { kind: 'box', unit: 'pixel', x: box.x, y: box.y, w: box.width, h: box.height },
        },
        text: line.text,
        language,
      });
    });
  return {
    id: args.pageId,
    type: 'AnnotationPage',
    label: { en: [`Text recognised by OCR (${args.language})`] },
    items,
  };
}

/**
 * Adds one OCR page to each canvas in `results` (appended to its `annotations`): one edit for the whole run.
 * Returns the new pages' paths, so the panel can open transcription mode on the first new line.
 */
export function addOcrPages(
  doc: JsonObject,
  args: {
    readonly results: readonly OcrCanvasResult[];
    readonly language: string;
    readonly mint: (kind: string, parent?: string) => string;
  },
): { doc: JsonObject; pagePaths: JsonPath[] } {
  let next = doc;
  const pagePaths: JsonPath[] = [];
  for (const result of args.results) {
    // Canvases may have moved while OCR ran: a result lands on the canvas it was for, found by id (its old
    // position first), and nowhere when that canvas is gone.
    const items = isJsonArray(next.items) ? next.items : [];
    const holds = (i: number) => {
      const canvas = items[i];
      return isJsonObject(canvas) && canvas.id === result.canvasId;
    };
    const canvasIndex = holds(result.canvasIndex) ? result.canvasIndex : items.findIndex((_, i) => holds(i));
    const canvas = items[canvasIndex];
    if (!isJsonObject(canvas)) continue;
    const page = ocrAnnotationPage({
      result,
      pageId: args.mint('annotations', result.canvasId),
      annotationId: () => args.mint('annotation', result.canvasId),
      language: args.language,
    });
    const existing = canvas.annotations;
    const index = isJsonArray(existing) ? existing.length : 0;
    next = updateIn(next, ['items', canvasIndex, 'annotations'], (old) =>
      isJsonArray(old) ? [...old, page] : [page],
    ) as JsonObject;
    pagePaths.push(['items', canvasIndex, 'annotations', index]);
  }
  return { doc: next, pagePaths };
}
