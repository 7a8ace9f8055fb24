/** The Open Recent list: most recent first, at most ten, kept as a small JSON file in the app data folder. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';

const LIMIT = 10;

export function createRecentFiles(file: string) {
  async function read(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }
  return {
    list: read,
    async add(absolutePath: string) {
      const next = [absolutePath, ...(await read()).filter((p) => p !== absolutePath)].slice(0, LIMIT);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, JSON.stringify(next, null, 2));
      return next;
    },
  };
}

export type RecentFiles = ReturnType<typeof createRecentFiles>;
