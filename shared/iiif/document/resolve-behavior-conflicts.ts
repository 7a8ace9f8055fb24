/**
 * After the Presentation 2 upgrade: the upgrader gathers the manifest's viewingHint and its sequence's into one
 * `behavior` list, so a P2 manifest marked "individuals" with a "paged" sequence comes out saying both, which
 * Presentation 3 forbids (our validator: `behavior-conflict`). The sequence's hint is the one that described
 * how its canvases are shown, and the upgrader puts it last: of values that contradict each other, the last
 * is kept, and the user is told which were dropped.
 */
import { BEHAVIOR_DISJOINT } from '../behavior-table';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray } from '../json';
import { forEachObject } from './each-object';
import { notice, type Notice } from './notices';

/** One contradiction resolved: the value kept and the ones dropped for it. */
export interface BehaviorChoice {
  readonly kept: string;
  readonly dropped: readonly string[];
}

/** `behavior` without contradictions: of each disjoint set, only the value given last. */
export function withoutConflicts(behavior: readonly JsonValue[]): {
  behavior: JsonValue[];
  choices: BehaviorChoice[];
} {
  let result = [...behavior];
  const choices: BehaviorChoice[] = [];
  for (const set of BEHAVIOR_DISJOINT) {
    const present = result.filter(
      (value): value is string => typeof value === 'string' && set.includes(value),
    );
    const kept = present[present.length - 1];
    if (kept === undefined || present.length < 2) continue;
    const dropped = present.filter((value) => value !== kept);
    choices.push({ kept, dropped });
    result = result.filter((value) => typeof value !== 'string' || !dropped.includes(value));
  }
  return { behavior: result, choices };
}

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(' and ');

/**
 * Resolves contradicting behaviors on every resource of `doc`, which must be a fresh tree nobody else holds
 * (the upgrader's output after its JSON round trip). Returns a notice per contradiction resolved.
 */
export function resolveBehaviorConflicts(doc: JsonObject): Notice[] {
  const notices: Notice[] = [];
  forEachObject([doc], (node) => {
    const behavior = node['behavior'];
    if (isJsonArray(behavior)) {
      const resolved = withoutConflicts(behavior);
      if (resolved.choices.length > 0) {
        (node as Record<string, JsonValue>)['behavior'] = resolved.behavior;
        const kind = typeof node['type'] === 'string' ? node['type'] : 'resource';
        for (const { kept, dropped } of resolved.choices)
          notices.push(
            notice(
              'behavior-conflict-resolved',
              'warning',
              `The ${kind}'s viewing hints ${quoted([...dropped, kept])} contradict each other and Presentation 3 ` +
                `allows only one: Tessera kept "${kept}" (the hint given last, usually the sequence's) and dropped ` +
                `${quoted(dropped)}.`,
            ),
          );
      }
    }
  });
  return notices;
}
