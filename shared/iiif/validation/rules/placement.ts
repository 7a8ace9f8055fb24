/**
 * Which properties may appear on which resource types (Appendix A, "not allowed"), properties left over from
 * Presentation 2, and properties no context defines.
 */
import { own, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';

const ANNOTATION_KINDS = ['Annotation', 'AnnotationPage', 'AnnotationCollection'];
const STRUCTURAL_KINDS = ['Collection', 'Manifest', 'Canvas', 'Range', ...ANNOTATION_KINDS];
const ALL_KINDS = [...STRUCTURAL_KINDS, 'Content'];
const except = (...allowed: string[]): string[] => ALL_KINDS.filter((kind) => !allowed.includes(kind));

/** Property -> the kinds that must not have it. "Content" stands for content and other external resources. */
const NOT_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  format: STRUCTURAL_KINDS,
  profile: STRUCTURAL_KINDS,
  language: STRUCTURAL_KINDS,
  height: except('Canvas', 'Content'),
  width: except('Canvas', 'Content'),
  duration: except('Canvas', 'Content'),
  viewingDirection: except('Collection', 'Manifest', 'Range'),
  navDate: except('Collection', 'Manifest', 'Range', 'Canvas'),
  timeMode: except('Annotation'),
  start: except('Manifest', 'Range'),
  supplementary: except('Range'),
  services: except('Collection', 'Manifest'),
  structures: except('Manifest'),
  items: ['Annotation', 'AnnotationCollection'],
  annotations: ANNOTATION_KINDS,
  placeholderCanvas: [...ANNOTATION_KINDS, 'Content'],
  accompanyingCanvas: [...ANNOTATION_KINDS, 'Content'],
};

/** Presentation 2 properties and what replaced them in Presentation 3. */
const PRESENTATION_2: Readonly<Record<string, string>> = {
  '@id': '"id"',
  '@type': '"type"',
  sequences: '"items" (the Canvases go directly in the Manifest\'s items)',
  otherContent: '"annotations"',
  description: '"summary" or a "metadata" entry',
  attribution: '"requiredStatement"',
  license: '"rights"',
  within: '"partOf"',
  related: '"homepage"',
  viewingHint: '"behavior"',
  startCanvas: '"start"',
  canvases: '"items"',
  members: '"items"',
  manifests: '"items"',
  collections: '"items"',
  ranges: '"items"',
  images: '"items" with painting Annotations',
  resources: '"items"',
  contentLayer: '"supplementary"',
};

/** Terms Presentation 3 (with the Web Annotation paging terms it reuses) defines for its own resources. */
const PRESENTATION_3_TERMS = new Set([
  '@context',
  'id',
  'type',
  'label',
  'metadata',
  'summary',
  'requiredStatement',
  'rights',
  'provider',
  'thumbnail',
  'navDate',
  'placeholderCanvas',
  'accompanyingCanvas',
  'format',
  'language',
  'profile',
  'height',
  'width',
  'duration',
  'viewingDirection',
  'behavior',
  'timeMode',
  'homepage',
  'logo',
  'rendering',
  'service',
  'services',
  'seeAlso',
  'partOf',
  'start',
  'supplementary',
  'items',
  'structures',
  'annotations',
  'first',
  'last',
  'next',
  'prev',
  'total',
  'startIndex',
]);

/** Kinds whose every property we can judge: Annotations and content resources carry Web Annotation terms too. */
const CLOSED_KINDS = new Set(['Collection', 'Manifest', 'Canvas', 'Range', 'AnnotationPage']);

export function checkPlacement(node: JsonObject, kind: string, site: Site, ctx: Checker): void {
  for (const key of Object.keys(node)) {
    const forbidden = own(NOT_ALLOWED, key);
    if (forbidden !== undefined && forbidden.includes(kind)) {
      ctx.error(
        'property-not-allowed',
        at(site, key),
        `${kind === 'Content' ? 'A content resource' : `A ${kind}`} must not have "${key}".`,
        SPEC.propertyTable,
      );
      continue;
    }
    const replacement = own(PRESENTATION_2, key);
    if (replacement !== undefined) {
      ctx.error(
        'p2-property',
        at(site, key),
        `"${key}" is a Presentation 2 property that Presentation 3 viewers ignore; use ${replacement} instead.`,
        key.startsWith('@') ? SPEC.keywords : SPEC.propertyTable,
      );
      continue;
    }
    if (key === 'logo' && kind !== 'Agent') {
      ctx.error(
        'logo-not-on-agent',
        at(site, 'logo'),
        `In Presentation 3 a logo belongs to a provider (an Agent), not to the ${kind === 'Content' ? 'resource' : kind}; viewers will not show it here.`,
        SPEC.logo,
        kind === 'Manifest' || kind === 'Collection' ? 'move-logo-to-provider' : undefined,
      );
      continue;
    }
    if (CLOSED_KINDS.has(kind) && !PRESENTATION_3_TERMS.has(key) && !ctx.hasExtensionContext) {
      ctx.warning(
        'unknown-property',
        at(site, key),
        `"${key}" is not a Presentation 3 property and no extension context in @context defines it; viewers will ignore it.`,
        SPEC.context,
      );
    }
  }
}
