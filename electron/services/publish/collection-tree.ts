/**
 * Which members of a Collection are local documents, and the publication of the Collection as a tree: those
 * members published in folders of their own under the base (each as it would be alone, through the same plan:
 * stable ids, publication record, validation), the Collection as collection.json pointing at them, and remote
 * members kept as the references they are.
 *
 * A member is local when its id is a file: URL, or when a Manifest file in the Collection's folder has that id
 * (what `tessera split --collection` writes: parts and their collection side by side, the members named by the
 * parts' own ids). Matching by id, not by file name, means the Collection needs no paths that would be wrong
 * once published.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../../shared/iiif/document/read';
import type { JsonObject } from '../../../shared/iiif/json';
import { uniqueFolderNames } from '../../../shared/iiif/publish/collection-naming';
import { collectionMembers } from '../../../shared/iiif/publish/collection-tree';
import { UserFacingError } from '../../../shared/ipc/result';
import { readTextFile } from '../files/text-files';
import type { LocalImageTiles, ManifestToPublish, PlanOptions } from './publish';

export interface LocalMember {
  /** Its place in the Collection's `items`. */
  readonly index: number;
  readonly doc: JsonObject;
  /** The file it was read from. */
  readonly file: string;
}

export interface CollectionMembersFound {
  readonly local: readonly LocalMember[];
  /** Members published as they are: references to documents elsewhere. */
  readonly remote: number;
}

/** How many files of the Collection's folder are looked into for members, at most. */
const MAX_FOLDER_FILES = 2_000;

/**
 * Finds the local members of `collection`, read from `folder`. `allowed` says whether a file may be read (the
 * app's path policy; everything for the command line). A file: member that cannot be read stops the publication
 * with a message naming it: publishing it as a reference to a file on this computer would break in every viewer.
 */
export async function findLocalMembers(
  collection: JsonObject,
  folder: string,
  allowed: (file: string) => Promise<boolean> = async () => true,
): Promise<CollectionMembersFound> {
  const members = collectionMembers(collection).filter((m) => m.type === 'Manifest');
  let byId: Map<string, { file: string; doc: JsonObject }> | undefined;
  const local: LocalMember[] = [];
  for (const member of members) {
    if (member.id.startsWith('file:')) {
      const file = fileURLToPath(member.id);
      const doc = (await allowed(file)) ? await readManifest(file) : undefined;
      if (doc === undefined)
        throw new UserFacingError(
          'member-unreadable',
          `Member ${member.index + 1} of the collection is the file ${file}, which cannot be read as a Manifest.`,
        );
      local.push({ index: member.index, doc, file });
      continue;
    }
    byId ??= await manifestsIn(folder, allowed);
    const found = byId.get(member.id);
    if (found) local.push({ index: member.index, ...found });
  }
  return { local, remote: members.length - local.length };
}

/** The Manifest files of a folder (not its subfolders), by id; files that are not Manifests are passed over. */
async function manifestsIn(
  folder: string,
  allowed: (file: string) => Promise<boolean>,
): Promise<Map<string, { file: string; doc: JsonObject }>> {
  const byId = new Map<string, { file: string; doc: JsonObject }>();
  const names = (await fs.readdir(folder).catch(() => [] as string[]))
    .filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'))
    .sort()
    .slice(0, MAX_FOLDER_FILES);
  for (const name of names) {
    const file = path.join(folder, name);
    if (!(await allowed(file))) continue;
    const doc = await readManifest(file);
    const id = doc?.['id'];
    // The first file of an id wins, in name order, so the choice does not depend on the disk's listing order.
    if (doc && typeof id === 'string' && !byId.has(id)) byId.set(id, { file, doc });
  }
  return byId;
}

async function readManifest(file: string): Promise<JsonObject | undefined> {
  try {
    const read = readDocument((await readTextFile(file)).text);
    return read.ok && read.kind === 'Manifest' ? read.doc : undefined;
  } catch {
    return undefined;
  }
}

export interface TreeInput {
  readonly collection: JsonObject;
  readonly local: readonly LocalMember[];
  readonly base: string;
  readonly minify: boolean;
  readonly localImages?: LocalImageTiles | undefined;
}

/** The plan options of a Collection's publication: each local member in a folder named after its file. */
export function assembleCollectionTree(input: TreeInput): PlanOptions {
  const folders = uniqueFolderNames(input.local.map((m) => path.basename(m.file)));
  const manifests = input.local.map((member, i): ManifestToPublish => ({
    doc: member.doc,
    slug: folders[i] as string,
    name: path.basename(member.file),
  }));
  return {
    base: input.base,
    manifests,
    minify: input.minify,
    tree: { collection: input.collection, members: input.local.map((m) => m.index) },
    ...(input.localImages ? { localImages: input.localImages } : {}),
  };
}
