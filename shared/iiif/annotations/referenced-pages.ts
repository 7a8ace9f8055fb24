/**
 * Referenced annotation pages (an id without `items`): which ones a canvas shows, and the annotations of a
 * fetched copy as views. Pure. A fetched copy is never put into the document: the reference stays a reference,
 * so saving writes exactly what was opened; its views carry the reference's path and are for reading only.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { annotationsOfPage, listPages, type AnnotationView, type PageView } from './pages';

/** The referenced pages shown with canvas `canvasIndex`: its own, then the manifest's (which may target it). */
export function referencedPagesOf(doc: JsonValue, canvasIndex: number): PageView[] {
  if (!isJsonObject(doc)) return [];
  return listPages(doc).filter(
    (page) =>
      !page.embedded &&
      page.id !== undefined &&
      (page.canvasIndex === canvasIndex || page.owner === 'document'),
  );
}

/**
 * The annotations of `fetched` (a validated AnnotationPage) as views of the reference. Manifest-level pages
 * list only the annotations that target canvas `canvasId`, when given.
 */
export function fetchedPageAnnotations(
  reference: PageView,
  fetched: JsonObject,
  canvasId?: string,
): AnnotationView[] {
  const page: PageView = { ...reference, page: fetched, embedded: true };
  const views = annotationsOfPage(page);
  if (reference.owner !== 'document' || canvasId === undefined) return views;
  return views.filter((view) => view.targets.some((target) => target.source === canvasId));
}
