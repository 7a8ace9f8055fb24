/**
 * The offline cache for info.json, manifests and thumbnails, in a folder the app gives us (its data folder).
 * Each entry is two files named by the SHA-256 of the URL: `<hash>.body` (the bytes) and `<hash>.meta.json`
 * (URL, validators, size). The body is written first and the meta last, each via temp file + rename, so a
 * crash leaves either a complete entry or an orphan body that the next scan deletes. Sizes are checked on
 * read, so a truncated file is never served.
 *
 * Bounded by total bytes with least-recently-used eviction. "Last used" is the body file's mtime, bumped on
 * every hit with utimes, so the LRU order survives restarts without rewriting metadata on each read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface CacheMeta {
  readonly url: string;
  readonly kind: 'json' | 'bytes';
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the entry was last confirmed by the server (200 or 304), ms since epoch. */
  readonly storedAt: number;
  readonly size: number;
}

export interface CacheEntry {
  readonly meta: CacheMeta;
  readonly body: Buffer;
}

export interface DiskCache {
  get(url: string): Promise<CacheEntry | undefined>;
  put(meta: Omit<CacheMeta, 'size'>, body: Buffer): Promise<void>;
  /** Records a 304: the cached body is still current. */
  confirm(url: string): Promise<void>;
  totalBytes(): Promise<number>;
  /** URLs from least to most recently used. */
  urls(): Promise<string[]>;
}

interface IndexEntry {
  url: string;
  size: number;
  lastUsed: number;
}

export function createDiskCache(options: { dir: string; maxBytes: number; now?: () => number }): DiskCache {
  const { dir, maxBytes } = options;
  const now = options.now ?? Date.now;
  let index: Promise<Map<string, IndexEntry>> | undefined;
  // Serialises index mutations (puts and evictions) so two concurrent puts cannot both miss an eviction.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const keyOf = (url: string) => createHash('sha256').update(url).digest('hex');
  const bodyPath = (key: string) => path.join(dir, `${key}.body`);
  const metaPath = (key: string) => path.join(dir, `${key}.meta.json`);

  const loadIndex = () => {
    index ??= scan();
    return index;
  };

  async function scan(): Promise<Map<string, IndexEntry>> {
    await fs.mkdir(dir, { recursive: true });
    const map = new Map<string, IndexEntry>();
    const names = await fs.readdir(dir);
    for (const name of names) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await fs.rm(path.join(dir, name), { force: true }); // left over from a crash mid-write
        continue;
      }
      if (!name.endsWith('.meta.json')) continue;
      const key = name.slice(0, -'.meta.json'.length);
      const meta = await readMeta(key);
      const stat = await fs.stat(bodyPath(key)).catch(() => null);
      if (!meta || !stat || stat.size !== meta.size) {
        await removeFiles(key);
        continue;
      }
      map.set(key, { url: meta.url, size: meta.size, lastUsed: stat.mtimeMs });
    }
    for (const name of names) {
      if (!name.endsWith('.body')) continue;
      const key = name.slice(0, -'.body'.length);
      if (!map.has(key)) await fs.rm(path.join(dir, name), { force: true }); // orphan: meta never written
    }
    return map;
  }

  async function readMeta(key: string): Promise<CacheMeta | undefined> {
    try {
      const meta = JSON.parse(await fs.readFile(metaPath(key), 'utf8')) as CacheMeta;
      return typeof meta.url === 'string' && typeof meta.size === 'number' ? meta : undefined;
    } catch {
      return undefined;
    }
  }

  async function removeFiles(key: string): Promise<void> {
    await fs.rm(metaPath(key), { force: true });
    await fs.rm(bodyPath(key), { force: true });
  }

  async function writeAtomic(target: string, data: string | Buffer): Promise<void> {
    // No fsync: this is a cache. Rename still guarantees readers never see half a file, and sizes are
    // verified on read, so a power cut costs at most a re-download.
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.writeFile(temp, data);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async function evict(map: Map<string, IndexEntry>, keep: string): Promise<void> {
    let total = 0;
    for (const entry of map.values()) total += entry.size;
    if (total <= maxBytes) return;
    const byAge = [...map.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of byAge) {
      if (total <= maxBytes) break;
      if (key === keep) continue;
      map.delete(key);
      total -= entry.size;
      await removeFiles(key);
    }
  }

  async function touch(key: string, entry: IndexEntry): Promise<void> {
    // Strictly increasing, so two hits within one clock tick still order correctly.
    entry.lastUsed = Math.max(now(), entry.lastUsed + 1);
    const when = new Date(entry.lastUsed);
    await fs.utimes(bodyPath(key), when, when).catch(() => undefined);
  }

  return {
    async get(url) {
      const map = await loadIndex();
      const key = keyOf(url);
      const entry = map.get(key);
      if (!entry) return undefined;
      const meta = await readMeta(key);
      const body = await fs.readFile(bodyPath(key)).catch(() => null);
      if (!meta || !body || body.length !== meta.size || meta.url !== url) {
        await serial(async () => {
          map.delete(key);
          await removeFiles(key);
        });
        return undefined;
      }
      await touch(key, entry);
      return { meta, body };
    },

    put(partial, body) {
      return serial(async () => {
        const map = await loadIndex();
        if (body.length > maxBytes) return; // would evict everything and still not fit
        const key = keyOf(partial.url);
        const meta: CacheMeta = { ...partial, size: body.length };
        await writeAtomic(bodyPath(key), body);
        await writeAtomic(metaPath(key), JSON.stringify(meta));
        const entry = { url: partial.url, size: body.length, lastUsed: 0 };
        map.set(key, entry);
        await touch(key, entry);
        await evict(map, key);
      });
    },

    confirm(url) {
      return serial(async () => {
        const map = await loadIndex();
        const key = keyOf(url);
        const meta = await readMeta(key);
        if (!meta || !map.has(key)) return;
        await writeAtomic(metaPath(key), JSON.stringify({ ...meta, storedAt: now() }));
      });
    },

    async totalBytes() {
      const map = await loadIndex();
      let total = 0;
      for (const entry of map.values()) total += entry.size;
      return total;
    },

    async urls() {
      const map = await loadIndex();
      return [...map.values()].sort((a, b) => a.lastUsed - b.lastUsed).map((entry) => entry.url);
    },
  };
}
