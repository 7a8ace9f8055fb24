/** Preparing documents for publication: final ids under the public URL, collections, and what changed. */
export { rewriteIds } from './rewrite-ids';
export type { RewriteOptions, RewriteResult } from './rewrite-ids';
export { buildCollection } from './collection';
export type { CollectionInput } from './collection';
export { collectionLabelOf, collectionLabelText, folderNameOf, uniqueFolderNames } from './collection-naming';
export { diffJson } from './json-diff';
export type { JsonDiff } from './json-diff';
export { serializePublication } from './serialize';
