export type { RightsGroup, RightsOption } from './rights-options';
export {
  RIGHTS_GROUPS,
  RIGHTS_OPTIONS,
  RIGHTS_STATEMENT_IDS,
  findRightsOption,
  groupedRightsOptions,
} from './rights-options';
export type { NormalisedRights, RightsStatus } from './normalise-rights';
export { normaliseRights } from './normalise-rights';
