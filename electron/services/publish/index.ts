/** Writing publications to disk: the output folder, image tiles, and what changed since the last time. */
export { planPublication, publish } from './publish';
export type {
  ManifestToPublish,
  PublishOptions,
  PublishOutcome,
  PublishReport,
  PublishedManifest,
  PlanOptions,
  PlannedManifest,
  PublicationPlan,
} from './publish';
export { diffAgainstLastPublication } from './last-publication';
export type { PublicationDiff } from './last-publication';
export type { TileFolder } from './tile-folders';
export { replaceFolder } from './replace-folder';
