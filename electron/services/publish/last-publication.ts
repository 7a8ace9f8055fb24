/** Compares a document about to be published with the one the output folder holds now. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JsonValue } from '../../../shared/iiif/json';
import { diffJson, type JsonDiff } from '../../../shared/iiif/publish/json-diff';

export interface PublicationDiff {
  /** Nothing was published at this place before. */
  readonly firstPublication: boolean;
  /** The bytes are the same as last time. */
  readonly identical: boolean;
  /** The earlier file exists but is not JSON, so no path-level comparison was possible. */
  readonly previousUnreadable: boolean;
  readonly diff: JsonDiff;
}

const EMPTY: JsonDiff = { added: [], removed: [], changed: [], counts: { added: 0, removed: 0, changed: 0 } };

/** The files of the publication a target serves now, by path inside it ("/" separators). */
export interface PublishedFiles {
  /** The file's text, or undefined when the publication has no such file. */
  read(relativePath: string): Promise<string | undefined>;
}

export function folderFiles(outDir: string): PublishedFiles {
  return {
    read: async (relativePath) => {
      try {
        return await fs.readFile(path.join(outDir, ...relativePath.split('/')), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

export async function diffAgainstLastPublication(
  outDir: string,
  newText: string,
  relativePath = 'manifest.json',
): Promise<PublicationDiff> {
  return diffAgainstPublished(folderFiles(outDir), newText, relativePath);
}

export async function diffAgainstPublished(
  files: PublishedFiles,
  newText: string,
  relativePath: string,
): Promise<PublicationDiff> {
  const previousText = await files.read(relativePath);
  if (previousText === undefined)
    return { firstPublication: true, identical: false, previousUnreadable: false, diff: EMPTY };
  if (previousText === newText)
    return { firstPublication: false, identical: true, previousUnreadable: false, diff: EMPTY };
  let previous: JsonValue;
  try {
    previous = JSON.parse(previousText) as JsonValue;
  } catch {
    return { firstPublication: false, identical: false, previousUnreadable: true, diff: EMPTY };
  }
  return {
    firstPublication: false,
    identical: false,
    previousUnreadable: false,
    diff: diffJson(previous, JSON.parse(newText) as JsonValue),
  };
}
