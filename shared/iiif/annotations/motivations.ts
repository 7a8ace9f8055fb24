/**
 * The motivations Tessera offers for annotations other than painting: the Web Annotation vocabulary that IIIF
 * uses, plus IIIF's `supplementing` (transcriptions, captions, translations). Other values are kept as
 * written; the validator says when one is unknown.
 */
export const ANNOTATION_MOTIVATIONS = [
  'commenting',
  'tagging',
  'describing',
  'identifying',
  'classifying',
  'linking',
  'supplementing',
  'highlighting',
  'bookmarking',
  'questioning',
  'replying',
] as const;

export type AnnotationMotivation = (typeof ANNOTATION_MOTIVATIONS)[number];

export function isAnnotationMotivation(value: unknown): value is AnnotationMotivation {
  return typeof value === 'string' && (ANNOTATION_MOTIVATIONS as readonly string[]).includes(value);
}
