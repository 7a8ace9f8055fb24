/**
 * How deeply a parsed document nests, found without recursion (an explicit stack), so it cannot overflow.
 * Documents are refused past MAX_NESTING before anything else walks them: every walker in Tessera (the
 * upgrader, validation, publishing, the renderer's trees) may then recurse safely, and a 4 KB file of 2,000
 * nested arrays gets a clear message instead of "Maximum call stack size exceeded" or a blank window.
 * JSON.parse itself is iterative in every engine we ship on, so the check runs on its result: walking the tree
 * costs about a fifth of the parse, where scanning the text character by character costs as much as the parse.
 */

/**
 * 100 levels: the deepest file in the corpus of real manifests nests 16 (an annotation on an image layer);
 * six times that leaves room for any real structure, and stays far below the stack of every runtime we ship.
 */
export const MAX_NESTING = 100;

/** True when `root` opens more than `limit` arrays or objects inside one another. */
export function nestsDeeperThan(root: unknown, limit: number = MAX_NESTING): boolean {
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() as number;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    const children: readonly unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

export function describeExcessNesting(limit: number = MAX_NESTING): string {
  return (
    `This file nests lists and objects more than ${limit} levels deep, which no manifest needs (real ones ` +
    'use fewer than 20); it is refused so that nothing in Tessera runs out of stack on it.'
  );
}
