/**
 * Typed views over the annotations of a document: the annotation pages in the `annotations` of the manifest,
 * its canvases and its ranges, embedded (with `items`) or referenced (an id only, fetched elsewhere); and, for
 * a standalone file, an AnnotationPage, an Annotation or an AnnotationCollection's embedded pages. Views are
 * read from the one JSON tree each time (no second model); paths let edits find their way back.
 */
import type { Annotation } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../json';
import { asList } from '../validation/values';
import { readBodies, type BodyView } from './bodies';
import { parseTargets, type TargetShape } from './target-shape';

export interface PageView {
  /** Path from the document root to the page object. */
  readonly path: JsonPath;
  /**
   * The page as it is in the document. JSON, not @iiif/presentation-3's AnnotationPage: every reader of a page
   * (publishing, local page files, the panel's scopes) takes it whole, as the lossless tree, and its parts are
   * read through the annotation views below.
   */
  readonly page: JsonObject;
  readonly id?: string;
  /** False for a page given by reference only (no `items`): its annotations live in another file. */
  readonly embedded: boolean;
  /** The canvas whose `annotations` hold the page; undefined for manifest- or range-level pages. */
  readonly canvasIndex?: number;
  /** What holds the page: 'document' (manifest or the file itself), 'canvas' or 'range'. */
  readonly owner: 'document' | 'canvas' | 'range';
}

export interface AnnotationView {
  readonly path: JsonPath;
  readonly page: PageView;
  /** Position in the page's `items`. */
  readonly index: number;
  readonly annotation: Annotation;
  readonly id?: string;
  readonly motivations: readonly string[];
  readonly bodies: readonly BodyView[];
  readonly targets: readonly TargetShape[];
}

function pageView(
  node: JsonValue,
  path: JsonPath,
  owner: PageView['owner'],
  canvasIndex?: number,
): PageView | undefined {
  if (!isJsonObject(node)) return undefined;
  const id = typeof node.id === 'string' ? node.id : undefined;
  return {
    path,
    page: node,
    ...(id === undefined ? {} : { id }),
    embedded: isJsonArray(node.items),
    ...(canvasIndex === undefined ? {} : { canvasIndex }),
    owner,
  };
}

function pagesIn(
  holder: JsonObject,
  path: JsonPath,
  owner: PageView['owner'],
  out: PageView[],
  canvasIndex?: number,
): void {
  const list = holder.annotations;
  if (!isJsonArray(list)) return;
  list.forEach((node, index) => {
    const view = pageView(node, [...path, 'annotations', index], owner, canvasIndex);
    if (view) out.push(view);
  });
}

function rangePages(node: JsonValue, path: JsonPath, out: PageView[]): void {
  if (!isJsonObject(node) || node.type !== 'Range') return;
  pagesIn(node, path, 'range', out);
  if (isJsonArray(node.items))
    node.items.forEach((child, i) => rangePages(child, [...path, 'items', i], out));
}

/** The pages of canvas `index`: its `annotations`, then any misplaced on its painting pages. */
function canvasPagesInto(canvas: JsonValue | undefined, index: number, out: PageView[]): void {
  if (!isJsonObject(canvas)) return;
  pagesIn(canvas, ['items', index], 'canvas', out, index);
  // Pages on a painting page are misplaced (the validator's own "broken" fixture has them) but they are
  // still the canvas's annotations to its author: listed, so that they can be seen and moved.
  if (isJsonArray(canvas.items))
    canvas.items.forEach((page, p) => {
      if (isJsonObject(page)) pagesIn(page, ['items', index, 'items', p], 'canvas', out, index);
    });
}

/**
 * The pages in the document's own `annotations` (a manifest's, spanning canvases), without walking its
 * canvases: listing the manifest's annotations must not cost the 10,000 canvases beside them.
 */
export function documentPages(doc: JsonValue): PageView[] {
  const out: PageView[] = [];
  if (isJsonObject(doc)) pagesIn(doc, [], 'document', out);
  return out;
}

/** Every annotation page of the document, in document order: its own, then each canvas's, then ranges'. */
export function listPages(doc: JsonValue): PageView[] {
  const out: PageView[] = [];
  if (!isJsonObject(doc)) return out;
  if (doc.type === 'AnnotationPage') {
    const view = pageView(doc, [], 'document');
    if (view) out.push(view);
    return out;
  }
  if (doc.type === 'AnnotationCollection') {
    for (const key of ['first', 'last'] as const) {
      const view = pageView(doc[key] ?? null, [key], 'document');
      if (view?.embedded) out.push(view);
    }
    return out;
  }
  pagesIn(doc, [], 'document', out);
  if (doc.type === 'Manifest' && isJsonArray(doc.items))
    doc.items.forEach((canvas, index) => canvasPagesInto(canvas, index, out));
  if (isJsonArray(doc.structures))
    doc.structures.forEach((range, i) => rangePages(range, ['structures', i], out));
  return out;
}

export function annotationView(
  node: JsonObject,
  path: JsonPath,
  page: PageView,
  index: number,
): AnnotationView {
  const id = typeof node.id === 'string' ? node.id : undefined;
  return {
    path,
    page,
    index,
    annotation: node as unknown as Annotation,
    ...(id === undefined ? {} : { id }),
    motivations: asList(node.motivation).filter((m): m is string => typeof m === 'string'),
    bodies: readBodies(node),
    targets: parseTargets(node.target),
  };
}

/** The annotations of one page, in order. */
export function annotationsOfPage(page: PageView): AnnotationView[] {
  const items = page.page.items;
  if (!isJsonArray(items)) return [];
  const out: AnnotationView[] = [];
  items.forEach((node, index) => {
    if (isJsonObject(node)) out.push(annotationView(node, [...page.path, 'items', index], page, index));
  });
  return out;
}

/**
 * Every annotation in the document's annotation pages (a standalone Annotation file is its own one), in
 * document order. With `canvasIndex`, only those on that canvas's pages.
 */
export function listAnnotations(doc: JsonValue, options: { canvasIndex?: number } = {}): AnnotationView[] {
  if (isJsonObject(doc) && doc.type === 'Annotation') {
    const page: PageView = {
      path: [],
      page: { type: 'AnnotationPage' },
      embedded: true,
      owner: 'document',
    };
    return [annotationView(doc, [], page, 0)];
  }
  if (options.canvasIndex === undefined) return listPages(doc).flatMap(annotationsOfPage);
  // One canvas: straight to it (switching canvases must not walk the pages of all 10,000 others).
  if (isJsonObject(doc) && doc.type === 'Manifest' && isJsonArray(doc.items))
    return canvasAnnotations(doc.items[options.canvasIndex], options.canvasIndex);
  return [];
}

/** The annotations on the pages of `canvas`, item `canvasIndex` of its manifest (for their paths), in order. */
export function canvasAnnotations(canvas: JsonValue | undefined, canvasIndex: number): AnnotationView[] {
  const pages: PageView[] = [];
  canvasPagesInto(canvas, canvasIndex, pages);
  return pages.flatMap(annotationsOfPage);
}

/** Canvas ids by index, to say which canvas a manifest-level annotation's target names. */
export function canvasIndexById(doc: JsonValue): Map<string, number> {
  const map = new Map<string, number>();
  if (isJsonObject(doc) && isJsonArray(doc.items)) {
    doc.items.forEach((canvas, index) => {
      if (isJsonObject(canvas) && typeof canvas.id === 'string') map.set(canvas.id, index);
    });
  }
  return map;
}
