/**
 * Where a Presentation 2 document breaks the upgrader, when the repair pass did not know (issue 14.1: "what
 * cannot be repaired is named precisely"). The upgrader only says "x.map is not a function", so we ask it again
 * on smaller copies: a part whose removal lets the upgrade through holds the fault, and we go down into it; a
 * part whose removal changes nothing is left out of later tries (delta debugging, one level at a time). Runs only
 * after a failed upgrade, and a bounded number of times, so a large document costs a second or so at most.
 */
import type { JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';

/** Upgrade attempts at most: enough for ~10 levels of a real manifest, few enough to answer at once. */
const MAX_TRIES = 120;

export interface UpgradeFault {
  /** "sequences[0].canvases[3].images[0]" ("" for the whole document). */
  readonly path: string;
  readonly value: JsonValue;
}

type Step = string | number;

function valueAt(root: JsonValue, path: readonly Step[]): JsonValue {
  let node: JsonValue = root;
  for (const step of path) node = (node as Record<string | number, JsonValue>)[step] as JsonValue;
  return node;
}

export function pathText(path: readonly Step[]): string {
  return path.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : text === '' ? step : `${text}.${step}`),
    '',
  );
}

/**
 * `root` is a copy nobody else holds (it is reduced in place); `upgrades(tree)` says whether the upgrader
 * accepts a fresh copy of `tree`. Returns the smallest part found that still breaks the upgrade.
 */
export function locateUpgradeFailure(
  root: JsonValue,
  upgrades: (tree: JsonValue) => boolean,
): UpgradeFault | undefined {
  let tries = 0;
  const attempt = (): boolean | undefined => {
    if (tries >= MAX_TRIES) return undefined;
    tries += 1;
    return upgrades(root);
  };
  if (attempt() !== false) return undefined;
  // Original positions of array entries, since reducing an array renumbers what is left.
  const path: Step[] = [];
  const shown: Step[] = [];
  for (;;) {
    const node = valueAt(root, path);
    let next: { step: Step; shown: Step } | undefined;
    if (isJsonArray(node)) {
      const list = node as JsonValue[]; // our own copy: reduced in place
      // Keep halves: the half that still fails alone holds a fault.
      let offset = 0;
      while (list.length > 1) {
        const removed = list.splice(Math.ceil(list.length / 2));
        const verdict = attempt();
        if (verdict === undefined) {
          list.push(...removed);
          break;
        }
        if (verdict) {
          offset += list.length;
          list.splice(0, list.length, ...removed);
        }
      }
      if (list.length === 1) next = { step: 0, shown: offset }; // one entry left: it breaks the upgrade alone
    } else if (isJsonObject(node)) {
      const object = node as Record<string, JsonValue>;
      for (const key of Object.keys(object)) {
        if (path.length === 0 && (key === '@context' || key === '@type')) continue;
        const kept = object[key] as JsonValue;
        delete object[key];
        const verdict = attempt();
        if (verdict === undefined) {
          object[key] = kept;
          break;
        }
        if (verdict) {
          object[key] = kept;
          next = { step: key, shown: key };
          break;
        }
        // Still fails without it: not needed for the fault, so later tries go without it.
      }
    }
    if (next === undefined || tries >= MAX_TRIES) break;
    path.push(next.step);
    shown.push(next.shown);
  }
  return { path: pathText(shown), value: valueAt(root, path) };
}
