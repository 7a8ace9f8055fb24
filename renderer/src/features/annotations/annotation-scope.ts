/**
 * What the annotation panel lists: the focused canvas's annotations, or the manifest's own (its `annotations`,
 * whose targets may name several canvases); and the pages among them, for the filter by page. Pure.
 */
import {
  annotationsOfPage,
  documentPages,
  listAnnotations,
  type AnnotationView,
} from '../../../../shared/iiif/annotations';
import { displayStringOf } from '../../../../shared/iiif/language';
import { isJsonObject, type JsonObject } from '../../../../shared/iiif/json';

export type AnnotationScope = 'canvas' | 'manifest';

/** The annotations of the embedded pages in the manifest's own `annotations`, in order. */
export function manifestAnnotations(doc: JsonObject): AnnotationView[] {
  return documentPages(doc).flatMap(annotationsOfPage);
}

export function scopedAnnotations(
  doc: JsonObject | null,
  scope: AnnotationScope,
  canvasIndex: number | null,
): AnnotationView[] {
  if (!doc) return [];
  if (scope === 'manifest') return manifestAnnotations(doc);
  return canvasIndex === null ? [] : listAnnotations(doc, { canvasIndex });
}

export interface PageChoice {
  /** The page's path, joined: the filter's value. */
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export function pageKey(view: AnnotationView): string {
  return view.page.path.join('/');
}

/** The pages the listed annotations are on, each named by its label, else the end of its id, else its place. */
export function pageChoices(views: readonly AnnotationView[]): PageChoice[] {
  const choices = new Map<string, { label: string; count: number }>();
  for (const view of views) {
    const key = pageKey(view);
    const known = choices.get(key);
    if (known) {
      known.count += 1;
      continue;
    }
    const page = view.page.page;
    const label = isJsonObject(page) ? displayStringOf(page['label']) : '';
    const id = view.page.id ?? '';
    const tail = id.replace(/\/+$/, '').split('/').pop() ?? '';
    choices.set(key, { label: label || tail || `Page ${choices.size + 1}`, count: 1 });
  }
  return [...choices].map(([key, { label, count }]) => ({ key, label, count }));
}
