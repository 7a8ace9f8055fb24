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

export async function diffAgainstLastPublication(
  outDir: string,
  newText: string,
  relativePath = 'manifest.json',
): Promise<PublicationDiff> {
  let previousText: string;
  try {
    previousText = await fs.readFile(path.join(outDir, relativePath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { firstPublication: true, identical: false, previousUnreadable: false, diff: EMPTY };
    }
    throw error;
  }
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
