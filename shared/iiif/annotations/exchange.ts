/**
 * W3C Web Annotation pages in and out. Export: a canvas's (or the whole manifest's) annotations as one
 * standalone AnnotationPage with both contexts, which other annotation tools read. Import: an AnnotationPage,
 * an AnnotationCollection's embedded first page, a single Annotation or a list of them, added to a canvas as a
 * new embedded page in one edit. HTML bodies are sanitised on the way in; `@context` is dropped from what is
 * embedded (the manifest's context covers it); ids already used in the document are replaced.
 */
import { isJsonArray, isJsonObject, updateIn, type JsonObject, type JsonValue } from '../json';
import { sanitizeBodies } from './bodies';
import { listAnnotations } from './pages';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const PRESENTATION_3_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export function exportAnnotationPage(
  doc: JsonObject,
  options: { readonly canvasIndex?: number; readonly id: string },
): JsonObject {
  const items = listAnnotations(
    doc,
    options.canvasIndex === undefined ? {} : { canvasIndex: options.canvasIndex },
  ).map((view) => view.annotation as unknown as JsonObject);
  return {
    '@context': [WEB_ANNOTATION_CONTEXT, PRESENTATION_3_CONTEXT],
    id: options.id,
    type: 'AnnotationPage',
    items,
  };
}

/** The annotations an imported file holds, or a sentence saying why there are none. */
export function annotationsToImport(
  input: JsonValue,
): { ok: true; items: JsonObject[] } | { ok: false; message: string } {
  let items: readonly JsonValue[] | undefined;
  if (isJsonArray(input)) items = input;
  else if (isJsonObject(input)) {
    if (input.type === 'Annotation') items = [input];
    else if (input.type === 'AnnotationPage' && isJsonArray(input.items)) items = input.items;
    else if (
      input.type === 'AnnotationCollection' &&
      isJsonObject(input.first) &&
      isJsonArray(input.first.items)
    )
      items = input.first.items;
  }
  if (items === undefined)
    return {
      ok: false,
      message: 'This file is not an annotation page, an annotation or a list of annotations.',
    };
  const annotations = items.filter(
    (item): item is JsonObject => isJsonObject(item) && item.type === 'Annotation',
  );
  if (annotations.length === 0) return { ok: false, message: 'This file holds no annotations.' };
  return { ok: true, items: annotations };
}

function withoutContext(node: JsonObject): JsonObject {
  return '@context' in node
    ? Object.fromEntries(Object.entries(node).filter(([key]) => key !== '@context'))
    : node;
}

/**
 * Adds `items` to the canvas at `canvasIndex` as a new page `pageId`. `freshId(kind)` gives an unused id for an
 * annotation whose own id is missing or already taken (`taken`).
 */
export function importAnnotations(
  doc: JsonObject,
  args: {
    readonly canvasIndex: number;
    readonly items: readonly JsonObject[];
    readonly pageId: string;
    readonly taken: ReadonlySet<string>;
    readonly freshId: () => string;
  },
): JsonObject {
  const seen = new Set(args.taken);
  const items = args.items.map((item) => {
    let annotation = sanitizeBodies(withoutContext(item)).annotation;
    const id = annotation.id;
    if (typeof id !== 'string' || seen.has(id)) annotation = { ...annotation, id: args.freshId() };
    seen.add(annotation.id as string);
    return annotation;
  });
  const page: JsonObject = { id: args.pageId, type: 'AnnotationPage', items };
  return updateIn(doc, ['items', args.canvasIndex, 'annotations'], (old) =>
    isJsonArray(old) ? [...old, page] : [page],
  ) as JsonObject;
}
