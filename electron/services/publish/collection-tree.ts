/**
 * Which members of a Collection are local documents, and the publication of the Collection as a tree: those
 * members published in folders of their own under the base (each as it would be alone, through the same plan:
 * stable ids, publication record, validation), the Collection as collection.json pointing at them, and remote
 * members kept as the references they are.
 *
 * A member is local when its id is a file: URL, or when a Manifest (or Collection) file in the Collection's folder has that id
 * (what `tessera split --collection` writes: parts and their collection side by side, the members named by the
 * parts' own ids). Matching by id, not by file name, means the Collection needs no paths that would be wrong
 * once published. A local Collection among the members is published the same way beneath its folder, its own
 * local members inside that, to any depth: every id in the tree is under the base, and every member id is the id
 * of the document written for it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemberType } from '../../../shared/iiif/collection/members';
import { readDocument } from '../../../shared/iiif/document/read';
import type { JsonObject } from '../../../shared/iiif/json';
import { uniqueFolderNames } from '../../../shared/iiif/publish/collection-naming';
import { collectionMembers } from '../../../shared/iiif/publish/collection-tree';
import { UserFacingError } from '../../../shared/ipc/result';
import { readTextFile } from '../files/text-files';
import type { LocalImageTiles, ManifestToPublish, PlanOptions, TreeCollection, TreeMember } from './publish';

export type LocalMember =
  | {
      /** Its place in the Collection's `items`. */
      readonly index: number;
      /** The file it was read from. */
      readonly file: string;
      readonly kind: 'Manifest';
      readonly doc: JsonObject;
    }
  | {
      readonly index: number;
      readonly file: string;
      readonly kind: 'Collection';
      readonly doc: JsonObject;
      /** Its own local members, found beside its file. */
      readonly local: readonly LocalMember[];
    };

export interface CollectionMembersFound {
  readonly local: readonly LocalMember[];
  /** Members published as they are, at any depth: references to documents elsewhere. */
  readonly remote: number;
}

/** How many files of the Collection's folder are looked into for members, at most. */
const MAX_FOLDER_FILES = 2_000;
/** How deep local Collections may nest: far beyond any real tree, and a stop for a file that lists itself. */
const MAX_DEPTH = 20;

type Found = { readonly file: string; readonly doc: JsonObject; readonly kind: MemberType };

/**
 * Finds the local members of `collection`, read from `folder`, and the local members of those that are
 * Collections, beside their own files. `allowed` says whether a file may be read (the app's path policy;
 * everything for the command line). A file: member that cannot be read stops the publication with a message
 * naming it: publishing it as a reference to a file on this computer would break in every viewer. A Collection
 * that contains itself, directly or not, is refused rather than published forever.
 */
export async function findLocalMembers(
  collection: JsonObject,
  folder: string,
  allowed: (file: string) => Promise<boolean> = async () => true,
  within: readonly string[] = [],
): Promise<CollectionMembersFound> {
  const members = collectionMembers(collection);
  let byId: Map<string, Found> | undefined;
  const local: LocalMember[] = [];
  let remote = 0;
  for (const member of members) {
    let found: Found | undefined;
    if (member.id.startsWith('file:')) {
      const file = fileURLToPath(member.id);
      const read = (await allowed(file)) ? await readIiif(file) : undefined;
      if (read === undefined || read.kind !== member.type)
        throw new UserFacingError(
          'member-unreadable',
          `Member ${member.index + 1} of the collection is the file ${file}, which cannot be read as a ${member.type}.`,
        );
      found = { file, ...read };
    } else {
      byId ??= await documentsIn(folder, allowed);
      const candidate = byId.get(member.id);
      if (candidate?.kind === member.type) found = candidate;
    }
    if (found === undefined) {
      remote += 1;
      continue;
    }
    if (found.kind === 'Manifest') {
      local.push({ index: member.index, file: found.file, kind: 'Manifest', doc: found.doc });
      continue;
    }
    if (within.includes(found.file) || within.length >= MAX_DEPTH)
      throw new UserFacingError(
        'collection-cycle',
        `${path.basename(found.file)} is a member of itself (through the collections it lists), so it cannot be published as a tree.`,
      );
    const below = await findLocalMembers(found.doc, path.dirname(found.file), allowed, [
      ...within,
      found.file,
    ]);
    remote += below.remote;
    local.push({
      index: member.index,
      file: found.file,
      kind: 'Collection',
      doc: found.doc,
      local: below.local,
    });
  }
  return { local, remote };
}

/** The Manifest and Collection files of a folder (not its subfolders), by id; other files are passed over. */
async function documentsIn(
  folder: string,
  allowed: (file: string) => Promise<boolean>,
): Promise<Map<string, Found>> {
  const byId = new Map<string, Found>();
  const names = (await fs.readdir(folder).catch(() => [] as string[]))
    .filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'))
    .sort()
    .slice(0, MAX_FOLDER_FILES);
  for (const name of names) {
    const file = path.join(folder, name);
    if (!(await allowed(file))) continue;
    const read = await readIiif(file);
    const id = read?.doc['id'];
    // The first file of an id wins, in name order, so the choice does not depend on the disk's listing order.
    if (read && typeof id === 'string' && !byId.has(id)) byId.set(id, { file, ...read });
  }
  return byId;
}

async function readIiif(file: string): Promise<{ doc: JsonObject; kind: MemberType } | undefined> {
  try {
    const read = readDocument((await readTextFile(file)).text);
    // A document read is a Manifest or a Collection (DocumentKind): exactly what a member may be.
    return read.ok ? { doc: read.doc, kind: read.kind } : undefined;
  } catch {
    return undefined;
  }
}

/** Every local member's file, at any depth (publishing must not replace a folder that holds one). */
export function memberFiles(local: readonly LocalMember[]): string[] {
  return local.flatMap((m) => [m.file, ...(m.kind === 'Collection' ? memberFiles(m.local) : [])]);
}

export interface TreeInput {
  readonly collection: JsonObject;
  readonly local: readonly LocalMember[];
  readonly base: string;
  readonly minify: boolean;
  readonly localImages?: LocalImageTiles | undefined;
}

/**
 * The plan options of a Collection's publication: each local member in a folder named after its file, those of
 * a local Collection in folders inside its folder, so ids nest as the Collections do.
 */
export function assembleCollectionTree(input: TreeInput): PlanOptions {
  const manifests: ManifestToPublish[] = [];
  const collections: TreeCollection[] = [];
  const add = (collection: JsonObject, folder: string, local: readonly LocalMember[]): void => {
    const members: TreeMember[] = [];
    collections.push({ folder, collection, members });
    const names = uniqueFolderNames(local.map((m) => path.basename(m.file)));
    local.forEach((member, i) => {
      const sub = folder === '' ? (names[i] as string) : `${folder}/${names[i] as string}`;
      if (member.kind === 'Manifest') {
        members.push({ index: member.index, manifest: manifests.length });
        manifests.push({
          doc: member.doc,
          slug: sub,
          name: folder === '' ? path.basename(member.file) : `${folder}/${path.basename(member.file)}`,
        });
      } else {
        members.push({ index: member.index, collection: collections.length });
        add(member.doc, sub, member.local);
      }
    });
  };
  add(input.collection, '', input.local);
  return {
    base: input.base,
    manifests,
    minify: input.minify,
    tree: { collections },
    ...(input.localImages ? { localImages: input.localImages } : {}),
  };
}
