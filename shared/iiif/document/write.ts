/**
 * Document -> text: one JSON.stringify in the recorded layout (indent, line ends, final newline, as read).
 * Key order is the tree's own (JSON.parse keeps the text's order and edits keep it: shared/iiif/json appends
 * new keys), so an unedited document saves JSON-equal to what was read, and byte-identical when the text was
 * in a standard layout.
 */
import type { JsonObject } from '../json';
import type { TextFormat } from './text-format';
import { applyTextFormat } from './text-format';

export function writeDocument(doc: JsonObject, format: TextFormat): string {
  return applyTextFormat(JSON.stringify(doc, null, format.indent), format);
}
