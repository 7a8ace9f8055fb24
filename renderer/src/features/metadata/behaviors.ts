/**
 * The behavior values an editor offers for a resource type, with a curator-readable description of each. Which
 * values are valid where, and which contradict each other, come from the spec's table in
 * shared/iiif/behavior-table.ts (the validator checks documents against the same table), so only valid values
 * are offered and a contradicting value cannot be switched on.
 */
import { behaviorsValidOn, conflictingBehaviors } from '../../../../shared/iiif/behavior-table';

export type BehaviorHost = 'Collection' | 'Manifest' | 'Canvas';

export interface BehaviorOption {
  readonly value: string;
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'auto-advance': 'play the next canvas when this one ends',
  'no-auto-advance': 'do not play on automatically',
  repeat: 'start again after the last canvas',
  'no-repeat': 'stop after the last canvas',
  unordered: 'the canvases have no order',
  individuals: 'each canvas is a separate view',
  continuous: 'one long strip, like a scroll',
  paged: 'pages of a book, shown in openings',
  'facing-pages': 'already shows both pages of an opening',
  'non-paged': 'not part of the page turning (a fold-out, a box)',
  'multi-part': 'its members are the parts of one work (volumes, issues)',
  together: 'viewers show all its members at once',
};

const OPTIONS: Readonly<Record<BehaviorHost, readonly BehaviorOption[]>> = {
  Collection: behaviorsValidOn('Collection').map((value) => ({
    value,
    description: DESCRIPTIONS[value] ?? value,
  })),
  Manifest: behaviorsValidOn('Manifest').map((value) => ({
    value,
    description: DESCRIPTIONS[value] ?? value,
  })),
  Canvas: behaviorsValidOn('Canvas').map((value) => ({ value, description: DESCRIPTIONS[value] ?? value })),
};

export function behaviorOptions(host: BehaviorHost): readonly BehaviorOption[] {
  return OPTIONS[host];
}

/** Values already present that `value` contradicts. */
export const conflictsWith = conflictingBehaviors;

/** Present values that are not offered for this type (unknown, an extension's, or wrong for the type). */
export function unofferedBehaviors(host: BehaviorHost, present: readonly string[]): string[] {
  const offered = new Set(OPTIONS[host].map((option) => option.value));
  return present.filter((value) => !offered.has(value));
}
