/**
 * The rights picklist. Presentation 3 §3.1 `rights`: the value MUST be a Creative Commons licence URI, a
 * RightsStatements.org statement URI, or one added by an extension; for CC and RS it MUST be the URI defined
 * by that scheme, and both schemes define `http://` URIs (the `https://` pages are for humans).
 */

export type RightsGroup = 'Creative Commons' | 'Public domain' | 'In copyright' | 'No copyright' | 'Other';

export interface RightsOption {
  /** Canonical, machine-actionable URI: exactly what goes into the document. */
  readonly uri: string;
  /** Short code shown in compact lists: "CC BY-NC 4.0", "InC-EDU". */
  readonly code: string;
  readonly title: string;
  readonly group: RightsGroup;
}

/** Order of the groups in the picker. */
export const RIGHTS_GROUPS: readonly RightsGroup[] = [
  'Creative Commons',
  'Public domain',
  'In copyright',
  'No copyright',
  'Other',
];

const cc = (path: string, code: string, title: string): RightsOption => ({
  uri: `http://creativecommons.org/licenses/${path}/4.0/`,
  code: `CC ${code} 4.0`,
  title: `${title} 4.0 International`,
  group: 'Creative Commons',
});

const rs = (id: string, title: string, group: RightsGroup): RightsOption => ({
  uri: `http://rightsstatements.org/vocab/${id}/1.0/`,
  code: id,
  title,
  group,
});

export const RIGHTS_OPTIONS: readonly RightsOption[] = [
  cc('by', 'BY', 'Attribution'),
  cc('by-sa', 'BY-SA', 'Attribution-ShareAlike'),
  cc('by-nd', 'BY-ND', 'Attribution-NoDerivatives'),
  cc('by-nc', 'BY-NC', 'Attribution-NonCommercial'),
  cc('by-nc-sa', 'BY-NC-SA', 'Attribution-NonCommercial-ShareAlike'),
  cc('by-nc-nd', 'BY-NC-ND', 'Attribution-NonCommercial-NoDerivatives'),
  {
    uri: 'http://creativecommons.org/publicdomain/zero/1.0/',
    code: 'CC0 1.0',
    title: 'CC0 1.0 Universal (Public Domain Dedication)',
    group: 'Public domain',
  },
  {
    uri: 'http://creativecommons.org/publicdomain/mark/1.0/',
    code: 'PDM 1.0',
    title: 'Public Domain Mark 1.0',
    group: 'Public domain',
  },
  rs('InC', 'In Copyright', 'In copyright'),
  rs('InC-OW-EU', 'In Copyright - EU Orphan Work', 'In copyright'),
  rs('InC-EDU', 'In Copyright - Educational Use Permitted', 'In copyright'),
  rs('InC-NC', 'In Copyright - Non-Commercial Use Permitted', 'In copyright'),
  rs('InC-RUU', 'In Copyright - Rights-holder(s) Unlocatable or Unidentifiable', 'In copyright'),
  rs('NoC-CR', 'No Copyright - Contractual Restrictions', 'No copyright'),
  rs('NoC-NC', 'No Copyright - Non-Commercial Use Only', 'No copyright'),
  rs('NoC-OKLR', 'No Copyright - Other Known Legal Restrictions', 'No copyright'),
  rs('NoC-US', 'No Copyright - United States', 'No copyright'),
  rs('CNE', 'Copyright Not Evaluated', 'Other'),
  rs('UND', 'Copyright Undetermined', 'Other'),
  rs('NKC', 'No Known Copyright', 'Other'),
];

/** RightsStatements.org identifiers in their canonical case, for case-insensitive recognition. */
export const RIGHTS_STATEMENT_IDS: readonly string[] = RIGHTS_OPTIONS.filter((option) =>
  option.uri.startsWith('http://rightsstatements.org/'),
).map((option) => option.code);

/** The picklist entry for an exact canonical URI. */
export function findRightsOption(uri: string): RightsOption | undefined {
  return RIGHTS_OPTIONS.find((option) => option.uri === uri);
}

/** The picklist grouped for display, groups in RIGHTS_GROUPS order. */
export function groupedRightsOptions(): { group: RightsGroup; options: RightsOption[] }[] {
  return RIGHTS_GROUPS.map((group) => ({
    group,
    options: RIGHTS_OPTIONS.filter((option) => option.group === group),
  })).filter((entry) => entry.options.length > 0);
}
