/** Audio and video for time-based canvases: files stored with local images, addresses probed before adding. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  discardLocalMedia,
  importLocalMedia,
  isLocalMediaFolder,
  probeMedia,
} from '../../../electron/services/sources/local-media';
import { serveLocalImage } from '../../../electron/services/sources/local-images';
import { wavBytes } from '../../fixtures/media';
import { cleanups, plainServer, remoteService, tempDir } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

const ORIGIN = 'http://127.0.0.1:5199';

describe('importLocalMedia', () => {
  it('stores a WAV in its own folder and serves it as audio/wav', async () => {
    const dir = await tempDir(cleanup);
    const bytes = wavBytes(1);
    const stored = await importLocalMedia({ dir, name: 'Interview 1.wav', bytes, origin: ORIGIN });
    expect(stored).toEqual({
      url: `${ORIGIN}/local-images/interview-1/interview-1.wav`,
      container: 'wav',
    });
    expect(isLocalMediaFolder(path.join(dir, 'interview-1'))).toBe(true);
    const served = await serveLocalImage(dir, new URL(stored.url).pathname, ORIGIN);
    expect(served.status).toBe(200);
    expect(served.headers['Content-Type']).toBe('audio/wav');
    expect(Buffer.compare(served.body as Buffer, bytes)).toBe(0);

    const again = await importLocalMedia({ dir, name: 'Interview 1.wav', bytes, origin: ORIGIN });
    expect(again.url).toBe(`${ORIGIN}/local-images/interview-1-2/interview-1-2.wav`);
  });

  it('refuses a file that is not media, and stores nothing', async () => {
    const dir = await tempDir(cleanup);
    await expect(
      importLocalMedia({ dir, name: 'notes.wav', bytes: Buffer.from('<html>hi</html>'), origin: ORIGIN }),
    ).rejects.toThrow(/"notes.wav" is not audio or video/);
    await expect(
      importLocalMedia({ dir, name: 'empty.wav', bytes: Buffer.alloc(0), origin: ORIGIN }),
    ).rejects.toThrow(/empty/);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });
});

describe('probeMedia', () => {
  it('reads the container from the first bytes, however large the file', async () => {
    const server = await plainServer(cleanup, {
      '/tone.wav': { type: 'application/octet-stream', body: wavBytes(30) },
      '/page': { type: 'text/html; charset=utf-8', body: '<!doctype html><p>Player</p>' },
      '/data.bin': { type: 'application/octet-stream', body: Buffer.alloc(500, 7) },
    });
    // The cap is far below the file (480 KB): a probe that downloaded it all would fail as too large.
    const remote = await remoteService(cleanup, { maxImageBytes: 1024, maxJsonBytes: 1024 });
    expect(await probeMedia(remote, server.url('/tone.wav'))).toEqual({
      finalUrl: server.url('/tone.wav'),
      container: 'wav',
    });
    await expect(probeMedia(remote, server.url('/page'))).rejects.toThrow(
      /is a web page, not audio or video/,
    );
    await expect(probeMedia(remote, server.url('/data.bin'))).rejects.toThrow(/not audio or video/);
    await expect(probeMedia(remote, server.url('/missing.wav'))).rejects.toMatchObject({
      code: 'http',
      status: 404,
    });
  });

  it('keeps a document from the internet away from private addresses', async () => {
    const server = await plainServer(cleanup, {
      '/tone.wav': { type: 'audio/wav', body: wavBytes(1) },
    });
    const remote = await remoteService(cleanup);
    await expect(probeMedia(remote, server.url('/tone.wav'), 'public')).rejects.toMatchObject({
      code: 'private-network',
    });
  });
});

describe('discardLocalMedia', () => {
  it('removes a stored media folder, and nothing else', async () => {
    const dir = await tempDir(cleanup);
    const stored = await importLocalMedia({ dir, name: 'a.wav', bytes: wavBytes(1), origin: ORIGIN });
    await mkdir(path.join(dir, 'leaf'), { recursive: true });
    await writeFile(path.join(dir, 'leaf', 'info.json'), '{}');
    expect(
      await discardLocalMedia({ dir, url: `${ORIGIN}/local-images/leaf/info.json`, origin: ORIGIN }),
    ).toBe(false);
    expect(await discardLocalMedia({ dir, url: `${ORIGIN}/local-images/../a/a.wav`, origin: ORIGIN })).toBe(
      false,
    );
    expect(
      await discardLocalMedia({ dir, url: 'http://elsewhere/local-images/a/a.wav', origin: ORIGIN }),
    ).toBe(false);
    expect(await discardLocalMedia({ dir, url: stored.url, origin: ORIGIN })).toBe(true);
    expect(await readdir(dir)).toEqual(['leaf']);
  });
});
