/** Presentation 3 validation: our own rules (not the JSON Schema) and the certain fixes for their findings. */
export { validate, hasErrors, isUnpublishable } from './validate';
export { applyFix, applyAllOfKind, applyAllFixes, describeFix } from './fixes';
export { pathToText } from './path-text';
export type { Finding, FixId, Severity } from './types';
