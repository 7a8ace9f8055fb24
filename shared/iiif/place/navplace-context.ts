/**
 * navPlace is an extension term: a document that uses it lists the extension's JSON-LD context before the
 * Presentation 3 context (Presentation 3 §4.6; navPlace extension "JSON-LD Contexts"). Without it our validator
 * (rightly) calls navPlace an unknown property, so whoever adds a place adds the context in the same step.
 */
import type { JsonObject } from '../json';
import { isJsonArray } from '../json';
import { PRESENTATION_3_CONTEXT } from '../document/new-manifest';

export const NAVPLACE_CONTEXT = 'http://iiif.io/api/extension/navplace/context.json';

/** The document with the navPlace context listed (before the Presentation 3 one); `doc` itself if it is already. */
export function withNavPlaceContext(doc: JsonObject): JsonObject {
  const context = doc['@context'];
  const entries = isJsonArray(context) ? context : context === undefined ? [] : [context];
  if (entries.includes(NAVPLACE_CONTEXT)) return doc;
  const at = entries.indexOf(PRESENTATION_3_CONTEXT);
  const next =
    at === -1
      ? [...entries, NAVPLACE_CONTEXT, PRESENTATION_3_CONTEXT]
      : [...entries.slice(0, at), NAVPLACE_CONTEXT, ...entries.slice(at)];
  // '@context' keeps its place (at the top, where a new one goes too).
  return context === undefined ? { '@context': next, ...doc } : { ...doc, '@context': next };
}
