/** Presentation 3 validation: our own rules (not the JSON Schema) and the certain fixes for their findings. */
export { validate, hasErrors, isUnpublishable } from './validate';
export type { ValidateOptions } from './validate';
export { ANNOTATION_PAGE_UNREACHABLE } from './rules/referenced-pages';
export type { UnreachablePages } from './rules/referenced-pages';
export { applyFix, applyAllOfKind, applyAllFixes, describeFix } from './fixes';
export { pathToText } from './path-text';
export type { Finding, FixId, Severity } from './types';
