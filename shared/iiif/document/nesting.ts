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

/**
 * Strings up to this length are shared (see `shareStrings`): the type names, motivations, formats, languages
 * and short labels that repeat by the hundred thousand, while ids, which are unique, are left alone.
 */
const SHARED_STRING_MAX = 24;

/**
 * True when `root` opens more than `limit` arrays or objects inside one another.
 *
 * With `shareStrings`, the same walk also makes equal short string values one string: JSON.parse allocates each
 * occurrence anew, so 200,000 annotations held "Annotation", "TextualBody", "supplementing" and "en" 200,000
 * times each, and the tree took 1.55x its JSON size of heap; shared, about 1.2x. Only a tree nobody else holds
 * yet (JSON.parse's own result) may be given: its values are replaced in place by equal strings.
 */
export function nestsDeeperThan(
  root: unknown,
  limit: number = MAX_NESTING,
  shareStrings?: Map<string, string>,
): boolean {
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  // Indexed and for-in loops rather than Object.values: the walk runs right after JSON.parse, while the new
  // tree is still in the young generation, and an array per object made the collector copy the whole tree
  // (the walk cost 0.6-0.9x the parse; without those arrays, about 0.15x). JSON.parse makes plain objects,
  // so for-in sees only their own keys.
  const visit = (child: unknown, depth: number) => {
    if (typeof child === 'object' && child !== null) {
      nodes.push(child);
      depths.push(depth + 1);
    }
  };
  const shared = (value: string): string => {
    const known = (shareStrings as Map<string, string>).get(value);
    if (known !== undefined) return known;
    (shareStrings as Map<string, string>).set(value, value);
    return value;
  };
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() as number;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const child: unknown = node[i];
        if (shareStrings && typeof child === 'string' && child.length <= SHARED_STRING_MAX)
          node[i] = shared(child);
        else visit(child, depth);
      }
    } else {
      const object = node as Record<string, unknown>;
      for (const key in object) {
        const child = object[key];
        if (shareStrings && typeof child === 'string' && child.length <= SHARED_STRING_MAX)
          object[key] = shared(child);
        else visit(child, depth);
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
