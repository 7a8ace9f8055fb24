/** Text search over every annotation of the manifest, for the panel's search box. Pure. */
import { bodyText, listAnnotations, type AnnotationView } from '../../../../shared/iiif/annotations';
import { canvasIndexById } from '../../../../shared/iiif/annotations';
import type { JsonObject } from '../../../../shared/iiif/json';

export interface SearchHit {
  readonly view: AnnotationView;
  /** The canvas to show for the hit: the one holding its page, or the first one it targets. */
  readonly canvasIndex: number | null;
  readonly text: string;
}

export function searchAnnotations(doc: JsonObject | null, query: string, limit = 50): SearchHit[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!doc || needle === '') return [];
  const byId = canvasIndexById(doc);
  const hits: SearchHit[] = [];
  for (const view of listAnnotations(doc)) {
    const text = view.bodies.map(bodyText).join(' | ');
    if (!text.toLocaleLowerCase().includes(needle)) continue;
    const targeted = view.targets.map((t) => byId.get(t.source)).find((i) => i !== undefined);
    hits.push({ view, canvasIndex: view.page.canvasIndex ?? targeted ?? null, text });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** A stable key for an annotation's place in the document. */
export function addressKey(view: Pick<AnnotationView, 'path'>): string {
  return view.path.join('/');
}
