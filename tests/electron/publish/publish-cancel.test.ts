/**
 * Progress and cancel: a publication reports n of m files and can be stopped until the moment it would replace
 * the previous one, which then keeps serving, byte for byte. S3 is cancelled in the middle of an upload (the
 * fake holds one PUT until released), Git just before its push, a folder while staging; and the job channels
 * (start, status, cancel) do the same over dispatch, as the Publish dialog does.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { gitTarget } from '../../../electron/services/publish/git-target';
import { publish, type ManifestToPublish } from '../../../electron/services/publish/publish';
import { s3Target } from '../../../electron/services/publish/s3-target';
import type { PublishProgress } from '../../../electron/services/publish/transfer-control';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import type { JsonObject } from '../../../shared/iiif/json';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Result } from '../../../shared/ipc/result';
import { loadFixture } from '../../shared/validation/helpers';
import { startFakeS3, type FakeS3 } from './fake-s3';

const exec = promisify(execFile);
const BASE = 'https://pub.example.com/hours';
const KEYS = { accessKeyId: 'TESSERATEST', secretAccessKey: 'the-secret-the-server-knows' };
let root: string;
let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3('site', KEYS);
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-cancel-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A level-0 tile folder with `count` tiles, different bytes per edition. */
async function tiles(name: string, edition: number, count = 3): Promise<string> {
  const dir = path.join(root, 'tiles', `${name}-${edition}`);
  await fs.mkdir(path.join(dir, 'full'), { recursive: true });
  await fs.writeFile(path.join(dir, 'info.json'), JSON.stringify({ id: 'x', type: 'ImageService3' }));
  for (let i = 0; i < count; i += 1)
    await fs.writeFile(path.join(dir, 'full', `${edition}-${i}.jpg`), Buffer.from([0xff, 0xd8, edition, i]));
  return dir;
}

async function edition(n: number): Promise<ManifestToPublish> {
  const doc = { ...loadFixture('valid-book'), label: { en: [`Edition ${n}`] } } as JsonObject;
  return { doc, tileFolders: [{ sourceDir: await tiles('leaf', n), destRelPath: 'images/leaf' }] };
}

const storedUnder = (prefix: string) =>
  new Map([...s3.objects].filter(([key]) => key.startsWith(prefix)).map(([k, o]) => [k, o.etag]));

describe('cancelling a publication', () => {
  it('stops an S3 upload midway, leaving the previous publication exactly as it was', async () => {
    const target = () =>
      s3Target({ endpoint: s3.endpoint, bucket: 'site', prefix: 'hours', credentials: KEYS });
    const first = await publish({ base: BASE, manifests: [await edition(1)], target: target() });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const before = storedUnder('hours/');
    expect([...before.keys()]).toContain('hours/images/leaf/full/1-0.jpg');

    // The second edition's second image upload is held; cancel while it is in flight.
    const held = s3.holdPut(/images\/leaf\/full\/2-1\.jpg$/);
    const abort = new AbortController();
    const progress: PublishProgress[] = [];
    const second = publish({
      base: BASE,
      manifests: [await edition(2)],
      target: target(),
      signal: abort.signal,
      onProgress: (p) => progress.push(p),
    });
    expect(await held.reached).toBe('hours/images/leaf/full/2-1.jpg');
    abort.abort();
    held.release();
    const outcome = await second;
    expect(outcome.ok === false && outcome.error).toEqual({
      code: 'cancelled',
      message: 'Publishing was cancelled; the previous publication is unchanged.',
    });
    // Same objects, same bytes: the new image already uploaded was taken away again, nothing else changed.
    expect(storedUnder('hours/')).toEqual(before);
    const uploading = progress.filter((p) => p.phase === 'uploading');
    expect(uploading.length).toBeGreaterThan(0);
    expect(uploading.every((p) => p.total === uploading[0]?.total && p.done <= p.total)).toBe(true);
    expect(progress.some((p) => p.phase === 'staging')).toBe(true);
  });

  it('stops a Git publication before its push, leaving the branch where it was', async () => {
    const bare = path.join(root, 'pages.git');
    const clone = path.join(root, 'clone');
    await exec('git', ['init', '--quiet', '--bare', bare]);
    await exec('git', ['clone', '--quiet', bare, clone]);
    const first = await publish({
      base: BASE,
      manifests: [await edition(1)],
      target: gitTarget({ repo: clone }),
    });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const head = async () => (await exec('git', ['rev-parse', 'gh-pages'], { cwd: bare })).stdout.trim();
    const before = await head();

    const abort = new AbortController();
    const outcome = await publish({
      base: BASE,
      manifests: [await edition(2)],
      target: gitTarget({ repo: clone }),
      signal: abort.signal,
      // Cancelled the moment the push is about to start.
      onProgress: (p) => (p.phase === 'pushing' ? abort.abort() : undefined),
    });
    expect(outcome.ok === false && outcome.error.code).toBe('cancelled');
    expect(await head()).toBe(before);
    expect((await exec('git', ['rev-parse', 'gh-pages'], { cwd: clone })).stdout.trim()).toBe(before);
  });

  it('stops a folder publication while staging, leaving the folder as it was', async () => {
    const out = path.join(root, 'site');
    expect((await publish({ base: BASE, manifests: [await edition(1)], outDir: out })).ok).toBe(true);
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    const abort = new AbortController();
    const outcome = await publish({
      base: BASE,
      manifests: [await edition(2)],
      outDir: out,
      signal: abort.signal,
      onProgress: (p) => (p.phase === 'staging' && p.done === 2 ? abort.abort() : undefined),
    });
    expect(outcome.ok === false && outcome.error.code).toBe('cancelled');
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    // No staging folder is left beside it.
    expect((await fs.readdir(root)).filter((name) => name.includes('publishing'))).toEqual([]);
  });
});

describe('the publication job channels', () => {
  it('start answers at once; status shows progress; cancel ends it as cancelled, writing nothing', async () => {
    const workspace = path.join(root, 'workspace');
    await fs.mkdir(workspace);
    const handlers = createHandlers({
      shell: 'web',
      version: '0.0.0-test',
      policy: await createWorkspacePolicy(workspace),
      dialogs: {},
      recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
      autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
    });
    type Job = { state: string; progress: PublishProgress | null; error?: { message: string } };
    const call = async <T>(channel: string, body: object) => {
      const result = (await dispatch(handlers, channel, body)) as Result<T>;
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const request = {
      doc: loadFixture('valid-book'),
      base: BASE,
      target: { kind: 's3', endpoint: s3.endpoint, bucket: 'site', prefix: 'jobs', ...KEYS },
    };
    // A first publication into an empty prefix uploads its marker before the documents: hold that upload.
    const held = s3.holdPut(/^jobs\/\.tessera-publication$/);
    const { jobId } = await call<{ jobId: string }>('startPublication', request);
    await held.reached;
    const running = await call<Job>('publicationJob', { jobId });
    expect(running.state).toBe('running');
    expect(running.progress).toMatchObject({ phase: 'uploading', done: 0 });
    await call<Job>('cancelPublication', { jobId });
    held.release();
    await expect.poll(async () => (await call<Job>('publicationJob', { jobId })).state).toBe('cancelled');
    expect(storedUnder('jobs/').size).toBe(0);

    // Started again and left alone, it finishes with the answer publishDocument gives.
    const again = await call<{ jobId: string }>('startPublication', request);
    await expect.poll(async () => (await call<Job>('publicationJob', again)).state).toBe('done');
    const done = await call<Job & { result: { check: { resolved: number; uris: number } } }>(
      'publicationJob',
      again,
    );
    expect(done.result.check.resolved).toBe(done.result.check.uris);
  });
});
