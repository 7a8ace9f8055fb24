/**
 * A small S3-compatible server for tests, on 127.0.0.1: path-style PUT, GET, DELETE of objects and
 * ListObjectsV2, in memory. Like S3 it refuses any request whose Signature Version 4 does not verify (it signs
 * the request again with the secret it knows, using aws4, and compares), and an ETag is the MD5 of the bytes.
 * This is a stand-in for an external service, so the test talks to it over real HTTP.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import aws4 from 'aws4';

export interface StoredObject {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

export interface FakeS3 {
  readonly endpoint: string;
  readonly objects: Map<string, StoredObject>;
  /** Every request as "METHOD key". */
  readonly log: string[];
  /** Makes the next requests to keys matching fail with 500 (a storage failing mid-publication). */
  failPutsMatching: RegExp | undefined;
  /**
   * Delays the next PUT whose key matches until released (a slow upload, without timing): `reached` tells
   * which key is being held. A PUT whose client went away while held is not stored, as S3 would not.
   */
  holdPut(matching: RegExp): { reached: Promise<string>; release(): void };
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FakeS3Options {
  /** Objects can be read without signing, as a bucket published as a website is (with CORS for viewers). */
  readonly publicRead?: boolean;
}

export async function startFakeS3(
  bucket: string,
  keys: { accessKeyId: string; secretAccessKey: string },
  options: FakeS3Options = {},
) {
  const objects = new Map<string, StoredObject>();
  const log: string[] = [];
  const state = { failPutsMatching: undefined as RegExp | undefined };
  let held: { matching: RegExp; reached(key: string): void; released: Promise<void> } | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void answer());
    const answer = async () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const error = (status: number, code: string) =>
        res
          .writeHead(status, { 'content-type': 'application/xml' })
          .end(`<Error><Code>${code}</Code></Error>`);
      const auth = req.headers.authorization ?? '';
      if (options.publicRead === true && auth === '' && req.method === 'GET') {
        const [, name, ...rest] = url.pathname.split('/');
        const found = objects.get(rest.map(decodeURIComponent).join('/'));
        if (decodeURIComponent(name ?? '') !== bucket || !found) return void error(404, 'NoSuchKey');
        res
          .writeHead(200, { 'content-type': found.contentType, 'access-control-allow-origin': '*' })
          .end(found.body);
        return;
      }
      const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
      const headers: Record<string, string> = {};
      for (const name of signed) headers[name] = String(req.headers[name] ?? '');
      const again = aws4.sign(
        {
          host: req.headers.host,
          method: req.method,
          path: req.url,
          service: 's3',
          region: 'us-east-1',
          headers,
        },
        keys,
      );
      if (!auth.includes(`Credential=${keys.accessKeyId}/`)) return void error(403, 'InvalidAccessKeyId');
      if ((again.headers as Record<string, string>).Authorization !== auth)
        return void error(403, 'SignatureDoesNotMatch');
      const [, name, ...rest] = url.pathname.split('/');
      if (decodeURIComponent(name ?? '') !== bucket) return void error(404, 'NoSuchBucket');
      const key = rest.map(decodeURIComponent).join('/');
      log.push(`${req.method} ${key}`);
      if (req.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const contents = [...objects]
          .filter(([k]) => k.startsWith(prefix))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(
            ([k, o]) => `<Contents><Key>${escapeXml(k)}</Key><ETag>&quot;${o.etag}&quot;</ETag></Contents>`,
          );
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`<ListBucketResult><IsTruncated>false</IsTruncated>${contents.join('')}</ListBucketResult>`);
        return;
      }
      if (req.method === 'PUT') {
        if (state.failPutsMatching?.test(key)) return void error(500, 'InternalError');
        const hold = held;
        if (hold?.matching.test(key)) {
          held = undefined;
          hold.reached(key);
          await hold.released;
          if (res.destroyed || req.socket.destroyed) return;
        }
        const etag = createHash('md5').update(body).digest('hex');
        objects.set(key, { body, contentType: String(req.headers['content-type'] ?? ''), etag });
        res.writeHead(200, { etag: `"${etag}"` }).end();
        return;
      }
      const found = objects.get(key);
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'GET' && found) {
        res.writeHead(200, { 'content-type': found.contentType, etag: `"${found.etag}"` }).end(found.body);
        return;
      }
      error(404, 'NoSuchKey');
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeS3 = {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    get failPutsMatching() {
      return state.failPutsMatching;
    },
    set failPutsMatching(value) {
      state.failPutsMatching = value;
    },
    holdPut(matching) {
      let reached: (key: string) => void = () => undefined;
      let release: () => void = () => undefined;
      const wait = new Promise<string>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held = { matching, reached, released };
      return { reached: wait, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
