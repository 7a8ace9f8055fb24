/**
 * One HTTP GET, no redirects followed, with the limits a desktop app needs against servers it does not
 * control: a connect timeout (DNS + TCP + TLS), a total timeout for the whole exchange, a size cap enforced
 * while streaming (never buffering past it, and applied after decompression so a gzip bomb cannot slip
 * through), and cancellation. node:http is used directly rather than fetch because it lets us tell the
 * connect phase apart and stop mid-body precisely.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { ExchangeRoute } from './proxy-routes';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { ByteLease } from './byte-budget';
import { cancelledError, RemoteError } from './remote-error';

export interface ExchangeOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly connectTimeoutMs: number;
  readonly totalTimeoutMs: number;
  readonly maxBytes: number;
  /** The share of the service-wide in-memory budget this request's body is counted against. */
  readonly lease?: ByteLease;
  readonly signal?: AbortSignal;
  /** The agent for an address: direct, or through the system proxy (proxy-routes.ts). */
  readonly route: (url: URL) => Promise<ExchangeRoute>;
  /** DNS lookup override (tests use it to hold the connect phase open; apps may pin resolvers). */
  readonly lookup?: LookupFunction;
  /**
   * Called with every address the host name resolves to (or the address itself, when the URL names one) before
   * connecting; throwing refuses the connection (address-policy.ts). Checked in the connection's own lookup, so
   * what is checked is what is connected to.
   */
  readonly guard?: (address: string) => void;
  /**
   * Keep the first `maxBytes` of the body and stop there, instead of failing as too large: a probe of what a
   * resource is (a media file's first bytes) must not download a whole film.
   */
  readonly truncate?: boolean;
}

export interface ExchangeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The address that answered, for a direct connection; undefined through a proxy. */
  readonly peer?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class Abort extends Error {
  constructor(readonly reason: 'connect' | 'total' | 'cancelled' | 'too-large' | 'busy') {
    super(reason);
  }
}

export async function httpExchange(url: URL, options: ExchangeOptions): Promise<ExchangeResponse> {
  const href = url.href;
  const host = url.host;
  if (options.signal?.aborted) throw cancelledError(href);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  // Node skips the lookup for an address literal, so it is checked here.
  if (options.guard && isIP(literal)) options.guard(literal);
  const route = await options.route(url);
  return new Promise<ExchangeResponse>((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const headers = { 'accept-encoding': 'gzip, deflate, br', ...options.headers };
    const lookupFn = options.guard ? guardedLookup(options.lookup, options.guard) : options.lookup;
    const lookup = lookupFn ? { lookup: lookupFn } : {};
    // Plain http through a proxy: ask the proxy, with the whole address as the request target (RFC 9112 §3.2.2).
    const request = route.viaProxy
      ? http.request({
          host: route.viaProxy.host,
          port: route.viaProxy.port,
          method: 'GET',
          path: href,
          headers: { host, ...headers },
          agent: route.agent,
          ...lookup,
        })
      : (secure ? https : http).request(url, { method: 'GET', headers, agent: route.agent, ...lookup });
    let settled = false;
    const finish = (error: unknown, value?: ExchangeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      options.signal?.removeEventListener('abort', onAbort);
      if (value) resolve(value);
      else reject(translate(error));
    };
    const translate = (error: unknown): RemoteError => {
      if (error instanceof RemoteError) return error;
      if (error instanceof Abort) {
        switch (error.reason) {
          case 'connect':
            return new RemoteError(
              'timeout',
              `Could not connect to ${host} within ${seconds(options.connectTimeoutMs)}. The server may be down or unreachable.`,
              href,
            );
          case 'total':
            return new RemoteError(
              'timeout',
              `${host} did not finish answering within ${seconds(options.totalTimeoutMs)}.`,
              href,
            );
          case 'too-large':
            return tooLarge(href, options.maxBytes);
          case 'busy':
            return new RemoteError(
              'busy',
              `Stopped downloading from ${host}: the answers arriving at the same time already fill the memory set aside for downloads. Try this address again when the others have finished.`,
              href,
            );
          case 'cancelled':
            return cancelledError(href);
        }
      }
      return networkError(error, href, host);
    };
    const abort = (reason: Abort['reason']) => request.destroy(new Abort(reason));
    const onAbort = () => abort('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const connectTimer = setTimeout(() => abort('connect'), options.connectTimeoutMs);
    const totalTimer = setTimeout(() => abort('total'), options.totalTimeoutMs);

    request.on('socket', (socket) => {
      // A reused keep-alive socket is already connected; a new one is not until 'connect' (TLS: 'secureConnect').
      if (request.reusedSocket) {
        clearTimeout(connectTimer);
        return;
      }
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    request.on('error', (error) => finish(error));
    request.on('response', (response) => {
      clearTimeout(connectTimer);
      const status = response.statusCode ?? 0;
      const peer = route.proxied ? undefined : response.socket?.remoteAddress;
      const answer = (body: Buffer): ExchangeResponse => ({
        status,
        headers: response.headers,
        body,
        ...(peer ? { peer } : {}),
      });
      const declared = Number(response.headers['content-length']);
      if (REDIRECTS.has(status) || status === 304 || status === 204) {
        response.resume();
        response.on('end', () => finish(null, answer(Buffer.alloc(0))));
        response.on('error', (error) => finish(error));
        return;
      }
      const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (
        !options.truncate &&
        encoding === 'identity' &&
        Number.isFinite(declared) &&
        declared > options.maxBytes
      ) {
        abort('too-large');
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          if (received > options.maxBytes && options.truncate) {
            chunks.push(chunk.subarray(0, chunk.length - (received - options.maxBytes)));
            finish(null, answer(Buffer.concat(chunks)));
            request.destroy();
            callback();
            return;
          }
          if (received > options.maxBytes) {
            callback(new Abort('too-large'));
            return;
          }
          if (options.lease && !options.lease.take(chunk.length)) {
            callback(new Abort('busy'));
            return;
          }
          chunks.push(chunk);
          callback();
        },
      });
      const decoder = decoderFor(encoding);
      const source = decoder ? response.pipe(decoder) : response;
      const onStreamError = (error: unknown) => {
        request.destroy();
        finish(
          error instanceof Abort ? error : decoder ? networkError(error, href, host, 'compressed') : error,
        );
      };
      response.on('error', onStreamError);
      decoder?.on('error', onStreamError);
      counter.on('error', onStreamError);
      counter.on('finish', () => finish(null, answer(Buffer.concat(chunks))));
      source.pipe(counter);
    });
    request.end();
  });
}

/** A lookup that lets `guard` see (and refuse) every resolved address before the socket connects to one. */
function guardedLookup(base: LookupFunction | undefined, guard: (address: string) => void): LookupFunction {
  const resolve = base ?? (dns.lookup as LookupFunction);
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      try {
        const all = Array.isArray(address) ? address : [{ address, family }];
        for (const entry of all as { address: string }[]) guard(entry.address);
      } catch (refused) {
        callback(refused as NodeJS.ErrnoException, address, family);
        return;
      }
      callback(null, address, family);
    });
  };
}

function decoderFor(encoding: string): Transform | null {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return null;
}

export function tooLarge(url: string, maxBytes: number): RemoteError {
  return new RemoteError(
    'too-large',
    `The response is larger than the ${formatBytes(maxBytes)} allowed for this kind of resource, so it was not downloaded.`,
    url,
  );
}

function networkError(error: unknown, url: string, host: string, what?: 'compressed'): RemoteError {
  const code = (error as { code?: string } | null)?.code ?? '';
  const detail: Record<string, string> = {
    ENOTFOUND: `The server name ${new URL(url).hostname} could not be found. Check the address, or your connection.`,
    EAI_AGAIN: `The server name ${new URL(url).hostname} could not be looked up right now. Are you offline?`,
    ECONNREFUSED: `${host} refused the connection. The server may be down.`,
    ECONNRESET: `${host} closed the connection unexpectedly.`,
    EHOSTUNREACH: `${host} cannot be reached from this network.`,
    ENETUNREACH: 'The network is unreachable. Are you offline?',
    CERT_HAS_EXPIRED: `The security certificate of ${host} has expired.`,
    DEPTH_ZERO_SELF_SIGNED_CERT: `The security certificate of ${host} is self-signed and cannot be trusted.`,
  };
  const text = (error as Error | null)?.message ?? String(error);
  const message =
    what === 'compressed'
      ? `${host} sent a compressed response that could not be decompressed.`
      : (detail[code] ??
        protocolMismatch(code, host, text) ??
        (isCertificateProblem(code)
          ? `The security certificate of ${host} cannot be trusted, so Tessera did not use the connection.`
          : `Could not fetch from ${host}: ${text}.`));
  return new RemoteError('network', message, url);
}

/**
 * The wrong protocol on the other end, in place of OpenSSL's "EPROTO ... wrong version number" or the HTTP
 * parser's "Parse Error: Expected HTTP/": https:// to a plain port, or http:// to a TLS port.
 */
function protocolMismatch(code: string, host: string, text: string): string | undefined {
  // By the code where Node gives one, else by OpenSSL's or the parser's own words.
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || /SSL routines|wrong version number/i.test(text))
    return `${host} did not answer with a secure connection (https). Try the address with http://, or tell the institution its secure connection is broken.`;
  if (code.startsWith('HPE_') || /Parse Error/i.test(text))
    return `${host} did not answer in HTTP: it may expect a secure connection (try https://), or it is not a web server.`;
  return undefined;
}

function isCertificateProblem(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_/.test(code);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
