/**
 * How deeply a parsed document nests, found before anything recursive walks it. Documents are refused past
 * MAX_NESTING: every walker in Tessera (the upgrader, validation, publishing, the renderer's trees) may then
 * recurse safely, and a 4 KB file of 2,000 nested arrays gets a clear message instead of "Maximum call stack
 * size exceeded" or a blank window. JSON.parse itself is iterative in every engine we ship on, so the check runs
 * on its result: walking the tree costs a small fraction of the parse, where scanning the text character by
 * character costs as much as the parse.
 */

/**
 * 100 levels: the deepest file in the corpus of real manifests nests 16 (an annotation on an image layer);
 * six times that leaves room for any real structure, and stays far below the stack of every runtime we ship.
 */
export const MAX_NESTING = 100;

/**
 * The walk recurses, one frame per level, and stops one level past its limit, so the limit bounds its stack.
 * Past this a caller would be asking for the overflow the walk exists to prevent.
 */
const MAX_WALK_LIMIT = 1_000;

/**
 * Strings up to this length are shared (see `shareStrings`): the type names, motivations, formats, languages
 * and short labels that repeat by the hundred thousand, while ids, which are unique, are left alone.
 */
const SHARED_STRING_MAX = 24;

/**
 * Strings up to this length are left alone: V8 (Node, Chromium, Electron: every runtime we ship on) already
 * makes JSON.parse return one internalized string for each such value ("Manifest", "Image", "painting", "en"),
 * so a table lookup for them only costs time. Measured with Node 20: a million 10-character values parse into
 * 8 MB of heap (one string), 11-character ones into 40 MB (a million).
 */
const ENGINE_SHARED_MAX = 10;

export interface TreeSurvey {
  /** The tree opens more than `limit` arrays or objects inside one another (the rest is then not looked at). */
  readonly tooDeep: boolean;
  /**
   * Some object has a property named by an array index ("0", "42"). Such names are listed before all others
   * (ECMAScript's own-key order, which for-in and JSON.stringify follow), so the one place saving can move a
   * property is there, and an object has one exactly when its first listed name is one.
   */
  readonly indexKeys: boolean;
}

/** A property name that is an integer written plainly ("0", "42", not "042"): listed first, in numeric order. */
export function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9][0-9]*)$/.test(key);
}

/**
 * One walk over a freshly parsed tree: how deep it nests, whether any object has array-index property names,
 * and, with `shareStrings`, equal short string values made one string.
 *
 * Sharing: JSON.parse allocates each occurrence anew, so 200,000 annotations held "supplementing" and
 * "TextualBody" 200,000 times each, and the tree took 1.55x its JSON size of heap; shared, about 1.2x. Only a
 * tree nobody else holds yet (JSON.parse's own result) may be given: its values are replaced in place by equal
 * strings.
 */
export function surveyParsedTree(
  root: unknown,
  limit: number = MAX_NESTING,
  shareStrings?: Map<string, string>,
): TreeSurvey {
  if (!(limit >= 0 && limit <= MAX_WALK_LIMIT)) throw new RangeError(`nesting limit out of range: ${limit}`);
  const walk: Walk = { limit, table: shareStrings, indexKeys: false };
  const tooDeep = typeof root === 'object' && root !== null && deeper(root, 1, walk);
  return { tooDeep, indexKeys: walk.indexKeys };
}

/** True when `root` opens more than `limit` arrays or objects inside one another (see `surveyParsedTree`). */
export function nestsDeeperThan(
  root: unknown,
  limit: number = MAX_NESTING,
  shareStrings?: Map<string, string>,
): boolean {
  return surveyParsedTree(root, limit, shareStrings).tooDeep;
}

/** What the walk carries down: a plain object (a class with fields compiled to defineProperty ran 2x slower). */
interface Walk {
  readonly limit: number;
  readonly table: Map<string, string> | undefined;
  indexKeys: boolean;
}

/**
 * Recursive, bounded by the limit. An explicit stack of nodes and depths made the walk cost about 0.4x the
 * parse of a 5,000-member collection; recursion, which keeps depths on the machine stack, about 0.07x. Indexed
 * and for-in loops rather than Object.values: the walk runs right after JSON.parse, while the new tree is still
 * in the young generation, and an array per object made the collector copy the whole tree. JSON.parse makes
 * plain objects, so for-in sees only their own keys.
 */
function deeper(node: object, depth: number, walk: Walk): boolean {
  if (depth > walk.limit) return true;
  const table = walk.table;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const child: unknown = node[i];
      if (typeof child === 'object') {
        if (child !== null && deeper(child, depth + 1, walk)) return true;
      } else if (table !== undefined && typeof child === 'string' && worthSharing(child)) {
        node[i] = shared(table, child);
      }
    }
    return false;
  }
  const object = node as Record<string, unknown>;
  let first = true;
  for (const key in object) {
    if (first) {
      first = false;
      if (!walk.indexKeys && isIndexKey(key)) walk.indexKeys = true;
    }
    const child = object[key];
    if (typeof child === 'object') {
      if (child !== null && deeper(child, depth + 1, walk)) return true;
    } else if (table !== undefined && typeof child === 'string' && worthSharing(child)) {
      object[key] = shared(table, child);
    }
  }
  return false;
}

function worthSharing(value: string): boolean {
  return value.length > ENGINE_SHARED_MAX && value.length <= SHARED_STRING_MAX;
}

function shared(table: Map<string, string>, value: string): string {
  const known = table.get(value);
  if (known !== undefined) return known;
  table.set(value, value);
  return value;
}

export function describeExcessNesting(limit: number = MAX_NESTING): string {
  return (
    `This file nests lists and objects more than ${limit} levels deep, which no manifest needs (real ones ` +
    'use fewer than 20); it is refused so that nothing in Tessera runs out of stack on it.'
  );
}
