export type { SanitizedValue } from './sanitize-value';
export { ALLOWED_TAGS, escapeHtml, isHtmlValue, sanitizeValue, valueToSafeHtml } from './sanitize-value';
export type { SanitizeWarning, SanitizedDocument } from './sanitize-document';
export { sanitizeDocument } from './sanitize-document';
