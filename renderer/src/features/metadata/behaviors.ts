/**
 * The behavior values an editor may offer for a resource type, and the pairs that contradict each other
 * (Presentation 3 §3.2, "valid on" and "disjoint with"). The validator has the same table for checking
 * documents (shared/iiif/validation/rules/behavior.ts, not exported); here it drives the choices, so only
 * valid values are offered and a contradicting value cannot be switched on.
 */
export type BehaviorHost = 'Manifest' | 'Canvas';

export interface BehaviorOption {
  readonly value: string;
  readonly description: string;
}

const OPTIONS: Readonly<Record<BehaviorHost, readonly BehaviorOption[]>> = {
  Manifest: [
    { value: 'auto-advance', description: 'play the next canvas when this one ends' },
    { value: 'no-auto-advance', description: 'do not play on automatically' },
    { value: 'repeat', description: 'start again after the last canvas' },
    { value: 'no-repeat', description: 'stop after the last canvas' },
    { value: 'unordered', description: 'the canvases have no order' },
    { value: 'individuals', description: 'each canvas is a separate view' },
    { value: 'continuous', description: 'one long strip, like a scroll' },
    { value: 'paged', description: 'pages of a book, shown in openings' },
  ],
  Canvas: [
    { value: 'auto-advance', description: 'play the next canvas when this one ends' },
    { value: 'no-auto-advance', description: 'do not play on automatically' },
    { value: 'facing-pages', description: 'already shows both pages of an opening' },
    { value: 'non-paged', description: 'not part of the page turning (a fold-out, a box)' },
  ],
};

const DISJOINT: readonly (readonly string[])[] = [
  ['auto-advance', 'no-auto-advance'],
  ['repeat', 'no-repeat'],
  ['unordered', 'individuals', 'continuous', 'paged'],
  ['paged', 'facing-pages'],
  ['paged', 'non-paged'],
  ['facing-pages', 'non-paged'],
];

export function behaviorOptions(host: BehaviorHost): readonly BehaviorOption[] {
  return OPTIONS[host];
}

/** Values already present that `value` contradicts. */
export function conflictsWith(value: string, present: readonly string[]): string[] {
  const clashing = new Set<string>();
  for (const set of DISJOINT) {
    if (!set.includes(value)) continue;
    for (const other of set) if (other !== value && present.includes(other)) clashing.add(other);
  }
  return [...clashing];
}

/** Present values that are not offered for this type (unknown, an extension's, or wrong for the type). */
export function unofferedBehaviors(host: BehaviorHost, present: readonly string[]): string[] {
  const offered = new Set(OPTIONS[host].map((option) => option.value));
  return present.filter((value) => !offered.has(value));
}
