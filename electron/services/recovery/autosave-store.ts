/**
 * Crash recovery: the renderer sends unsaved work here within seconds of each change; it is written atomically to
 * the app's data folder, one file per open document, and removed when the document is saved or closed cleanly.
 * After a crash or kill -9, whatever is still here is offered for restore on the next start.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { writeFileAtomic } from '../files/atomic-write';

interface AutosaveRecord {
  key: string;
  path: string | null;
  name: string;
  savedAt: number;
  text: string;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new UserFacingError('invalid-request', 'That autosave key is not valid.');
  return key;
}

export function createAutosaveStore(folder: string, clock: () => number = Date.now) {
  const fileFor = (key: string) => path.join(folder, `${checkKey(key)}.autosave.json`);
  // Writes and clears of one record run one after another, in the order they arrive: run side by side, a clear
  // could remove the file before a slower atomic write renamed it into place, and a saved document would come
  // back as "unsaved work" on the next start.
  const chains = new Map<string, Promise<unknown>>();
  const inOrder = <T>(key: string, operation: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).then(operation, operation);
    const settled = next.catch(() => undefined);
    chains.set(key, settled);
    void settled.then(() => {
      if (chains.get(key) === settled) chains.delete(key);
    });
    return next;
  };
  return {
    async write(entry: { key: string; path: string | null; name: string; text: string }) {
      const file = fileFor(entry.key);
      return inOrder(entry.key, async () => {
        await fs.mkdir(folder, { recursive: true });
        const savedAt = clock();
        const record: AutosaveRecord = { ...entry, savedAt };
        await writeFileAtomic(file, JSON.stringify(record));
        return { savedAt };
      });
    },
    async clear(key: string) {
      const file = fileFor(key);
      return inOrder(key, async () => {
        await fs.rm(file, { force: true });
        return {};
      });
    },
    async list() {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const items = [];
      for (const name of names) {
        if (!name.endsWith('.autosave.json')) continue;
        const record = await readRecord(path.join(folder, name));
        if (!record) continue;
        // A record whose file on disk already says the same holds no unsaved work: the save's clear lost a race
        // with a last autosave (say, the app was quit right after saving). Offering it would only confuse.
        if (record.path !== null && (await fileHolds(record.path, record.text))) {
          await inOrder(record.key, () => fs.rm(path.join(folder, name), { force: true }));
          continue;
        }
        items.push({ key: record.key, path: record.path, name: record.name, savedAt: record.savedAt });
      }
      items.sort((a, b) => b.savedAt - a.savedAt);
      return { items };
    },
    async read(key: string) {
      const record = await readRecord(fileFor(key));
      if (!record) throw new UserFacingError('not-found', 'That recovered document is no longer available.');
      return { key: record.key, path: record.path, name: record.name, text: record.text };
    },
  };
}

export type AutosaveStore = ReturnType<typeof createAutosaveStore>;

async function fileHolds(file: string, text: string): Promise<boolean> {
  try {
    return (await fs.readFile(file, 'utf8')) === text;
  } catch {
    return false;
  }
}

async function readRecord(file: string): Promise<AutosaveRecord | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<AutosaveRecord>;
    if (typeof parsed.key !== 'string' || typeof parsed.text !== 'string') return null;
    return {
      key: parsed.key,
      path: typeof parsed.path === 'string' ? parsed.path : null,
      name: typeof parsed.name === 'string' ? parsed.name : 'Untitled',
      savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0,
      text: parsed.text,
    };
  } catch {
    // A half-written record cannot exist (writes are atomic); an unreadable one is skipped, not fatal.
    return null;
  }
}
