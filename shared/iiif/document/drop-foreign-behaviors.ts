/**
 * After the Presentation 2 upgrade: the upgrader copies every viewingHint into `behavior`, including hints
 * with no Presentation 3 meaning ("top" on ranges) and values on resources where Presentation 3 does not allow
 * them, which our own validator then reports as errors. Nothing Tessera writes may be a finding of its own
 * validator (issue 13 item 4), so such values are dropped here; the source notices already say that the hint
 * has no Presentation 3 equivalent (upgrade-notices.ts).
 */
import { BEHAVIOR_TABLE_KINDS, BEHAVIOR_VALID_ON } from '../behavior-table';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray } from '../json';
import { forEachObject } from './each-object';

function allowedOn(value: JsonValue, type: string): boolean {
  return typeof value === 'string' && (BEHAVIOR_VALID_ON[value]?.includes(type) ?? false);
}

/**
 * Returns the document without behaviors Presentation 3 does not define for their resource. Mutates `doc`,
 * which must be a fresh tree nobody else holds (the upgrader's output after its JSON round trip).
 */
export function dropForeignBehaviors(doc: JsonObject): JsonObject {
  forEachObject([doc], (node) => {
    const mutable = node as Record<string, JsonValue>;
    const type = node['type'];
    const behavior = node['behavior'];
    if (typeof type === 'string' && BEHAVIOR_TABLE_KINDS.has(type) && isJsonArray(behavior)) {
      const kept = behavior.filter((value) => allowedOn(value, type));
      if (kept.length === 0) delete mutable['behavior'];
      else if (kept.length !== behavior.length) mutable['behavior'] = kept;
    }
  });
  return doc;
}
