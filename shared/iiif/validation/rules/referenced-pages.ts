/**
 * Referenced annotation pages that cannot be fetched (issue 16). The validator is pure and never sees the
 * network, so the caller says which page addresses failed and why (the renderer, from the fetches its panel
 * made through the main side); each reference to one of them is a warning at the reference. Without that
 * knowledge nothing is reported: an unfetched page is not a broken one.
 */
import { listPages } from '../../annotations/pages';
import type { JsonObject } from '../../json';
import type { Checker } from '../checker';
import { SPEC } from '../spec-links';

export const ANNOTATION_PAGE_UNREACHABLE = 'annotation-page-unreachable';

/** Page address → the reason it could not be fetched, as the fetch said it. */
export type UnreachablePages = ReadonlyMap<string, string>;

export function checkReferencedPages(doc: JsonObject, ctx: Checker, unreachable: UnreachablePages): void {
  if (unreachable.size === 0) return;
  for (const page of listPages(doc)) {
    if (page.embedded || page.id === undefined) continue;
    const reason = unreachable.get(page.id);
    if (reason === undefined) continue;
    ctx.warning(
      ANNOTATION_PAGE_UNREACHABLE,
      { path: page.path, owner: { id: page.id, type: 'AnnotationPage' } },
      `The annotation page ${page.id} cannot be fetched (${reason.replace(/\.$/, '')}). Its annotations are not ` +
        'shown here, and viewers that cannot fetch it will not show them either.',
      SPEC.annotationPage,
    );
  }
}
