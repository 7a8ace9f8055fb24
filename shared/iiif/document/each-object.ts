/**
 * The walk of the upgrade's clean-ups (dropForeignBehaviors, resolveBehaviorConflicts, stripEmbeddedContexts):
 * every object of a tree, each visited before its children are read, so a visit may change the object it is
 * given. An explicit stack: upgraded documents can nest ranges deeply, and a recursive walk could overflow.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

export function forEachObject(roots: readonly JsonValue[], visit: (node: JsonObject) => void): void {
  const stack: JsonValue[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (isJsonArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isJsonObject(node)) continue;
    visit(node);
    for (const child of Object.values(node))
      if (typeof child === 'object' && child !== null) stack.push(child);
  }
}
