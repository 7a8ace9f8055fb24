/** Collections as documents (issue 17): reading members, references to manifests and collections, pure edits. */
export type { MemberType } from './members';
export { isEmbeddedMember, memberCount, memberIdOf, memberItems, memberLabel, memberTypeOf } from './members';
export type { ReferenceResult } from './reference';
export { REFERENCE_PROPERTIES, memberReferenceFrom, refreshedMember } from './reference';
export type { AddMembersResult } from './member-edits';
export { addMembers, moveMembers, refreshMembers, removeMembers } from './member-edits';
export type { MemberPath } from './member-path';
export {
  collectionAtPath,
  collectionsAlong,
  editAtPath,
  followMemberPath,
  isEmbeddedCollection,
  jsonPathOfCollection,
} from './member-path';
export type { NewCollectionOptions } from './new-collection';
export { newCollection } from './new-collection';
