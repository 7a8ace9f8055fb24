/** Splitting a manifest into parts, merging manifests into one, and a collection of the parts (all pure). */
export type { SplitOptions, SplitOutcome, SplitPart, SplitResult } from './split';
export { checkSplitPoints, parseSplitPoints, splitManifest } from './split';
export type { DroppedProperties, MergeOptions, MergeOutcome, MergeResult } from './merge';
export { mergeManifests } from './merge';
export { DEFAULT_PART_SUFFIX, partId, partLabel, partSuffix } from './part-labels';
export { fileStem, partsCollection, splitFileNames } from './parts-collection';
