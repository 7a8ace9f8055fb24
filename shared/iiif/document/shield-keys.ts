/**
 * Keeps data named like Object.prototype members ("__proto__", "constructor", "toString"...) away from code we
 * do not own. The Presentation 2 upgrader builds language maps with `map[language].push(...)` on plain objects,
 * so a label in the language "constructor" stops it. We hand it a copy in which those names (as keys, and as
 * whole string values such as `@language`) carry a private-use prefix, and take the prefix off what comes back.
 */
import type { JsonValue } from '../json';
import { isJsonArray, isJsonObject, putOwn } from '../json';

/** U+E000 is private use: no published text has reason to contain it, so the prefix cannot collide. */
const MARK = '\uE000tessera-key:';

const SPECIAL_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

function shieldString(text: string): string {
  return SPECIAL_NAMES.has(text) ? MARK + text : text;
}

function unshieldString(text: string): string {
  return text.includes(MARK) ? text.split(MARK).join('') : text;
}

/** True when the tree has a special name anywhere the upgrader could use it as a key. */
export function hasSpecialNames(root: JsonValue): boolean {
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (typeof node === 'string') {
      if (SPECIAL_NAMES.has(node)) return true;
    } else if (isJsonArray(node)) stack.push(...node);
    else if (isJsonObject(node)) {
      for (const key of Object.keys(node)) {
        if (SPECIAL_NAMES.has(key)) return true;
        stack.push(node[key] as JsonValue);
      }
    }
  }
  return false;
}

function mapTree(node: JsonValue, text: (s: string) => string): JsonValue {
  if (typeof node === 'string') return text(node);
  if (isJsonArray(node)) return node.map((item) => mapTree(item, text));
  if (!isJsonObject(node)) return node;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(node)) putOwn(out, text(key), mapTree(node[key] as JsonValue, text));
  return out;
}

/** A copy with every special name prefixed (depth is bounded by the read limit, so recursion is safe). */
export function shieldSpecialNames(root: JsonValue): JsonValue {
  return mapTree(root, shieldString);
}

/** The inverse of shieldSpecialNames, applied to whatever the upgrader made of the shielded copy. */
export function unshieldSpecialNames(root: JsonValue): JsonValue {
  return mapTree(root, unshieldString);
}
