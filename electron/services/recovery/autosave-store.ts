/**
 * Crash recovery: the renderer sends unsaved work here within seconds of each change; it is written atomically to
 * the app's data folder, one file per open document, and removed when the document is saved or closed cleanly.
 * After a crash or kill -9, whatever is still here is offered for restore on the next start.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../../shared/iiif/document/limits';
import { UserFacingError } from '../../../shared/ipc/result';
import { writeFileAtomic } from '../files/atomic-write';
import { readBounded } from '../files/bounded-read';

/**
 * Which document paths a record may name now: the path the current file policy resolves it to, or null. A
 * record names a file to compare with and to save back to; one the policy refuses (outside the workspace, a
 * grant from another session) is offered as untitled work instead, so it can neither reach nor probe that file.
 */
export type AllowPath = (recordedPath: string) => Promise<string | null>;

const allowAny: AllowPath = async (recordedPath) => recordedPath;

/** A record is the document text JSON-escaped, plus a few fields: room for heavy escaping, not unbounded. */
const MAX_RECORD_BYTES = 3 * MAX_DOCUMENT_BYTES;

type Origin = 'local' | 'public';

interface AutosaveRecord {
  key: string;
  path: string | null;
  name: string;
  savedAt: number;
  text: string;
  /** Where the document came from (a public one keeps its private-network refusals when recovered). */
  origin: Origin;
  /**
   * The desktop window whose page wrote it (window-records.ts), so that another window of the same run leaves
   * it alone; null where there is one page per record folder's user (the web host) and in older records.
   */
  owner: string | null;
  /** Its place among the open tabs when written (absent in records of older versions). */
  tab?: number;
}

/** What a page sends to be kept: the record less what the store adds (when, and in a desktop window, whose). */
export type RecordEntry = Pick<AutosaveRecord, 'key' | 'path' | 'name' | 'text' | 'tab'> & {
  origin?: Origin;
};

/** Who holds a record, for deciding which window may see it (window-records.ts). */
export interface RecordHolder {
  key: string;
  owner: string | null;
}
/** Whether the caller may see (list, read) a record; absent: every record. */
export type MaySee = (record: RecordHolder) => boolean;

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
    async write(entry: RecordEntry & { owner?: string }) {
      const file = fileFor(entry.key);
      return inOrder(entry.key, async () => {
        const savedAt = clock();
        const record: AutosaveRecord = {
          ...entry,
          origin: entry.origin ?? 'local',
          owner: entry.owner ?? null,
          savedAt,
        };
        try {
          await fs.mkdir(folder, { recursive: true });
          await writeFileAtomic(file, JSON.stringify(record));
        } catch (error) {
          throw new UserFacingError(
            'autosave-failed',
            describeRecoveryError((error as NodeJS.ErrnoException).code, entry.name, folder),
          );
        }
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
    async list(allow: AllowPath = allowAny, maySee: MaySee = () => true) {
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const items = [];
      for (const name of names) {
        if (!name.endsWith('.autosave.json')) continue;
        const record = await readRecord(path.join(folder, name));
        if (!record || !maySee(record)) continue;
        const allowed = await allowedPath(record, allow);
        // A record whose file on disk already says the same holds no unsaved work: the save's clear lost a race
        // with a last autosave (say, the app was quit right after saving). Offering it would only confuse.
        if (allowed !== null && (await fileHolds(allowed, record.text))) {
          await inOrder(record.key, () => fs.rm(path.join(folder, name), { force: true }));
          continue;
        }
        items.push({
          key: record.key,
          path: allowed,
          name: record.name,
          savedAt: record.savedAt,
          tab: record.tab ?? Number.POSITIVE_INFINITY,
        });
      }
      // In the order of the tabs they were open in, so that "Restore all" brings them back as they were; records
      // that do not say (older versions) after them, the latest first.
      items.sort((a, b) => a.tab - b.tab || b.savedAt - a.savedAt);
      return { items: items.map(({ tab: _tab, ...item }) => item) };
    },
    async read(key: string, allow: AllowPath = allowAny, maySee: MaySee = () => true) {
      const record = await readRecord(fileFor(key));
      if (!record || !maySee(record))
        throw new UserFacingError('not-found', 'That recovered document is no longer available.');
      return {
        key: record.key,
        path: await allowedPath(record, allow),
        name: record.name,
        text: record.text,
        origin: record.origin,
      };
    },
  };
}

export type AutosaveStore = ReturnType<typeof createAutosaveStore>;

/** What the handlers use of the records: the whole store (web host) or one desktop window's view of it. */
export interface RecoveryRecords {
  write(entry: RecordEntry): Promise<{ savedAt: number }>;
  clear(key: string): ReturnType<AutosaveStore['clear']>;
  list(allow?: AllowPath): ReturnType<AutosaveStore['list']>;
  read(key: string, allow?: AllowPath): ReturnType<AutosaveStore['read']>;
}

async function allowedPath(record: AutosaveRecord, allow: AllowPath): Promise<string | null> {
  if (record.path === null) return null;
  return allow(record.path).catch(() => null);
}

/** Bounded and non-blocking: the named file may have become a FIFO, a device or something huge since. */
async function fileHolds(file: string, text: string): Promise<boolean> {
  const read = await readBounded(file, { maxBytes: Buffer.byteLength(text), timeoutMs: 5_000 });
  return read.ok && read.bytes.toString('utf8') === text;
}

async function readRecord(file: string): Promise<AutosaveRecord | null> {
  const read = await readBounded(file, { maxBytes: MAX_RECORD_BYTES, timeoutMs: 5_000 });
  if (!read.ok) return null;
  try {
    const parsed = JSON.parse(read.bytes.toString('utf8')) as Partial<AutosaveRecord>;
    if (typeof parsed.key !== 'string' || typeof parsed.text !== 'string') return null;
    return {
      key: parsed.key,
      path: typeof parsed.path === 'string' ? parsed.path : null,
      name: typeof parsed.name === 'string' ? parsed.name : 'Untitled',
      savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0,
      text: parsed.text,
      origin: parsed.origin === 'public' ? 'public' : 'local',
      owner: typeof parsed.owner === 'string' ? parsed.owner : null,
      ...(typeof parsed.tab === 'number' && Number.isInteger(parsed.tab) && parsed.tab >= 0
        ? { tab: parsed.tab }
        : {}),
    };
  } catch {
    // A half-written record cannot exist (writes are atomic); an unreadable one is skipped, not fatal.
    return null;
  }
}

function describeRecoveryError(code: string | undefined, name: string, folder: string): string {
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'Tessera may not write there'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'something that is not a folder is in its place'
          : `the system said ${code ?? 'no'}`;
  return `Autosave could not keep a recovery copy of ${name} in ${folder}: ${why}.`;
}
