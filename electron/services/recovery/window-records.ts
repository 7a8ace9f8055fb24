/**
 * Recovery records when several desktop windows share one records folder (issue 17). Each window's page
 * autosaves its own documents; after a crash every record must be offered once, to one window, and while a
 * window runs its records must be neither offered to another window nor taken by it.
 *
 * So each record carries its writer (the window's owner token, random per window and per run: a previous run's
 * tokens are never alive again, as webContents ids would be), and a window sees a record only when
 *  - it wrote it (its page reloaded), or was offered it already; or
 *  - nobody alive holds it: neither its writer nor a window it was offered to is open. That is every record of
 *    a run that crashed, and of a window that closed while its offer was left for later ("Not now").
 * Listing offers what a window sees to that window (a claim, in memory: it matters only while both run).
 * A window that closes has decided about its own work (saved it, or "Don't Save"): its records are cleared,
 * and what it was offered but did not restore becomes free for the next window to offer.
 */
import type { AllowPath, AutosaveStore, RecordHolder, RecoveryRecords } from './autosave-store';

export interface WindowRecords {
  /** The records as `owner`'s window reaches them through the handlers. */
  forWindow(owner: string): RecoveryRecords;
  /** `owner`'s window closed: clears what it wrote (after writes under way) and frees what it was offered. */
  windowClosed(owner: string): Promise<void>;
}

export function createWindowRecords(store: AutosaveStore, isOpen: (owner: string) => boolean): WindowRecords {
  /** Record key → the window it was offered to. */
  const offeredTo = new Map<string, string>();
  /** Window → the keys its page wrote in this run, so that closing clears even a first write still in flight. */
  const written = new Map<string, Set<string>>();

  const maySee = (owner: string) => (record: RecordHolder) => {
    if (record.owner === owner) return true;
    const offered = offeredTo.get(record.key);
    if (offered === owner) return true;
    if (offered !== undefined && isOpen(offered)) return false;
    return record.owner === null || !isOpen(record.owner);
  };

  return {
    forWindow(owner) {
      return {
        write(entry) {
          const keys = written.get(owner) ?? new Set<string>();
          keys.add(entry.key);
          written.set(owner, keys);
          return store.write({ ...entry, owner });
        },
        clear(key) {
          offeredTo.delete(key);
          return store.clear(key);
        },
        async list(allow?: AllowPath) {
          const listed = await store.list(allow, maySee(owner));
          for (const item of listed.items) offeredTo.set(item.key, owner);
          return listed;
        },
        read: (key, allow?: AllowPath) => store.read(key, allow, maySee(owner)),
      };
    },
    async windowClosed(owner) {
      for (const [key, offered] of offeredTo) if (offered === owner) offeredTo.delete(key);
      const keys = written.get(owner) ?? new Set<string>();
      written.delete(owner);
      await Promise.all([...keys].map((key) => store.clear(key)));
    },
  };
}
