/**
 * Duplicate keys as findings (issue 20 item 13). They live in the text, not the tree (JSON.parse keeps the last
 * value silently), so this reads the text: the background worker runs it on the text as opened or last saved.
 */
import { findDuplicateKeys } from '../document/duplicate-keys';
import { pathToText } from './path-text';
import type { Finding } from './types';

/** RFC 8259 §4: names within an object SHOULD be unique; readers differ in which value they keep. */
const RFC_8259_OBJECTS = 'https://www.rfc-editor.org/rfc/rfc8259#section-4';

export function duplicateKeyFindings(text: string): Finding[] {
  return findDuplicateKeys(text).map(({ path, key }) => ({
    severity: 'warning',
    code: 'duplicate-key',
    message:
      `"${key}" is given more than once in this object. Tessera, like most JSON readers, uses the last one and ` +
      'ignores the others, but some readers keep the first: remove the extra copies in the file.',
    path: [...path, key],
    pathText: pathToText([...path, key]),
    specUrl: RFC_8259_OBJECTS,
  }));
}
