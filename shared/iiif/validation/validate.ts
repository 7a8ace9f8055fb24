/**
 * Validates a Presentation 3 document against the MUST and SHOULD rules of the specification: errors for
 * MUST, warnings for SHOULD and likely mistakes, info for recommendations. One pass over the tree, so the cost
 * grows linearly with the document.
 */
import { isJsonObject, type JsonValue } from '../json';
import { Checker, type Site } from './checker';
import { checkCanvasReferences } from './references';
import { checkDocumentContext } from './rules/document-context';
import { checkRanges } from './rules/range-rules';
import { checkReferencedPages, type UnreachablePages } from './rules/referenced-pages';
import { checkUnsafeIds, UNSAFE_ID_CODE } from './rules/unsafe-ids';
import { SPEC } from './spec-links';
import type { Finding } from './types';
import { describeValue } from './values';
import { visitAnnotation, visitAnnotationPage } from './walk/resources';
import { visitAnnotationCollection, visitCollection, visitManifest } from './walk/structure';

const ROOT: Site = { path: [], owner: {} };

export interface ValidateOptions {
  /** Referenced annotation pages that could not be fetched, by address, with the reason (see referenced-pages). */
  readonly unreachablePages?: UnreachablePages;
}

export function validate(doc: JsonValue, options: ValidateOptions = {}): Finding[] {
  const ctx = new Checker();
  if (!isJsonObject(doc)) {
    ctx.error(
      'document-invalid',
      ROOT,
      `A IIIF document must be a JSON object, not ${describeValue(doc)}.`,
      SPEC.context,
    );
    return ctx.findings;
  }
  // A Presentation 2 document would drown in findings; it is upgraded on open instead (document/upgrade.ts).
  if (checkDocumentContext(doc, ROOT, ctx) === 'presentation-2') return ctx.findings;
  switch (doc.type) {
    case 'Manifest':
      visitManifest(doc, ROOT, ctx);
      checkRanges(doc, ctx);
      checkCanvasReferences(ctx);
      if (options.unreachablePages) checkReferencedPages(doc, ctx, options.unreachablePages);
      break;
    case 'Collection':
      visitCollection(doc, ROOT, ctx);
      break;
    case 'AnnotationPage':
      visitAnnotationPage(doc, ROOT, ctx, 'other');
      break;
    case 'Annotation':
      visitAnnotation(doc, ROOT, ctx, 'other');
      break;
    case 'AnnotationCollection':
      visitAnnotationCollection(doc, ROOT, ctx);
      break;
    default:
      ctx.error(
        'document-type-unknown',
        ROOT,
        `A document must be a Manifest, Collection, Annotation Page, Annotation or Annotation Collection, not ${describeValue(doc.type)}.`,
        SPEC.type,
      );
  }
  checkUnsafeIds(doc, ctx);
  return ctx.findings;
}

/**
 * Findings that publishing refuses even with errors allowed: an id that runs code in a viewer is never a
 * publisher's choice to make.
 */
export function isUnpublishable(finding: Finding): boolean {
  return finding.code === UNSAFE_ID_CODE;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
