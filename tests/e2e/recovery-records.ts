/**
 * The recovery records a host (or the desktop app) has written into its data folder, as the tests that kill it
 * read them: completed records only, since a write in progress is a hidden .tmp file until its atomic rename, and
 * a kill before the rename rightly leaves no record.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The texts of the completed records in `dataDir/autosave` (one that vanished while being read reads as ''). */
export async function recordTexts(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'autosave');
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => n.endsWith('.autosave.json') && !n.startsWith('.'),
  );
  return Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8').catch(() => '')));
}

/** The completed records, parsed. */
export async function readRecords(dataDir: string): Promise<Record<string, unknown>[]> {
  return (await recordTexts(dataDir))
    .filter((text) => text !== '')
    .map((text) => JSON.parse(text) as Record<string, unknown>);
}

/** Whether some completed record holds `text`. */
export async function someRecordHolds(dataDir: string, text: string): Promise<boolean> {
  return (await recordTexts(dataDir)).some((record) => record.includes(text));
}
