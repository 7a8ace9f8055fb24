/**
 * The other Manifest files a curator publishes with the open document as a collection. Each is read the way
 * Open reads a document (path policy, size and encoding checks, Presentation 2 upgraded); any file that cannot
 * take part stops the publication with a message naming it, before anything is written.
 */
import path from 'node:path';
import { readDocument } from '../../../shared/iiif/document/read';
import type { JsonObject } from '../../../shared/iiif/json';
import { UserFacingError } from '../../../shared/ipc/result';
import type { PathPolicy } from '../files/path-policy';
import { readTextFile } from '../files/text-files';

export interface OtherManifest {
  /** The file name, which names its folder in the publication and its findings in the review. */
  readonly name: string;
  /** Where it was read from (resolved): publishing must not replace a folder that holds it. */
  readonly file: string;
  readonly doc: JsonObject;
}

export async function readOtherManifests(
  requested: readonly string[],
  policy: PathPolicy,
): Promise<OtherManifest[]> {
  const manifests: OtherManifest[] = [];
  for (const file of requested) manifests.push(await readOtherManifest(file, policy));
  return manifests;
}

async function readOtherManifest(requested: string, policy: PathPolicy): Promise<OtherManifest> {
  const name = path.basename(requested);
  const refuse = (code: string, reason: string) =>
    new UserFacingError(code, `${name} cannot be published in the collection: ${reason}`);
  let text: string;
  let file: string;
  try {
    file = await policy.resolve(requested, 'read');
    text = (await readTextFile(file)).text;
  } catch (error) {
    if (error instanceof UserFacingError) throw refuse(error.code, error.message);
    throw refuse('unreadable', error instanceof Error ? error.message : String(error));
  }
  const read = readDocument(text);
  if (!read.ok) throw refuse(read.error.code, read.error.message);
  if (read.kind !== 'Manifest')
    throw refuse('not-a-manifest', `it is a ${read.kind}, and a collection lists Manifests only.`);
  return { name, file, doc: read.doc };
}
