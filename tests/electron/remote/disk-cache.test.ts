import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskCache } from '../../../electron/services/remote/disk-cache';

let dir: string;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-cache-'));
  clock = Date.parse('2030-01-01T00:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const put = (cache: ReturnType<typeof createDiskCache>, url: string, size: number, extra = {}) => {
  clock += 1000;
  return cache.put({ url, kind: 'bytes', storedAt: clock, ...extra }, Buffer.alloc(size, url.length));
};

describe('disk cache', () => {
  it('stores and returns bodies with their validators', async () => {
    const cache = createDiskCache({ dir, maxBytes: 10_000, now });
    await put(cache, 'https://a.org/1', 100, {
      etag: '"x"',
      lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT',
      contentType: 'image/jpeg',
    });
    const entry = await cache.get('https://a.org/1');
    expect(entry?.body.length).toBe(100);
    expect(entry?.meta).toMatchObject({ etag: '"x"', contentType: 'image/jpeg', size: 100 });
    expect(await cache.get('https://a.org/2')).toBeUndefined();
  });

  it('evicts the least recently used entries to stay within its size', async () => {
    const cache = createDiskCache({ dir, maxBytes: 250, now });
    await put(cache, 'https://a.org/a', 100);
    await put(cache, 'https://a.org/b', 100);
    clock += 1000;
    await cache.get('https://a.org/a'); // a is now more recent than b
    await put(cache, 'https://a.org/c', 100);
    expect(await cache.urls()).toEqual(['https://a.org/a', 'https://a.org/c']);
    expect(await cache.totalBytes()).toBe(200);
    expect(await cache.get('https://a.org/b')).toBeUndefined();
  });

  it('never stores an entry larger than the whole cache, and keeps the others', async () => {
    const cache = createDiskCache({ dir, maxBytes: 250, now });
    await put(cache, 'https://a.org/small', 100);
    await put(cache, 'https://a.org/huge', 300);
    expect(await cache.urls()).toEqual(['https://a.org/small']);
  });

  it('keeps the LRU order across restarts', async () => {
    const first = createDiskCache({ dir, maxBytes: 1000, now });
    await put(first, 'https://a.org/a', 10);
    await put(first, 'https://a.org/b', 10);
    clock += 1000;
    await first.get('https://a.org/a');
    const second = createDiskCache({ dir, maxBytes: 1000, now });
    expect(await second.urls()).toEqual(['https://a.org/b', 'https://a.org/a']);
  });

  it('discards a truncated body instead of serving it', async () => {
    const cache = createDiskCache({ dir, maxBytes: 1000, now });
    await put(cache, 'https://a.org/a', 100);
    const body = (await readdir(dir)).find((name) => name.endsWith('.body'));
    await truncate(path.join(dir, body ?? 'missing'), 10);
    expect(await cache.get('https://a.org/a')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up crash leftovers on start: temp files and bodies without metadata', async () => {
    await writeFile(path.join(dir, '.abc.body.123.tmp'), 'half');
    await writeFile(path.join(dir, 'deadbeef.body'), 'orphan');
    const cache = createDiskCache({ dir, maxBytes: 1000, now });
    expect(await cache.totalBytes()).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves no temporary files after writes', async () => {
    const cache = createDiskCache({ dir, maxBytes: 1000, now });
    await Promise.all([
      put(cache, 'https://a.org/1', 10),
      put(cache, 'https://a.org/2', 10),
      put(cache, 'https://a.org/1', 20),
    ]);
    const names = await readdir(dir);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(names.length).toBe(4);
  });
});
