/**
 * The bytes of a published document. JSON.stringify keeps key order, so the same document always gives the
 * same text: re-publishing an unchanged document changes no file.
 */
import type { JsonValue } from '../json';

export function serializePublication(doc: JsonValue, minify: boolean): string {
  return minify ? JSON.stringify(doc) : `${JSON.stringify(doc, null, 2)}\n`;
}
