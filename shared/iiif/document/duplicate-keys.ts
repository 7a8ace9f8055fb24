/**
 * Keys given twice in one object. JSON.parse keeps the last value silently, so the tree cannot tell; only the
 * text can. The format-preserving save keeps both in the file (the edit goes to the last, the one every JSON
 * reader uses), and this scan lets the validation panel say so (issue 20 item 13). One regex pass over the
 * text, with an explicit stack, so no nesting depth can overflow it.
 */
import type { JsonPath } from '../json';

export interface DuplicateKey {
  /** Path of the object that has the key more than once. */
  readonly path: JsonPath;
  readonly key: string;
}

const TOKENS = /"(?:[^"\\]|\\.)*"|[{}[\],]/g;

interface Frame {
  readonly object: boolean;
  /** Keys seen so far (objects), or null for arrays. */
  readonly keys: Set<string> | null;
  /** The index of the current element (arrays) or the current key (objects), for paths. */
  step: string | number;
  reported: Set<string> | null;
}

/** At most `limit` duplicates, in text order. The text must be valid JSON. */
export function findDuplicateKeys(text: string, limit = 100): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m !== null && found.length < limit; m = TOKENS.exec(text)) {
    const token = m[0];
    const top = stack[stack.length - 1];
    if (token === '{' || token === '[') {
      stack.push({
        object: token === '{',
        keys: token === '{' ? new Set() : null,
        step: 0,
        reported: null,
      });
    } else if (token === '}' || token === ']') {
      stack.pop();
    } else if (token === ',') {
      if (top && !top.object) top.step = (top.step as number) + 1;
    } else if (top?.object && isKey(text, TOKENS.lastIndex)) {
      const key = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
      top.step = key;
      if (top.keys?.has(key)) {
        top.reported ??= new Set();
        if (!top.reported.has(key)) {
          top.reported.add(key);
          found.push({ path: stack.slice(0, -1).map((frame) => frame.step), key });
        }
      } else top.keys?.add(key);
    }
  }
  return found;
}

/** A string is a key when the next character after white space is a colon. */
function isKey(text: string, after: number): boolean {
  let i = after;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i += 1;
    else return c === 0x3a;
  }
}
