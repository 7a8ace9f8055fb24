import { describe, expect, it } from 'vitest';
import {
  addCanvases,
  canvasSources,
  clipRegionToCanvas,
  cutCanvasToRegion,
  findOriginal,
  regionCutProblem,
  sourceInfoOf,
} from '../../../shared/iiif/canvas-build';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import { newManifest } from '../../../shared/iiif/document/new-manifest';
import { paintedItems } from '../../../shared/iiif/document/painted-items';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { schemaErrors, schemaMissingMessage, schemaPresent } from './schema';

const SRC = 'https://museum.example.org/iiif/book';
const CANVAS = `${SRC}/canvas/1`;
const BASE = 'https://example.org/iiif/project';

function service(name: string, level = 'level1'): JsonObject {
  return { id: `https://img.example.org/iiif/${name}`, type: 'ImageService3', profile: level };
}

function image(name: string, width: number, height: number, level = 'level1'): JsonObject {
  return {
    id: `https://img.example.org/iiif/${name}/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width,
    height,
    service: [service(name, level)],
  };
}

function painting(n: number, body: JsonValue, target: string | JsonObject = CANVAS): JsonObject {
  return { id: `${CANVAS}/annotation/${n}`, type: 'Annotation', motivation: 'painting', body, target };
}

function canvas(
  width: number,
  height: number,
  annotations: JsonObject[],
  extra: JsonObject = {},
): JsonObject {
  return {
    id: CANVAS,
    type: 'Canvas',
    label: { en: ['f. 1r'] },
    width,
    height,
    ...extra,
    items: [{ id: `${CANVAS}/page`, type: 'AnnotationPage', items: annotations }],
  };
}

const mint = () => createIdMinter(BASE, new Set());

type Area = { x: number; y: number; width: number; height: number };

function cut(
  source: JsonObject,
  area: Area,
  imageSizes: Record<string, { width: number; height: number }> = {},
) {
  const result = cutCanvasToRegion(source, { area, imageSizes }, mint());
  if (!result.ok) throw new Error(result.reason);
  return result.canvas;
}

function annotationsOf(c: JsonObject): JsonObject[] {
  return ((c['items'] as JsonObject[])[0]?.['items'] ?? []) as JsonObject[];
}

describe('clipRegionToCanvas', () => {
  const size = { width: 2000, height: 1000 };

  it('keeps a region inside the canvas as it is, and resolves percent', () => {
    expect(clipRegionToCanvas({ unit: 'pixel', x: 100, y: 100, width: 500, height: 400 }, size)).toEqual({
      x: 100,
      y: 100,
      width: 500,
      height: 400,
    });
    expect(clipRegionToCanvas({ unit: 'percent', x: 25, y: 10, width: 50, height: 33.3333 }, size)).toEqual({
      x: 500,
      y: 100,
      width: 1000,
      height: 333,
    });
  });

  it('clips a region that runs past the edges', () => {
    expect(clipRegionToCanvas({ unit: 'pixel', x: 1800, y: 900, width: 500, height: 400 }, size)).toEqual({
      x: 1800,
      y: 900,
      width: 200,
      height: 100,
    });
    expect(clipRegionToCanvas({ unit: 'percent', x: -0, y: 50, width: 150, height: 100 }, size)).toEqual({
      x: 0,
      y: 500,
      width: 2000,
      height: 500,
    });
  });

  it('gives nothing for a region wholly outside the canvas', () => {
    expect(clipRegionToCanvas({ unit: 'pixel', x: 2000, y: 0, width: 10, height: 10 }, size)).toBeNull();
    expect(clipRegionToCanvas({ unit: 'pixel', x: 10, y: 1000.4, width: 10, height: 10 }, size)).toBeNull();
    expect(clipRegionToCanvas({ unit: 'percent', x: 100, y: 0, width: 5, height: 5 }, size)).toBeNull();
  });
});

describe('cutCanvasToRegion', () => {
  it('makes a canvas of the region’s size whose image is cut with an ImageApiSelector in full-image pixels', () => {
    // The image is twice the canvas's resolution: canvas pixels 100..600 are image pixels 200..1200.
    const source = canvas(2000, 1500, [painting(1, image('a', 4000, 3000))]);
    const result = cut(source, { x: 100, y: 100, width: 500, height: 400 });
    expect(result).toMatchObject({ id: CANVAS, width: 500, height: 400, label: { en: ['f. 1r'] } });
    const [annotation] = annotationsOf(result);
    expect(annotation?.['target']).toBe(CANVAS);
    expect(annotation?.['body']).toEqual({
      id: `${CANVAS}/annotation/1/body/1`,
      type: 'SpecificResource',
      source: image('a', 4000, 3000),
      selector: { type: 'ImageApiSelector', region: '200,200,1000,800' },
    });
    // What the viewer reads back: the same region, on the whole new canvas.
    const [item] = paintedItems(result);
    expect(item?.target).toEqual({ x: 0, y: 0, width: 500, height: 400 });
    expect(item?.layers[0]?.region).toBe('200,200,1000,800');
  });

  it('measures the crop in the full image size that info.json gives, not a smaller declared size', () => {
    // Level 0 manifests often declare the largest pre-made size (here half the full image) on the Image.
    const source = canvas(1200, 900, [painting(1, image('a', 600, 450, 'level0'))]);
    const area = { x: 600, y: 0, width: 600, height: 450 };
    const measured = cut(source, area, { 'https://img.example.org/iiif/a': { width: 1200, height: 900 } });
    const selectorOf = (c: JsonObject) => (annotationsOf(c)[0]?.['body'] as JsonObject)['selector'];
    expect(selectorOf(measured)).toEqual({ type: 'ImageApiSelector', region: '600,0,600,450' });
    expect(selectorOf(cut(source, area))).toEqual({ type: 'ImageApiSelector', region: '300,0,300,225' });
  });

  it('clips each of several images to the region and places it relative to the region', () => {
    const source = canvas(2000, 1000, [
      painting(1, image('left', 1000, 1000), `${CANVAS}#xywh=0,0,1000,1000`),
      painting(2, image('right', 2000, 2000), `${CANVAS}#xywh=1000,0,1000,1000`),
      painting(3, image('inset', 100, 100), `${CANVAS}#xywh=1800,800,100,100`),
    ]);
    const result = cut(source, { x: 800, y: 200, width: 400, height: 400 });
    const annotations = annotationsOf(result);
    expect(annotations.map((a) => a['id'])).toEqual([`${CANVAS}/annotation/1`, `${CANVAS}/annotation/2`]);
    expect(annotations.map((a) => a['target'])).toEqual([
      `${CANVAS}#xywh=0,0,200,400`,
      `${CANVAS}#xywh=200,0,200,400`,
    ]);
    expect(annotations.map((a) => ((a['body'] as JsonObject)['selector'] as JsonObject)['region'])).toEqual([
      '800,200,200,400',
      '0,400,400,800',
    ]);
  });

  it('leaves an image that lies wholly inside the region as it is', () => {
    const inset = image('inset', 100, 100);
    const source = canvas(2000, 1000, [
      painting(1, image('page', 2000, 1000)),
      painting(2, inset, `${CANVAS}#xywh=300,300,100,100`),
    ]);
    const [, second] = annotationsOf(cut(source, { x: 200, y: 200, width: 400, height: 400 }));
    expect(second?.['body']).toEqual(inset);
    expect(second?.['target']).toBe(`${CANVAS}#xywh=100,100,100,100`);
  });

  it('narrows an existing crop, keeping the other selectors and its spelling', () => {
    const selectorBody: JsonObject = {
      id: 'https://museum.example.org/body/1',
      type: 'SpecificResource',
      source: image('a', 4000, 4000),
      selector: [
        { type: 'FragmentSelector', value: 'xywh=1000,1000,2000,2000' },
        { type: 'ImageApiSelector', region: '1000,1000,2000,2000' },
      ],
    };
    const [viaSelector] = annotationsOf(
      cut(canvas(1000, 1000, [painting(1, selectorBody)]), { x: 500, y: 0, width: 500, height: 500 }),
    );
    expect(viaSelector?.['body']).toEqual({
      ...selectorBody,
      selector: [
        { type: 'FragmentSelector', value: 'xywh=1000,1000,2000,2000' },
        { type: 'ImageApiSelector', region: '2000,1000,1000,1000' },
      ],
    });

    const urlBody: JsonObject = {
      id: 'https://img.example.org/iiif/a/1000,1000,2000,2000/max/0/default.jpg',
      type: 'Image',
      format: 'image/jpeg',
      width: 2000,
      height: 2000,
      service: [service('a')],
    };
    const [viaUrl] = annotationsOf(
      cut(canvas(1000, 1000, [painting(1, urlBody)]), { x: 500, y: 0, width: 500, height: 500 }),
    );
    expect(viaUrl?.['body']).toEqual({
      ...urlBody,
      id: 'https://img.example.org/iiif/a/2000,1000,1000,1000/max/0/default.jpg',
      width: 1000,
      height: 1000,
    });
  });

  it('cuts every option of a Choice', () => {
    const choice: JsonObject = {
      type: 'Choice',
      items: [image('visible', 2000, 2000), image('infrared', 1000, 1000)],
    };
    const [annotation] = annotationsOf(
      cut(canvas(1000, 1000, [painting(1, choice)]), { x: 0, y: 500, width: 500, height: 500 }),
    );
    const options = (annotation?.['body'] as JsonObject)['items'] as JsonObject[];
    expect(options.map((o) => (o['selector'] as JsonObject)['region'])).toEqual([
      '0,1000,1000,1000',
      '0,500,500,500',
    ]);
    expect(options.map((o) => o['type'])).toEqual(['SpecificResource', 'SpecificResource']);
  });

  // On a square canvas painted whole, a wide strip is drawn contained and centred (rows 375..625), so a
  // region along the top edge shows the square page image but none of the strip.
  const strip = image('strip', 2000, 500);
  const page = image('page', 2000, 2000);
  const topEdge = { x: 0, y: 0, width: 500, height: 300 };
  const pageCut: JsonObject = {
    id: `${CANVAS}/annotation/1/body/1`,
    type: 'SpecificResource',
    source: page,
    selector: { type: 'ImageApiSelector', region: '0,0,1000,600' },
  };

  it('keeps a Choice with the options inside the region, leaving out those outside it', () => {
    const choice: JsonObject = { type: 'Choice', items: [strip, page] };
    const result = cut(canvas(1000, 1000, [painting(1, choice)]), topEdge);
    const [annotation] = annotationsOf(result);
    expect(annotation?.['body']).toEqual({ type: 'Choice', items: [pageCut] });
    // The target is the visible option's, not the left-out first option's.
    expect(annotation?.['target']).toBe(CANVAS);
    const [item] = paintedItems(result);
    expect(item).toMatchObject({ choice: true, target: { x: 0, y: 0, width: 500, height: 300 } });
    expect(item?.layers.map((layer) => layer.region)).toEqual(['0,0,1000,600']);
  });

  it('keeps the bodies inside the region of an annotation with several, leaving out those outside it', () => {
    const [annotation] = annotationsOf(cut(canvas(1000, 1000, [painting(1, [strip, page])]), topEdge));
    expect(annotation?.['body']).toEqual([pageCut]);
    expect(annotation?.['target']).toBe(CANVAS);
  });

  it('drops an annotation none of whose bodies or options lies inside the region', () => {
    const corner = `${CANVAS}#xywh=900,900,100,100`;
    const outside = [
      painting(
        2,
        { type: 'Choice', items: [image('visible', 100, 100), image('infrared', 100, 100)] },
        corner,
      ),
      painting(3, [image('front', 100, 100), image('back', 100, 100)], corner),
    ];
    const result = cut(canvas(1000, 1000, [painting(1, page), ...outside]), topEdge);
    expect(annotationsOf(result).map((a) => a['id'])).toEqual([`${CANVAS}/annotation/1`]);
    const region = { area: topEdge, imageSizes: {} };
    expect(regionCutProblem(canvas(1000, 1000, outside), region)).toMatch(/None of the canvas’s images/);
  });

  it('keeps a SpecificResource target’s shape', () => {
    const target: JsonObject = {
      type: 'SpecificResource',
      source: { id: CANVAS, type: 'Canvas' },
      selector: { type: 'FragmentSelector', value: 'xywh=0,0,500,1000' },
    };
    const [annotation] = annotationsOf(
      cut(canvas(1000, 1000, [painting(1, image('a', 500, 1000), target)]), {
        x: 250,
        y: 0,
        width: 500,
        height: 500,
      }),
    );
    expect(annotation?.['target']).toEqual({
      type: 'SpecificResource',
      source: { id: CANVAS, type: 'Canvas' },
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 'xywh=0,0,250,500',
      },
    });
  });

  it('leaves out comments (their targets are the source’s) and gives a level 1 image a thumbnail of the region', () => {
    const source = canvas(2000, 1000, [painting(1, image('a', 2000, 1000))], {
      thumbnail: [{ id: 'https://img.example.org/thumb.jpg', type: 'Image' }],
      annotations: [{ id: `${CANVAS}/notes`, type: 'AnnotationPage', items: [] }],
    });
    const result = cut(source, { x: 100, y: 100, width: 600, height: 300 });
    expect(result['annotations']).toBeUndefined();
    expect(result['thumbnail']).toEqual([
      {
        id: 'https://img.example.org/iiif/a/100,100,600,300/150,/0/default.jpg',
        type: 'Image',
        format: 'image/jpeg',
        width: 150,
        height: 75,
      },
    ]);
    const level0 = canvas(2000, 1000, [painting(1, image('a', 2000, 1000, 'level0'))], {
      thumbnail: [{ id: 'https://img.example.org/thumb.jpg', type: 'Image' }],
    });
    expect(cut(level0, { x: 100, y: 100, width: 600, height: 300 })['thumbnail']).toBeUndefined();
  });

  it('refuses, with the reason, what it cannot cut', () => {
    const region = { area: { x: 0, y: 0, width: 100, height: 100 }, imageSizes: {} };
    const turned: JsonObject = {
      type: 'SpecificResource',
      source: image('a', 1000, 1000),
      selector: { type: 'ImageApiSelector', rotation: '90' },
    };
    expect(regionCutProblem(canvas(1000, 1000, [painting(1, turned)]), region)).toMatch(/turned or mirrored/);
    const text: JsonObject = { type: 'TextualBody', value: 'Hello', format: 'text/plain' };
    expect(regionCutProblem(canvas(1000, 1000, [painting(1, text)]), region)).toMatch(/other than images/);
    const corner = painting(1, image('a', 100, 100), `${CANVAS}#xywh=900,900,100,100`);
    expect(regionCutProblem(canvas(1000, 1000, [corner]), region)).toMatch(/None of the canvas’s images/);
    const { width: _w, height: _h, ...sizeless } = canvas(1000, 1000, [painting(1, image('a', 100, 100))]);
    expect(regionCutProblem(sizeless, region)).toMatch(/no width and height/);
    expect(regionCutProblem(canvas(1000, 1000, [painting(1, image('a', 1000, 1000))]), region)).toBeNull();
  });
});

describe('adding a region of a canvas from another manifest', () => {
  const sourceManifest: JsonObject = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${SRC}/manifest.json`,
    type: 'Manifest',
    label: { en: ['A book'] },
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Provided by the Museum'] } },
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    items: [canvas(2000, 1500, [painting(1, image('a', 4000, 3000))])],
  };
  const source = sourceInfoOf(sourceManifest);
  const original = (sourceManifest['items'] as JsonObject[])[0] as JsonObject;

  function added() {
    const doc = newManifest({ label: 'Mine', baseUri: BASE, language: 'en' });
    const region = { area: { x: 100, y: 100, width: 500, height: 400 }, imageSizes: {} };
    return addCanvases(doc, 0, [{ kind: 'copy', canvas: original, source, region }]);
  }

  it('gets new ids, the source’s provenance and credits, and the region, in one new document', () => {
    const { doc, ids } = added();
    expect(ids).toEqual([`${BASE}/canvas/1`]);
    const copy = (doc['items'] as JsonObject[])[0] as JsonObject;
    expect(copy).toMatchObject({ id: `${BASE}/canvas/1`, width: 500, height: 400 });
    expect(canvasSources(copy)).toEqual([
      { id: `${SRC}/manifest.json`, type: 'Manifest', label: { en: ['A book'] } },
    ]);
    expect(copy['requiredStatement']).toEqual(sourceManifest['requiredStatement']);
    expect(copy['rights']).toBe(sourceManifest['rights']);
    const [annotation] = annotationsOf(copy);
    expect(annotation?.['id']).toBe(`${BASE}/canvas/1/page/1/annotation/1`);
    expect(annotation?.['target']).toBe(`${BASE}/canvas/1`);
    expect(annotation?.['body']).toMatchObject({
      id: `${BASE}/canvas/1/page/1/annotation/1/body/1`,
      type: 'SpecificResource',
      selector: { type: 'ImageApiSelector', region: '200,200,1000,800' },
    });
    expect(JSON.stringify(copy)).not.toContain(`${SRC}/canvas`);
    // Tracing back to the source still finds the original canvas through the crop.
    expect(findOriginal(copy, [original])).toBe(0);
  });

  it('is accepted by the official schema', (context) => {
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    expect(schemaErrors(added().doc)).toEqual([]);
  });

  it('is accepted by the official schema when layers outside the region are left out', (context) => {
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    // The strip lies in rows 375..625 of the square canvas, outside the region along its top edge.
    const strip = image('strip', 2000, 500);
    const page = image('page', 2000, 2000);
    const choice: JsonObject = { type: 'Choice', items: [strip, page] };
    for (const body of [choice, [strip, page]]) {
      const original = canvas(1000, 1000, [painting(1, body)]);
      const manifest: JsonObject = { ...sourceManifest, items: [original] };
      const doc = newManifest({ label: 'Mine', baseUri: BASE, language: 'en' });
      const region = { area: { x: 0, y: 0, width: 500, height: 300 }, imageSizes: {} };
      const result = addCanvases(doc, 0, [
        { kind: 'copy', canvas: original, source: sourceInfoOf(manifest), region },
      ]);
      const copy = (result.doc['items'] as JsonObject[])[0] as JsonObject;
      expect(paintedItems(copy).flatMap((item) => item.layers.map((layer) => layer.region))).toEqual([
        '0,0,1000,600',
      ]);
      expect(schemaErrors(result.doc)).toEqual([]);
    }
  });
});
