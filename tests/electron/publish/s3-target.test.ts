/**
 * `tessera publish --s3`: to an S3-compatible server on 127.0.0.1 (a fake that verifies Signature Version 4).
 * JSON and images get their Content-Type, a republication uploads only what changed, wrong credentials and a
 * failing storage give a clear message and leave the previous publication serving.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/publish';
import type { CliIo } from '../../../electron/cli/cli-io';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { loadFixture } from '../../shared/validation/helpers';
import { startFakeS3, type FakeS3 } from './fake-s3';

const BASE = 'https://bucket.example/books/hours';
const KEYS = { accessKeyId: 'TESSERATEST', secretAccessKey: 'a-secret-the-server-knows' };
let root: string;
let s3: FakeS3;
let printed: string[];
const io: CliIo = {
  stdout: (text) => void printed.push(text),
  stderr: (text) => void printed.push(text),
  readFile: (name) => fs.readFile(name),
  writeFile: (name, text) => fs.writeFile(name, text),
};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-s3-'));
  s3 = await startFakeS3('site', KEYS);
});
afterAll(async () => {
  await s3?.close();
  await fs.rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  printed = [];
  process.env.AWS_ACCESS_KEY_ID = KEYS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = KEYS.secretAccessKey;
});
afterEach(() => {
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
});

async function publish(doc: JsonObject, prefix = 'books/hours'): Promise<number> {
  const input = path.join(root, 'book.json');
  await fs.writeFile(input, JSON.stringify(doc));
  return run([input, '--base', BASE, '--s3', `s3://site/${prefix}`, '--s3-endpoint', s3.endpoint], io);
}

const stored = (key: string) => JSON.parse(s3.objects.get(key)?.body.toString() ?? 'null') as JsonObject;

describe('publishing to S3-compatible storage', () => {
  it('uploads with Content-Type, only what changed, and keeps URIs', async () => {
    const book = loadFixture('valid-book');
    expect(await publish(book), printed.join('')).toBe(0);
    expect(s3.objects.get('books/hours/manifest.json')?.contentType).toBe('application/json');
    const first = stored('books/hours/manifest.json');
    expect(first.id).toBe(`${BASE}/manifest.json`);
    expect(printed.join('')).toMatch(/1 of 1 documents fetched back and parsed, (\d+) of \1 URIs resolve/);

    s3.log.length = 0;
    expect(await publish(book)).toBe(0);
    expect(s3.log.filter((l) => l.startsWith('PUT'))).toEqual([]);

    const reversed = { ...book, items: [...(book.items as JsonValue[])].reverse() };
    s3.log.length = 0;
    expect(await publish(reversed)).toBe(0);
    expect(s3.log.filter((l) => l.startsWith('PUT'))).toEqual([
      'PUT books/hours/manifest.json',
      'PUT books/hours/.tessera-record.json',
    ]);
    const ids = (doc: JsonObject) => (doc.items as JsonObject[]).map((c) => c.id);
    expect(ids(stored('books/hours/manifest.json'))).toEqual([...ids(first)].reverse());
  });

  it('refuses wrong credentials and a failing storage clearly, leaving the previous publication', async () => {
    const book = loadFixture('valid-book');
    expect(await publish(book, 'second')).toBe(0);
    const before = s3.objects.get('second/manifest.json')?.body.toString();

    process.env.AWS_SECRET_ACCESS_KEY = 'wrong';
    printed = [];
    expect(await publish({ ...book, label: { en: ['Changed'] } }, 'second')).toBe(1);
    expect(printed.join('')).toContain('The storage refused the credentials (SignatureDoesNotMatch)');
    expect(s3.objects.get('second/manifest.json')?.body.toString()).toBe(before);

    process.env.AWS_SECRET_ACCESS_KEY = KEYS.secretAccessKey;
    s3.log.length = 0;
    s3.failPutsMatching = /manifest\.json$/;
    printed = [];
    expect(await publish({ ...book, label: { en: ['Changed'] } }, 'second')).toBe(1);
    s3.failPutsMatching = undefined;
    expect(printed.join('')).toContain('The storage answered InternalError while uploading');
    expect(s3.objects.get('second/manifest.json')?.body.toString()).toBe(before);
    // The record still describes the publication that serves.
    expect(s3.log).not.toContain('PUT second/.tessera-record.json');
  });

  it('says so when the storage cannot be reached', async () => {
    const input = path.join(root, 'book.json');
    await fs.writeFile(input, JSON.stringify(loadFixture('valid-book')));
    const closed = await startFakeS3('site', KEYS);
    const endpoint = closed.endpoint;
    await closed.close();
    const code = await run([input, '--base', BASE, '--s3', 's3://site/x', '--s3-endpoint', endpoint], io);
    expect(code).toBe(1);
    expect(printed.join('')).toContain(`Could not reach the storage at ${endpoint}`);
  });
});
