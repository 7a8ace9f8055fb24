/**
 * The reviewPublication and publishDocument channels with a target other than a folder, as the Publish dialog
 * sends them (through dispatch, with the web host's workspace policy): a branch of a Git clone pushed to a bare
 * repository, and S3 storage (the fake on 127.0.0.1). The review goes through the same target, the answer
 * carries the fetch-back check, and Presentation 2.1 lists what it cannot say in the review and the answer.
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
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import type { JsonObject } from '../../../shared/iiif/json';
import type { Handlers } from '../../../shared/ipc/dispatch';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Result } from '../../../shared/ipc/result';
import { loadFixture } from '../../shared/validation/helpers';
import { startFakeS3, type FakeS3 } from './fake-s3';

const exec = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();
const BASE = 'https://pub.example.com/shelf';
const KEYS = { accessKeyId: 'TESSERATEST', secretAccessKey: 'the-secret-the-server-knows' };

let root: string;
let workspace: string;
let handlers: Handlers;
let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3('site', KEYS);
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-targets-'));
  workspace = path.join(root, 'workspace');
  await fs.mkdir(workspace);
  handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'data', 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'data', 'autosave')),
  });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

type Answer = Record<string, unknown> & {
  check?: { resolved: number; uris: number; parsed: number; documents: number };
  lost?: string[];
};

async function call(channel: 'reviewPublication' | 'publishDocument', request: object) {
  return (await dispatch(handlers, channel, request)) as Result<Answer>;
}

function value(result: Result<Answer>): Answer {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const book = { doc: loadFixture('valid-book'), base: BASE, name: 'book.json' };

describe('publishing to a Git repository through the channels', () => {
  it('reviews against the branch, commits and pushes with the author given, and reports the check', async () => {
    const bare = path.join(root, 'pages.git');
    await git(root, 'init', '--quiet', '--bare', bare);
    await git(root, 'clone', '--quiet', bare, path.join(workspace, 'clone'));
    const target = {
      kind: 'git',
      repo: 'clone',
      message: 'From the dialog',
      authorName: 'Ada Curator',
      authorEmail: 'ada@museum.example',
    };
    const review = value(await call('reviewPublication', { ...book, target }));
    expect(review.firstPublication).toBe(true);
    expect(review.where).toContain('gh-pages');

    const published = value(await call('publishDocument', { ...book, target }));
    expect(published.check).toMatchObject({ documents: 1, parsed: 1 });
    expect(published.check?.uris).toBeGreaterThan(1);
    expect(published.check?.resolved).toBe(published.check?.uris);
    expect(await git(bare, 'log', '-1', '--format=%an|%ae|%s', 'gh-pages')).toBe(
      'Ada Curator|ada@museum.example|From the dialog',
    );
    const pushed = JSON.parse(await git(bare, 'show', 'gh-pages:manifest.json')) as JsonObject;
    expect(pushed.id).toBe(`${BASE}/manifest.json`);

    // The second review reads the last publication from the branch.
    const again = value(await call('reviewPublication', { ...book, target }));
    expect(again).toMatchObject({ firstPublication: false, identical: true });
  });

  it('refuses a clone outside the workspace and half an author', async () => {
    const outside = await call('publishDocument', { ...book, target: { kind: 'git', repo: root } });
    expect(outside.ok).toBe(false);
    const half = await call('publishDocument', {
      ...book,
      target: { kind: 'git', repo: 'clone', authorName: 'Ada' },
    });
    expect(half.ok === false && half.error.message).toMatch(/both a name and an e-mail/);
  });
});

describe('publishing to S3 storage through the channels', () => {
  const target = (prefix: string, secretAccessKey?: string) => ({
    kind: 's3',
    endpoint: s3.endpoint,
    bucket: 'site',
    prefix,
    accessKeyId: KEYS.accessKeyId,
    ...(secretAccessKey !== undefined ? { secretAccessKey } : {}),
  });

  it('publishes as Presentation 2.1, listing what it cannot say, and checks it from the storage', async () => {
    const request = { ...book, presentation2: true, target: target('books/one', KEYS.secretAccessKey) };
    const review = value(await call('reviewPublication', request));
    expect(review.where).toBe('s3://site/books/one');
    expect(review.lost?.length).toBeGreaterThan(0);
    const published = value(await call('publishDocument', request));
    expect(published.lost).toEqual(review.lost);
    // Presentation 2.1 has no painting annotation pages: their URIs are not written, so not expected back.
    expect(published.check).toMatchObject({ documents: 1, parsed: 1 });
    expect(published.check?.uris).toBeGreaterThan(1);
    expect(published.check?.resolved).toBe(published.check?.uris);
    const stored = JSON.parse(
      s3.objects.get('books/one/manifest.json')?.body.toString() ?? '{}',
    ) as JsonObject;
    expect(stored['@context']).toBe('http://iiif.io/api/presentation/2/context.json');
    expect(stored['@id']).toBe(`${BASE}/manifest.json`);
  });

  it('says a secret is needed, and refuses a wrong one leaving the previous publication', async () => {
    const first = await call('publishDocument', {
      ...book,
      target: target('books/two', KEYS.secretAccessKey),
    });
    expect(value(first)).toMatchObject({ manifestCount: 1 });
    const before = s3.objects.get('books/two/manifest.json')?.body.toString();
    for (const endpoint of ['ftp://127.0.0.1/', 'not a url']) {
      const odd = await call('reviewPublication', {
        ...book,
        target: { ...target('books/two', KEYS.secretAccessKey), endpoint },
      });
      expect(odd.ok === false && odd.error.message).toMatch(/endpoint must be an http\(s\) address/);
    }
    const none = await call('publishDocument', { ...book, target: target('books/two') });
    expect(none.ok === false && none.error.message).toMatch(/secret access key/);
    const changed = { ...book, doc: { ...book.doc, label: { en: ['Changed'] } } };
    const wrong = await call('publishDocument', { ...changed, target: target('books/two', 'not-it') });
    expect(wrong.ok === false && wrong.error.message).toMatch(/refused the credentials/);
    expect(s3.objects.get('books/two/manifest.json')?.body.toString()).toBe(before);
  });
});
