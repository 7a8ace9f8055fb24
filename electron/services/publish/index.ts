/**
 * Publishing, in one place: assembling a publication from files (assemble), planning it (final ids, bytes,
 * findings), comparing it with the last one, and writing it (output folder, image tiles); the contract's
 * review and publish channels (publication-channels) and the CLI both go through assemble and the plan.
 */
export { assemblePublication } from './assemble';
export type { PublicationEntry, PublicationInput } from './assemble';
export { planPublication, preparePublication, publish } from './publish';
export type {
  LocalImageTiles,
  ManifestToPublish,
  PublishOptions,
  PublishOutcome,
  PublishReport,
  PublishedManifest,
  PlanOptions,
  PlannedManifest,
  PreparedPublication,
  PublicationPlan,
} from './publish';
export { diffAgainstLastPublication } from './last-publication';
export type { PublicationDiff } from './last-publication';
export type { TileFolder } from './tile-folders';
export { replaceFolder } from './replace-folder';
