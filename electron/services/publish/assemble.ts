/**
 * The one way a publication is put together from the files a curator names, for the desktop's Publish dialog
 * and for `tessera publish` alike: one Manifest alone, or several, each in a folder named after its file and
 * listed by a collection.json whose label is plain text (the output folder's name by default).
 */
import path from 'node:path';
import type { JsonValue } from '../../../shared/iiif/json';
import { collectionLabelOf, uniqueFolderNames } from '../../../shared/iiif/publish/collection-naming';
import type { LocalImageTiles, ManifestToPublish, PlanOptions } from './publish';

export interface PublicationEntry {
  readonly doc: JsonValue;
  /** The file name its folder is named after (several Manifests only). */
  readonly fileName: string;
  /** How messages name it; the file name by default. */
  readonly name?: string;
}

export interface PublicationInput {
  readonly entries: readonly PublicationEntry[];
  readonly base: string;
  /** The output folder (or target) the collection's label falls back to. */
  readonly outName: string;
  readonly collectionLabel?: string | undefined;
  readonly minify: boolean;
  readonly localImages?: LocalImageTiles | undefined;
}

export function assemblePublication(input: PublicationInput): PlanOptions {
  const several = input.entries.length > 1;
  const folders = uniqueFolderNames(input.entries.map((e) => e.fileName));
  const nameOf = (e: PublicationEntry) => e.name ?? e.fileName;
  // Findings are attributed by name: two files with the same name are told apart by their folders.
  const shared = (name: string) => input.entries.filter((e) => nameOf(e) === name).length > 1;
  const manifests = input.entries.map((entry, index): ManifestToPublish => {
    const folder = folders[index] as string;
    const name = nameOf(entry);
    return {
      doc: entry.doc,
      ...(several ? { slug: folder, name: shared(name) ? `${name} (${folder})` : name } : {}),
    };
  });
  return {
    base: input.base,
    manifests,
    minify: input.minify,
    ...(input.localImages ? { localImages: input.localImages } : {}),
    ...(several
      ? { collectionLabel: collectionLabelOf(input.collectionLabel, path.basename(input.outName)) }
      : {}),
  };
}
