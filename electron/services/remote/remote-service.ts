/**
 * The app's one way to fetch IIIF material from the web: info.json, manifests and collections, thumbnails.
 * Network policy (fetch-with-policy), an offline disk cache with ETag / Last-Modified revalidation, and the
 * shared info.json reader, behind three calls. Each result says whether it came from the cache and whether
 * that copy may be out of date because the network failed (offline mode).
 *
 * Plain Node: no Electron import. The cache folder, clock and sleep come in as options so tests run it
 * against loopback servers with real files.
 */
import type { LookupFunction } from 'node:net';
import { parseInfoJson, looksLikeHtml, serviceBaseOf } from '../../../shared/iiif/image-api/parse-info-json';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import type { JsonValue } from '../../../shared/iiif/json';
import { createAddressPolicy, type AddressClass, type AddressPolicy, type Initiator } from './address-policy';
import { createByteBudget, type ByteLease } from './byte-budget';
import { createDiskCache, type CacheEntry, type DiskCache } from './disk-cache';
import { fetchWithPolicy, originOf, type PolicyDeps, type PolicyResponse } from './fetch-with-policy';
import { createHostLimiter, type HostLimiter } from './host-limiter';
import { createRouter, type ResolveProxy } from './proxy-routes';
import { RemoteError, type RemoteErrorInfo } from './remote-error';
import { abortableSleep } from './retry-policy';
import { checkRemoteUrl } from './url-policy';

export interface RemoteServiceOptions {
  /** Folder for the offline cache (inside the app data folder). Created when needed. */
  readonly cacheDir: string;
  /** Total cache size; least recently used entries go first. Default 256 MB. */
  readonly maxCacheBytes?: number;
  /** Requests in flight per host (name:port). Default 6. */
  readonly maxPerHost?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** DNS + TCP + TLS. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** One exchange, first byte sent to last byte received. Default 30 s. */
  readonly totalTimeoutMs?: number;
  /** Size cap for JSON documents (info.json, manifests). Default 32 MB: the largest real manifests are ~20 MB. */
  readonly maxJsonBytes?: number;
  /** Size cap for image bytes (thumbnails). Default 16 MB. */
  readonly maxImageBytes?: number;
  /** Bytes all requests together may hold in memory (decompressed bodies). Default 128 MB. */
  readonly maxBufferedBytes?: number;
  /** Retries on 429/502/503/504. Default 3. */
  readonly maxRetries?: number;
  /** First retry backoff, doubling each time. Default 500 ms. */
  readonly backoffBaseMs?: number;
  /** Cap on any single wait, ours or the server's Retry-After. Default 30 s. */
  readonly maxRetryDelayMs?: number;
  /** Cap on all retry waits of one request together. Default 30 s. */
  readonly maxTotalRetryDelayMs?: number;
  /** Serve a cached copy without asking the server if it was confirmed within this long. Default 0 (always ask). */
  readonly freshForMs?: number;
  readonly userAgent?: string;
  /** Clock, for Retry-After dates and cache timestamps. */
  readonly now?: () => number;
  /** How to wait between retries; tests pass one that records delays instead of waiting. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** DNS lookup override, passed to node:http. */
  readonly lookup?: LookupFunction;
  /**
   * The proxy for an address, as a PAC answer ("DIRECT", "PROXY host:port; DIRECT"). The desktop app passes
   * Electron's session.resolveProxy (the system's proxy settings); without it, every request goes direct.
   */
  readonly resolveProxy?: ResolveProxy;
  /** How resolved addresses are classified; tests map a loopback alias to 'public'. */
  readonly classifyAddress?: (address: string) => AddressClass;
  /** Hosts public documents may always reach: the user's own image server, named by the user. */
  readonly allowedHosts?: readonly string[];
}

export interface FetchOptions {
  readonly signal?: AbortSignal;
  /**
   * Where the document asking for this came from (address-policy.ts). 'public': its private-network addresses are
   * refused unless allowed. Default 'local': the user named the address.
   */
  readonly initiator?: Initiator;
}

export interface FetchMeta {
  /** The address asked for. */
  readonly url: string;
  /** Where the content finally came from, after redirects. */
  readonly finalUrl: string;
  readonly fromCache: boolean;
  /** True when served from the cache because the server could not be reached: it may be out of date. */
  readonly stale: boolean;
  /** Why the network copy could not be used, when `stale`. */
  readonly offlineReason?: RemoteErrorInfo;
  readonly contentType?: string;
  readonly redirects: number;
  readonly retries: number;
  /** 'public' when the content came from a public address: what it references is fetched as a public document's. */
  readonly origin: Initiator;
}

export interface JsonResult extends FetchMeta {
  readonly json: JsonValue;
  /** The JSON's text as sent (a byte order mark removed): readers that keep a document's layout need it. */
  readonly text: string;
}

export interface InfoResult extends FetchMeta {
  readonly descriptor: ImageServiceDescriptor;
}

export interface BytesResult extends FetchMeta {
  readonly bytes: Buffer;
}

/** The start of a resource, to tell what it is without downloading it (a media file's container). */
export interface HeadResult {
  readonly url: string;
  readonly finalUrl: string;
  readonly contentType?: string;
  /** The first bytes of the body (at most the probe's size). */
  readonly head: Buffer;
  readonly origin: Initiator;
}

export interface RemoteService {
  /** A JSON document (manifest, collection, info.json, content state). HTML and non-JSON are errors. */
  fetchJson(url: string, options?: FetchOptions): Promise<JsonResult>;
  /** An image service's description, from its info.json URL or its base URL (`/info.json` is appended). */
  fetchInfo(url: string, options?: FetchOptions): Promise<InfoResult>;
  /** Image bytes, e.g. a thumbnail. */
  fetchBytes(url: string, options?: FetchOptions): Promise<BytesResult>;
  /**
   * The first `bytes` of a resource (asked for with a Range header, cut short when the server sends more), not
   * cached: audio and video are far too large for the cache, and only their start says what they are. The
   * address policy applies as to every request.
   */
  fetchHead(url: string, bytes: number, options?: FetchOptions): Promise<HeadResult>;
  readonly cache: DiskCache;
  readonly limiter: HostLimiter;
  /** The session's private-network allow list. */
  readonly addresses: AddressPolicy;
  /** Closes idle keep-alive connections. */
  close(): void;
}

/** Failures after which a cached copy is better than nothing. A 404 is an answer, not an outage. */
function isOutage(error: unknown): error is RemoteError {
  if (!(error instanceof RemoteError)) return false;
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.code === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429);
}

export function createRemoteService(options: RemoteServiceOptions): RemoteService {
  const now = options.now ?? Date.now;
  const maxPerHost = options.maxPerHost ?? 6;
  const router = createRouter({
    maxSockets: maxPerHost,
    ...(options.resolveProxy ? { resolveProxy: options.resolveProxy } : {}),
  });
  const limiter = createHostLimiter(maxPerHost);
  const budget = createByteBudget(options.maxBufferedBytes ?? 128 * 1024 * 1024);
  const cache = createDiskCache({
    dir: options.cacheDir,
    maxBytes: options.maxCacheBytes ?? 256 * 1024 * 1024,
    now,
  });
  const addresses = createAddressPolicy({
    ...(options.classifyAddress ? { classify: options.classifyAddress } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });
  const deps: PolicyDeps = {
    limiter,
    addresses,
    maxRedirects: options.maxRedirects ?? 5,
    now,
    sleep: options.sleep ?? abortableSleep,
    retry: {
      maxRetries: options.maxRetries ?? 3,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      maxDelayMs: options.maxRetryDelayMs ?? 30_000,
      maxTotalDelayMs: options.maxTotalRetryDelayMs ?? 30_000,
    },
    exchange: {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
      route: router.route,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    },
  };
  const userAgent = options.userAgent ?? 'Tessera (IIIF manifest editor)';
  const freshForMs = options.freshForMs ?? 0;

  /**
   * Cache-aware GET: fresh cache hit → no request; otherwise a conditional request when we hold validators;
   * 304 → cached body; outage → cached body marked stale; `accept` checks the body before it is cached.
   */
  async function cachedGet<T>(
    url: string,
    kind: 'json' | 'bytes',
    accept: string,
    maxBytes: number,
    decode: (body: Buffer, contentType: string | undefined, url: string) => T,
    opts: FetchOptions,
  ): Promise<{ value: T; meta: FetchMeta }> {
    // The body counts against the shared budget until it has been decoded and cached, which is as long as
    // this call keeps it in memory.
    const lease = budget.lease();
    try {
      return await leasedGet(url, kind, accept, maxBytes, decode, lease, opts);
    } finally {
      lease.release();
    }
  }

  async function leasedGet<T>(
    url: string,
    kind: 'json' | 'bytes',
    accept: string,
    maxBytes: number,
    decode: (body: Buffer, contentType: string | undefined, url: string) => T,
    lease: ByteLease,
    opts: FetchOptions,
  ): Promise<{ value: T; meta: FetchMeta }> {
    const { signal, initiator = 'local' } = opts;
    const checked = checkRemoteUrl(url);
    const href = checked.href;
    const cached = await cache.get(href);
    const fromCache = (entry: CacheEntry, stale: boolean, extra: Partial<FetchMeta> = {}) => ({
      value: decode(entry.body, entry.meta.contentType, url),
      meta: {
        url,
        finalUrl: href,
        fromCache: true,
        stale,
        redirects: 0,
        retries: 0,
        // A copy kept offline says nothing of the address it came from; judged by its host name.
        origin: originOf(undefined, checked, addresses),
        ...(entry.meta.contentType ? { contentType: entry.meta.contentType } : {}),
        ...extra,
      },
    });
    // A public document may not read a private server's answers out of the cache either.
    const cacheAllowed = initiator === 'local' || originOf(undefined, checked, addresses) === 'public';
    if (cached && cacheAllowed && freshForMs > 0 && now() - cached.meta.storedAt < freshForMs)
      return fromCache(cached, false);
    const headers: Record<string, string> = { accept, 'user-agent': userAgent };
    if (cached?.meta.etag) headers['if-none-match'] = cached.meta.etag;
    if (cached?.meta.lastModified) headers['if-modified-since'] = cached.meta.lastModified;
    let response: PolicyResponse;
    try {
      response = await fetchWithPolicy(
        href,
        { headers, maxBytes, lease, initiator, ...(signal ? { signal } : {}) },
        deps,
      );
    } catch (error) {
      const tagged = error instanceof RemoteError && error.url !== url ? retag(error, url) : error;
      if (cached && cacheAllowed && isOutage(tagged))
        return fromCache(cached, true, { offlineReason: tagged.toInfo() });
      throw tagged;
    }
    const contentType = headerText(response.headers['content-type']);
    if (response.status === 304) {
      if (!cached)
        throw new RemoteError(
          'http',
          'The server answered "not modified" to a request we had no copy for.',
          url,
          304,
        );
      await cache.confirm(href);
      return fromCache(cached, false, {
        finalUrl: response.finalUrl,
        redirects: response.redirects,
        retries: response.retries,
        origin: response.origin,
      });
    }
    // Decode before caching, so an HTML error page or broken JSON never lands in the offline cache.
    const value = decode(response.body, contentType, url);
    const etag = headerText(response.headers['etag']);
    const lastModified = headerText(response.headers['last-modified']);
    await cache
      .put(
        {
          url: href,
          kind,
          storedAt: now(),
          ...(contentType ? { contentType } : {}),
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        },
        response.body,
      )
      .catch(() => undefined); // a full disk must not fail the fetch itself
    return {
      value,
      meta: {
        url,
        finalUrl: response.finalUrl,
        fromCache: false,
        stale: false,
        redirects: response.redirects,
        retries: response.retries,
        origin: response.origin,
        ...(contentType ? { contentType } : {}),
      },
    };
  }

  async function fetchJson(url: string, opts: FetchOptions = {}): Promise<JsonResult> {
    const { value, meta } = await cachedGet(
      url,
      'json',
      'application/ld+json, application/json;q=0.9, */*;q=0.1',
      options.maxJsonBytes ?? 32 * 1024 * 1024,
      parseJsonBody,
      opts,
    );
    return { ...meta, ...value };
  }

  return {
    fetchJson,
    async fetchInfo(url, opts = {}) {
      const infoUrl = infoJsonUrlOf(url);
      const result = await fetchJson(infoUrl, opts);
      const parsed = parseInfoJson(result.json, result.finalUrl);
      if (!parsed.ok) {
        throw new RemoteError(
          'invalid',
          `This is not usable image information: ${parsed.reasons.join(' ')}`,
          url,
          undefined,
          parsed.reasons,
        );
      }
      const { json: _json, ...meta } = result;
      return { ...meta, descriptor: parsed.value };
    },
    async fetchBytes(url, opts = {}) {
      const { value, meta } = await cachedGet(
        url,
        'bytes',
        'image/avif, image/webp, image/jpeg, image/png, image/*;q=0.8, */*;q=0.1',
        options.maxImageBytes ?? 16 * 1024 * 1024,
        checkImageBody,
        opts,
      );
      return { ...meta, bytes: value };
    },
    async fetchHead(url, bytes, opts = {}) {
      const href = checkRemoteUrl(url).href;
      const response = await fetchWithPolicy(
        href,
        {
          headers: { accept: '*/*', range: `bytes=0-${bytes - 1}`, 'user-agent': userAgent },
          maxBytes: bytes,
          truncate: true,
          initiator: opts.initiator ?? 'local',
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
        deps,
      );
      const contentType = headerText(response.headers['content-type']);
      return {
        url,
        finalUrl: response.finalUrl,
        head: response.body,
        origin: response.origin,
        ...(contentType ? { contentType } : {}),
      };
    },
    cache,
    limiter,
    addresses,
    close() {
      router.close();
    },
  };
}

/**
 * `…/id`, `…/id/` and `…/id/info.json` all mean the same service. Any other `.json` address is fetched as
 * given, so a manifest pasted by mistake is reported as "a Presentation document", not as a 404.
 */
export function infoJsonUrlOf(url: string): string {
  const checked = checkRemoteUrl(url);
  if (/\.json$/i.test(checked.pathname)) return checked.href;
  const base = serviceBaseOf(checked.href);
  return `${base}/info.json${checked.search}`;
}

function parseJsonBody(
  body: Buffer,
  contentType: string | undefined,
  url: string,
): { json: JsonValue; text: string } {
  // Strip a UTF-8 byte order mark: some Windows-hosted servers send one and JSON.parse rejects it.
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (/^text\/html/i.test(contentType ?? '') || looksLikeHtml(text)) throw htmlError(url);
  try {
    return { json: JSON.parse(text) as JsonValue, text };
  } catch {
    throw new RemoteError(
      'not-json',
      text.trim() === ''
        ? 'The server sent an empty answer instead of JSON.'
        : 'The server sent something that is not valid JSON.',
      url,
    );
  }
}

function checkImageBody(body: Buffer, contentType: string | undefined, url: string): Buffer {
  // Narrower than looksLikeHtml: an SVG thumbnail may legitimately start with "<?xml".
  const start = body.subarray(0, 512).toString('utf8');
  if (/^text\/html/i.test(contentType ?? '') || /^\uFEFF?\s*<(?:!doctype\s+html|html)\b/i.test(start)) {
    throw htmlError(url);
  }
  return body;
}

function htmlError(url: string): RemoteError {
  return new RemoteError(
    'html',
    'The server answered with a web page instead of IIIF data. The address may point to a viewer or a login page rather than to the manifest or image itself.',
    url,
  );
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function retag(error: RemoteError, url: string): RemoteError {
  return new RemoteError(error.code, error.message, url, error.status, error.reasons);
}
