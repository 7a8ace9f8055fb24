/**
 * The Presentation 3 `behavior` table (§3.2 and Appendix A): which resource types each value is valid on, and
 * which values are disjoint. One copy of the spec's table: the validator checks documents against it and the
 * property editors offer only the values it allows.
 */
const COLLECTION_MANIFEST_CANVAS_RANGE = ['Collection', 'Manifest', 'Canvas', 'Range'];
const COLLECTION_MANIFEST_RANGE = ['Collection', 'Manifest', 'Range'];

/** The "valid on" column. */
export const BEHAVIOR_VALID_ON: Readonly<Record<string, readonly string[]>> = {
  'auto-advance': COLLECTION_MANIFEST_CANVAS_RANGE,
  'no-auto-advance': COLLECTION_MANIFEST_CANVAS_RANGE,
  repeat: ['Collection', 'Manifest'],
  'no-repeat': ['Collection', 'Manifest'],
  unordered: COLLECTION_MANIFEST_RANGE,
  individuals: COLLECTION_MANIFEST_RANGE,
  continuous: COLLECTION_MANIFEST_RANGE,
  paged: COLLECTION_MANIFEST_RANGE,
  'facing-pages': ['Canvas'],
  'non-paged': ['Canvas'],
  'multi-part': ['Collection'],
  together: ['Collection'],
  sequence: ['Range'],
  'thumbnail-nav': ['Range'],
  'no-nav': ['Range'],
  hidden: ['AnnotationCollection', 'AnnotationPage', 'Annotation', 'SpecificResource', 'Choice'],
};

/**
 * The resource types the table speaks about (those of its "valid on" column); on others (content resources,
 * services) `behavior` values are neither checked nor dropped.
 */
export const BEHAVIOR_TABLE_KINDS: ReadonlySet<string> = new Set(Object.values(BEHAVIOR_VALID_ON).flat());

/** "Disjoint with": a resource must not have two values of one of these sets. */
export const BEHAVIOR_DISJOINT: readonly (readonly string[])[] = [
  ['auto-advance', 'no-auto-advance'],
  ['repeat', 'no-repeat'],
  ['unordered', 'individuals', 'continuous', 'paged'],
  ['paged', 'facing-pages'],
  ['paged', 'non-paged'],
  ['facing-pages', 'non-paged'],
  ['multi-part', 'together'],
  ['sequence', 'thumbnail-nav', 'no-nav'],
];

/** The behavior values valid on a resource type, in the table's order. */
export function behaviorsValidOn(type: string): string[] {
  return Object.keys(BEHAVIOR_VALID_ON).filter((value) => BEHAVIOR_VALID_ON[value]?.includes(type));
}

/** Values already present that `value` contradicts. */
export function conflictingBehaviors(value: string, present: readonly string[]): string[] {
  const clashing = new Set<string>();
  for (const set of BEHAVIOR_DISJOINT) {
    if (!set.includes(value)) continue;
    for (const other of set) if (other !== value && present.includes(other)) clashing.add(other);
  }
  return [...clashing];
}
