/**
 * After the Presentation 2 upgrade: P2 files often give embedded resources (annotations, above all) their own
 * Presentation 2 `@context`, which the upgrader rewrites into the Presentation 3 one. Presentation 3 wants that
 * context once, at the top, and our validator reports it anywhere else (`context-in-embedded`); nothing Tessera
 * writes may be a finding of its own validator. Other contexts (an image service's) mean something and stay.
 */
import { isPresentation3ContextVariant } from '../validation/rules/document-context';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray } from '../json';
import { forEachObject } from './each-object';

/**
 * Removes the Presentation 3 context from every resource below the top. Mutates `doc`, which must be a fresh
 * tree nobody else holds (the upgrader's output after its JSON round trip). Returns how many it removed.
 */
export function stripEmbeddedContexts(doc: JsonObject): number {
  let removed = 0;
  // Below the top: the document's own context is where Presentation 3 wants it.
  forEachObject(Object.values(doc), (node) => {
    const context = node['@context'];
    if (context !== undefined) {
      const entries = isJsonArray(context) ? context : [context];
      const kept = entries.filter(
        (entry) => !(typeof entry === 'string' && isPresentation3ContextVariant(entry)),
      );
      if (kept.length !== entries.length) {
        removed += 1;
        const mutable = node as Record<string, JsonValue>;
        if (kept.length === 0) delete mutable['@context'];
        else mutable['@context'] = kept.length === 1 && !isJsonArray(context) ? (kept[0] as JsonValue) : kept;
      }
    }
  });
  return removed;
}
