/**
 * The top-level `@context`: the Presentation 3 context URI, alone or last in a list after extension contexts.
 * Extensions found here decide whether unknown terms and values are reported as errors or tolerated.
 */
import { isJsonArray, isJsonObject, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue } from '../values';

export const PRESENTATION_3_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** Contexts that come with Presentation 3 itself and define no extension terms. */
const NOT_EXTENSIONS = new Set([PRESENTATION_3_CONTEXT, 'http://www.w3.org/ns/anno.jsonld']);

/** Spellings of the Presentation 3 context URI that mean it but are not it (https, no ".json", trailing slash). */
export function isPresentation3ContextVariant(value: string): boolean {
  return /^https?:\/\/(www\.)?iiif\.io\/api\/presentation\/3(\/context(\.json)?)?\/?$/.test(value.trim());
}

export function isPresentation2Context(value: unknown): boolean {
  const values = isJsonArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && /iiif\.io\/api\/presentation\/2\/context\.json/.test(v));
}

export type DocumentVersion = 'presentation-3' | 'presentation-2';

export function checkDocumentContext(doc: JsonObject, site: Site, ctx: Checker): DocumentVersion {
  if (doc['@graph'] !== undefined) {
    ctx.error(
      'graph-at-top',
      at(site, '@graph'),
      'The document must not have "@graph" at the top: it must be framed as a Manifest or Collection.',
      SPEC.context,
    );
  }
  const context = doc['@context'];
  if (context === undefined) {
    ctx.error(
      'context-missing',
      site,
      `The document has no "@context"; a Presentation 3 document starts with "@context": "${PRESENTATION_3_CONTEXT}".`,
      SPEC.context,
      'canonical-context',
    );
    return 'presentation-3';
  }
  if (isPresentation2Context(context)) {
    ctx.error(
      'presentation-2-document',
      at(site, '@context'),
      'This is a Presentation 2 document. Open it in Tessera to upgrade it to Presentation 3 before validating.',
      SPEC.context,
    );
    return 'presentation-2';
  }
  const where = at(site, '@context');
  const entries = isJsonArray(context) ? context : [context];
  const last = entries[entries.length - 1];
  ctx.hasExtensionContext = entries.some(
    (entry) =>
      !(typeof entry === 'string' && (NOT_EXTENSIONS.has(entry) || isPresentation3ContextVariant(entry))),
  );
  if (
    last === PRESENTATION_3_CONTEXT &&
    entries.every((entry) => typeof entry === 'string' || isJsonObject(entry))
  ) {
    return 'presentation-3';
  }
  const variant = entries.find((entry) => typeof entry === 'string' && isPresentation3ContextVariant(entry));
  if (variant !== undefined) {
    ctx.error(
      'context-not-p3',
      where,
      variant === PRESENTATION_3_CONTEXT
        ? 'The Presentation 3 context must be the last entry of "@context": extension contexts go before it.'
        : `The context must be exactly "${PRESENTATION_3_CONTEXT}", not "${variant as string}".`,
      SPEC.context,
      'canonical-context',
    );
  } else {
    ctx.error(
      'context-not-p3',
      where,
      `"@context" must be (or end with) "${PRESENTATION_3_CONTEXT}", not ${describeValue(context)}.`,
      SPEC.context,
    );
  }
  return 'presentation-3';
}

/** The Presentation 3 context belongs once, at the top of the document. */
export function checkEmbeddedContext(node: JsonObject, site: Site, ctx: Checker): void {
  if (site.path.length === 0 || node['@context'] === undefined) return;
  const contexts = isJsonArray(node['@context']) ? node['@context'] : [node['@context']];
  if (contexts.some((c) => typeof c === 'string' && isPresentation3ContextVariant(c))) {
    ctx.error(
      'context-in-embedded',
      at(site, '@context'),
      'Only the top of the document may carry the Presentation 3 "@context"; remove it from this embedded resource.',
      SPEC.context,
    );
  }
}
