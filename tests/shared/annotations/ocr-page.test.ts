import { describe, expect, it } from 'vitest';
import {
  addOcrPages,
  lineBoxOnCanvas,
  listAnnotations,
  ocrLanguageTag,
  ocrSourceFor,
  type OcrCanvasResult,
} from '../../../shared/iiif/annotations';
import { createIdMinter } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';

const canvas = (n: number, body: JsonObject, target = `https://e.org/c/${n}`): JsonObject => ({
  id: `https://e.org/c/${n}`,
  type: 'Canvas',
  width: 2000,
  height: 1000,
  items: [
    {
      id: `https://e.org/c/${n}/p`,
      type: 'AnnotationPage',
      items: [{ id: `https://e.org/c/${n}/a`, type: 'Annotation', motivation: 'painting', body, target }],
    },
  ],
});
const service = {
  id: 'https://img.org/iiif/x/full/max/0/default.jpg',
  type: 'Image',
  service: [{ id: 'https://img.org/iiif/x', type: 'ImageService3', profile: 'level2' }],
};
const doc: JsonObject = {
  id: 'https://e.org/manifest.json',
  type: 'Manifest',
  items: [
    canvas(1, service),
    canvas(2, { id: 'https://img.org/plain.jpg', type: 'Image' }, 'https://e.org/c/2#xywh=1000,0,1000,1000'),
    canvas(3, { type: 'TextualBody', value: 'no image' }),
  ],
};
const result = (over: Partial<OcrCanvasResult> = {}): OcrCanvasResult => ({
  canvasIndex: 0,
  canvasId: 'https://e.org/c/1',
  frame: { x: 0, y: 0, width: 2000, height: 1000 },
  imageWidth: 1000,
  imageHeight: 500,
  lines: [
    { text: ' First  line ', confidence: 90, box: { x: 10, y: 20, width: 300, height: 30.2 } },
    { text: '  ', confidence: 10, box: { x: 0, y: 0, width: 5, height: 5 } },
    { text: 'Second line', confidence: 88, box: { x: 10, y: 60, width: 280, height: 30 } },
  ],
  ...over,
});

describe('OCR sources', () => {
  it('reads the painted image, its region and where it lies on the canvas', () => {
    expect(ocrSourceFor(doc, 0)).toEqual({
      ok: true,
      source: {
        canvasIndex: 0,
        canvasId: 'https://e.org/c/1',
        image: { kind: 'service', infoUrl: 'https://img.org/iiif/x/info.json' },
        region: 'full',
        frame: { x: 0, y: 0, width: 2000, height: 1000 },
      },
    });
    const plain = ocrSourceFor(doc, 1, { x: 1500, y: 100, width: 1000, height: 100 });
    expect(plain).toMatchObject({
      ok: true,
      source: {
        image: { kind: 'image', url: 'https://img.org/plain.jpg' },
        frame: { x: 1000, y: 0, width: 1000, height: 1000 },
        // Clipped to the image.
        area: { x: 1500, y: 100, width: 500, height: 100 },
      },
    });
  });

  it('refuses canvases without an image and areas beside it, in a sentence', () => {
    expect(ocrSourceFor(doc, 2)).toMatchObject({
      ok: false,
      message: 'Canvas 3 paints no image to recognise.',
    });
    expect(ocrSourceFor(doc, 1, { x: 0, y: 0, width: 500, height: 500 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('outside its image'),
    });
    expect(ocrSourceFor(doc, 9)).toMatchObject({ ok: false, message: 'There is no canvas 10.' });
  });
});

describe('OCR pages', () => {
  it('scales line boxes from image pixels to the canvas, covering the box found', () => {
    expect(lineBoxOnCanvas(result(), { x: 10, y: 20, width: 300, height: 30.2 })).toEqual({
      x: 20,
      y: 40,
      width: 600,
      height: 61,
    });
    const offset = result({
      frame: { x: 1000, y: 0, width: 1000, height: 1000 },
      imageWidth: 500,
      imageHeight: 500,
    });
    expect(lineBoxOnCanvas(offset, { x: 0, y: 0, width: 10, height: 10 })).toEqual({
      x: 1000,
      y: 0,
      width: 20,
      height: 20,
    });
  });

  it('adds one supplementing annotation per non-empty line in a new page, in one edit', () => {
    const mint = createIdMinter('https://e.org', new Set());
    const { doc: next, pagePaths } = addOcrPages(doc, { results: [result()], language: 'eng', mint });
    expect(pagePaths).toEqual([['items', 0, 'annotations', 0]]);
    const views = listAnnotations(next, { canvasIndex: 0 });
    expect(views.map((v) => v.annotation)).toEqual([
      {
        id: 'https://e.org/c/1/annotation/1',
        type: 'Annotation',
        motivation: 'supplementing',
        body: { type: 'TextualBody', value: 'First line', format: 'text/plain', language: 'en' },
        target: 'https://e.org/c/1#xywh=20,40,600,61',
      },
      {
        id: 'https://e.org/c/1/annotation/2',
        type: 'Annotation',
        motivation: 'supplementing',
        body: { type: 'TextualBody', value: 'Second line', format: 'text/plain', language: 'en' },
        target: 'https://e.org/c/1#xywh=20,120,560,60',
      },
    ]);
    expect(views[0]?.page.id).toBe('https://e.org/c/1/annotations/1');
    // Everything else is the same objects: unedited parts save unchanged.
    expect((next.items as JsonObject[])[1]).toBe((doc.items as JsonObject[])[1]);
  });

  it('follows a canvas that moved while OCR ran, and drops results for one that is gone', () => {
    const moved: JsonObject = {
      ...doc,
      items: [(doc.items as JsonObject[])[1] as JsonObject, (doc.items as JsonObject[])[0] as JsonObject],
    };
    const mint = createIdMinter('https://e.org', new Set());
    const gone = result({ canvasIndex: 2, canvasId: 'https://e.org/c/99' });
    const { doc: next, pagePaths } = addOcrPages(moved, { results: [result(), gone], language: 'deu', mint });
    expect(pagePaths).toEqual([['items', 1, 'annotations', 0]]);
    expect(listAnnotations(next, { canvasIndex: 1 })[0]?.bodies[0]).toMatchObject({ language: 'de' });
  });

  it('names languages in BCP 47', () => {
    expect(ocrLanguageTag('eng')).toBe('en');
    expect(ocrLanguageTag('lat+eng')).toBe('la');
    expect(ocrLanguageTag('chi_sim')).toBe('zh-Hans');
    expect(ocrLanguageTag('frk')).toBe('frk');
  });
});
