/**
 * S3-compatible object storage as a target (AWS S3, MinIO, Ceph, R2), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), every request signed with AWS Signature Version 4 by `aws4`. Only objects whose
 * bytes changed are uploaded (an object's ETag is the MD5 of what a single PUT stored), with the Content-Type
 * viewers need. Storage has no atomic switch, so the order stands in for one: new images and other files first,
 * the documents that point at them last, and objects of the previous publication that are no longer part of it
 * are deleted only after that; a failure before the documents leaves the previous publication serving.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import aws4 from 'aws4';
import { RECORD_FILE } from '../../../shared/iiif/publish/publication-record';
import { UserFacingError } from '../../../shared/ipc/result';
import { checkPublished } from './check-published';
import type { PublishedFiles } from './last-publication';
import { PUBLICATION_MARKER } from './replace-folder';
import type { PublicationTarget } from './target';
import { cancelledError, throwIfCancelled } from './transfer-control';

export interface S3TargetOptions {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000 */
  readonly endpoint: string;
  readonly bucket: string;
  /** Folder inside the bucket ("" for its root). */
  readonly prefix?: string;
  readonly region?: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

interface Response {
  readonly status: number;
  readonly body: Buffer;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const DOCUMENTS = /(^|\/)(manifest\.json|collection\.json|\.tessera-record\.json)$/;

export function s3Target(options: S3TargetOptions): PublicationTarget {
  const endpoint = new URL(options.endpoint);
  const region = options.region ?? 'us-east-1';
  const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const keyOf = (file: string) => (prefix ? `${prefix}/${file}` : file);
  const where = `s3://${options.bucket}/${prefix}`;
  let existing = new Map<string, string>();

  const send = (
    method: string,
    key: string,
    query = '',
    body?: Buffer,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) => {
    if (signal?.aborted === true) return Promise.reject(cancelledError());
    const encoded = key
      .split('/')
      .map((part) => encodeURIComponent(part))
      .join('/');
    const request = aws4.sign(
      {
        host: endpoint.host,
        protocol: endpoint.protocol,
        method,
        path: `/${encodeURIComponent(options.bucket)}${key ? `/${encoded}` : ''}${query ? `?${query}` : ''}`,
        service: 's3',
        region,
        headers,
        ...(body ? { body } : {}),
      },
      options.credentials,
    );
    const transport = endpoint.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const req = transport.request(
        {
          hostname: endpoint.hostname,
          port: endpoint.port || undefined,
          method,
          path: request.path,
          headers: request.headers as http.OutgoingHttpHeaders,
          timeout: 30_000,
          ...(signal ? { signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('the storage did not answer in 30 s')));
      req.on('error', (error) =>
        reject(
          signal?.aborted === true
            ? cancelledError()
            : new UserFacingError(
                'storage-unreachable',
                `Could not reach the storage at ${endpoint.origin}: ${error.message}`,
              ),
        ),
      );
      req.end(body);
    });
  };

  const fail = (response: Response, what: string): never => {
    const code = /<Code>([^<]+)<\/Code>/.exec(response.body.toString())?.[1] ?? `HTTP ${response.status}`;
    if (
      ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied'].includes(code) ||
      response.status === 403
    )
      throw new UserFacingError(
        'storage-refused',
        `The storage refused the credentials (${code}) while ${what}; nothing was changed.`,
      );
    throw new UserFacingError('storage-failed', `The storage answered ${code} while ${what}.`);
  };

  const list = async (signal?: AbortSignal): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    let token: string | undefined;
    do {
      const query = [
        'list-type=2',
        ...(token ? [`continuation-token=${encodeURIComponent(token)}`] : []),
        `prefix=${encodeURIComponent(prefix ? `${prefix}/` : '')}`,
      ].join('&');
      const response = await send('GET', '', query, undefined, {}, signal);
      if (response.status === 404) return found;
      if (response.status !== 200) fail(response, `listing ${where}`);
      const xml = response.body.toString();
      for (const [, entry] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = unescapeXml(/<Key>([\s\S]*?)<\/Key>/.exec(entry ?? '')?.[1] ?? '');
        const etag = unescapeXml(/<ETag>([\s\S]*?)<\/ETag>/.exec(entry ?? '')?.[1] ?? '').replace(/"/g, '');
        if (key) found.set(key, etag);
      }
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? unescapeXml(/<NextContinuationToken>([\s\S]*?)<\/NextContinuationToken>/.exec(xml)?.[1] ?? '')
        : undefined;
    } while (token);
    return found;
  };

  const files: PublishedFiles = {
    read: async (file) => {
      const response = await send('GET', keyOf(file));
      if (response.status === 404) return undefined;
      if (response.status !== 200) fail(response, `reading ${file}`);
      return response.body.toString('utf8');
    },
  };

  return {
    where,
    open: async (control) => {
      existing = await list(control?.signal);
      const ours = existing.has(keyOf(PUBLICATION_MARKER));
      if (existing.size > 0 && !ours)
        throw new UserFacingError(
          'out-not-publication',
          `${where} holds objects that are not an earlier publication by Tessera; choose an empty prefix.`,
        );
      return files;
    },
    switchTo: async (stage, control) => {
      const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-s3-'));
      try {
        await stage(temp);
        await fs.writeFile(path.join(temp, PUBLICATION_MARKER), 'Published by Tessera.\n');
        const staged = await filesUnder(temp);
        const created: string[] = [];
        let done = 0;
        const put = async (file: string, signal?: AbortSignal) => {
          control?.onProgress?.({ phase: 'uploading', done, total: staged.length });
          const bytes = await fs.readFile(path.join(temp, ...file.split('/')));
          const key = keyOf(file);
          if (existing.get(key) !== createHash('md5').update(bytes).digest('hex')) {
            // Counted before it is sent: a stopped upload may still land, and must be taken away too.
            if (!existing.has(key)) created.push(key);
            const headers = { 'Content-Type': contentType(file) };
            const response = await send('PUT', key, '', bytes, headers, signal);
            if (response.status !== 200) fail(response, `uploading ${file}`);
          }
          done += 1;
          control?.onProgress?.({ phase: 'uploading', done, total: staged.length });
        };
        // What the documents point at goes up first, then the documents, so viewers never see a half; the
        // record last, so that it never describes a publication that did not finish.
        const record = (f: string) => f.endsWith(RECORD_FILE);
        try {
          for (const file of staged.filter((f) => !DOCUMENTS.test(f))) {
            throwIfCancelled(control);
            await put(file, control?.signal);
          }
          // The last moment to stop: the documents that switch viewers to the new publication go up next.
          throwIfCancelled(control);
        } catch (error) {
          // Nothing points at the new objects yet: removing them leaves the storage as it was.
          for (const key of created) await send('DELETE', key).catch(() => undefined);
          throw error;
        }
        for (const file of staged.filter((f) => DOCUMENTS.test(f) && !record(f))) await put(file);
        for (const file of staged.filter(record)) await put(file);
        const keep = new Set(staged.map(keyOf));
        for (const key of existing.keys()) {
          if (keep.has(key)) continue;
          const response = await send('DELETE', key);
          if (response.status !== 204 && response.status !== 200) fail(response, `deleting ${key}`);
        }
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
      }
    },
    check: (plan) => checkPublished(plan, files, `${endpoint.origin}/${options.bucket}/${prefix}`),
  };
}

async function filesUnder(root: string, relative = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(root, child)));
    else out.push(child);
  }
  return out;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
