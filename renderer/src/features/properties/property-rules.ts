/**
 * Which descriptive properties the panel edits, where each is shown, and how the spec rates it per resource
 * type (Presentation 3 Appendix A: MUST / SHOULD / MAY / not allowed). Pure data, so the panel, tests and
 * anyone else read the same table.
 */
/** The document (a manifest or a collection), a canvas of a manifest, or a member of a collection. */
export type ResourceKind = 'Manifest' | 'Collection' | 'Canvas' | 'Member';
export type Requirement = 'required' | 'recommended' | 'optional';

export type EditedProperty =
  | 'label'
  | 'summary'
  | 'metadata'
  | 'thumbnail'
  | 'requiredStatement'
  | 'rights'
  | 'provider'
  | 'homepage'
  | 'seeAlso'
  | 'rendering'
  | 'partOf'
  | 'navDate'
  | 'navPlace'
  | 'behavior'
  | 'viewingDirection'
  | 'start';

export type PropertyGroup = 'Description' | 'Rights and credit' | 'Links' | 'Navigation and display';

export interface PropertyRule {
  readonly property: EditedProperty;
  readonly title: string;
  readonly group: PropertyGroup;
  /** null: the spec does not allow the property on that type, so it is not offered. */
  readonly on: Readonly<Record<ResourceKind, Requirement | null>>;
  readonly help: string;
}

const rule = (
  property: EditedProperty,
  title: string,
  group: PropertyGroup,
  manifest: Requirement | null,
  canvas: Requirement | null,
  help: string,
): PropertyRule => ({
  property,
  title,
  group,
  on: {
    Manifest: manifest,
    // Appendix A rates a Collection's properties as a Manifest's, except `start` (a Manifest's or a Range's).
    Collection: property === 'start' ? null : manifest,
    Canvas: canvas,
    Member: MEMBER_REQUIREMENTS[property] ?? null,
  },
  help,
});

/**
 * A member of a collection is a reference (§5.3): it MUST have a label, SHOULD have a thumbnail, and may say
 * when (navDate) and, briefly, what (summary); everything else belongs to the resource it points at.
 */
const MEMBER_REQUIREMENTS: Partial<Record<EditedProperty, Requirement>> = {
  label: 'required',
  summary: 'optional',
  thumbnail: 'recommended',
  navDate: 'optional',
};

export const PROPERTY_RULES: readonly PropertyRule[] = [
  rule(
    'label',
    'Label',
    'Description',
    'required',
    'recommended',
    'The name people see. Plain text, no HTML.',
  ),
  rule(
    'summary',
    'Summary',
    'Description',
    'recommended',
    'optional',
    'A short description; simple HTML allowed.',
  ),
  rule(
    'metadata',
    'Metadata',
    'Description',
    'recommended',
    'optional',
    'Label/value pairs shown as they are.',
  ),
  rule('thumbnail', 'Thumbnail', 'Description', 'recommended', 'optional', 'A small image standing for it.'),
  rule(
    'requiredStatement',
    'Required statement',
    'Rights and credit',
    'optional',
    'optional',
    'Text viewers must show, such as an attribution.',
  ),
  rule('rights', 'Rights', 'Rights and credit', 'optional', 'optional', 'A licence or rights statement URI.'),
  rule('provider', 'Provider', 'Rights and credit', 'recommended', 'optional', 'Who provides the resource.'),
  rule('homepage', 'Homepage', 'Links', 'optional', 'optional', 'A web page about the resource.'),
  rule('seeAlso', 'See also', 'Links', 'optional', 'optional', 'Machine-readable descriptions.'),
  rule('rendering', 'Rendering', 'Links', 'optional', 'optional', 'Alternative downloads (PDF, text).'),
  rule('partOf', 'Part of', 'Links', 'optional', 'optional', 'Collections or sources it belongs to.'),
  rule(
    'navDate',
    'Navigation date',
    'Navigation and display',
    'optional',
    'optional',
    'For timelines and calendars.',
  ),
  rule(
    'navPlace',
    'Place',
    'Navigation and display',
    'optional',
    'optional',
    'Where it is, was made or shows: points, lines and areas on a map (navPlace extension).',
  ),
  rule(
    'behavior',
    'Behavior',
    'Navigation and display',
    'optional',
    'optional',
    'How viewers should present it.',
  ),
  rule(
    'viewingDirection',
    'Viewing direction',
    'Navigation and display',
    'optional',
    null,
    'The order canvases are read in.',
  ),
  rule('start', 'Start canvas', 'Navigation and display', 'optional', null, 'Where viewers open.'),
];

export const PROPERTY_GROUPS: readonly PropertyGroup[] = [
  'Description',
  'Rights and credit',
  'Links',
  'Navigation and display',
];

export function rulesFor(kind: ResourceKind, group?: PropertyGroup): PropertyRule[] {
  return PROPERTY_RULES.filter((r) => r.on[kind] !== null && (group === undefined || r.group === group));
}

export const REQUIREMENT_TEXT: Readonly<Record<Requirement, string>> = {
  required: 'required',
  recommended: 'recommended',
  optional: 'optional',
};
