/**
 * The web host: the built renderer and the same contract as Electron, over HTTP on loopback, so the real app
 * runs in a browser (and in Chromium under Playwright). See README "Security model".
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { contentSecurityPolicy } from '../security/content-security-policy';
import {
  cookieValue,
  isAllowedHostHeader,
  isLoopbackAddress,
  pageCookieName,
  TOKEN_HEADER,
  tokensEqual,
} from './host-guard';
import { readStaticFile } from './static-files';

/** Request bodies carry whole documents as text: the 64 MB document limit plus JSON escaping headroom. */
const MAX_BODY_BYTES = 160 * 1024 * 1024;

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  staticRoot: string;
  host?: string;
  port?: number;
  /** Binding anything but loopback exposes your files to the network; it needs this flag said out loud. */
  allowNonLoopback?: boolean;
  token?: string;
  /**
   * Extra GET routes (remote images through the cache, local image tiles), answered after the Host and token
   * checks; null means "not mine". `origin` is the page's origin, as the browser addressed us.
   */
  getRoute?(
    url: URL,
    origin: string,
    /** The request's Range header, for files a media element reads in parts. */
    range?: string,
  ): Promise<{ status: number; headers: Readonly<Record<string, string>>; body: Uint8Array | string } | null>;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host) && !options.allowNonLoopback) {
    throw new Error(
      `Refusing to listen on ${host}: the web host serves your files and listens on loopback only. ` +
        'Pass --allow-non-loopback if you really mean to expose it.',
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Never the token: the cookie also reaches other services on loopback (see pageCookieName).
  const pageKey = randomBytes(24).toString('base64url');
  const extraHosts = isLoopbackAddress(host) ? [] : [host];
  let port = 0;
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      console.error('web host:', error);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!isAllowedHostHeader(request.headers.host, port, extraHosts)) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Misdirected request: unknown Host header.');
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'POST only.');
      const given = request.headers[TOKEN_HEADER];
      if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) {
        return send(response, 403, 'application/json', JSON.stringify({ ok: false, error: tokenError }));
      }
      const body = await readBody(request);
      if (body === null) {
        return send(response, 413, 'application/json', JSON.stringify({ ok: false, error: tooLarge }));
      }
      let parsed: unknown;
      try {
        parsed = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: badJson }));
      }
      const result = await dispatch(options.handlers, url.pathname.slice('/api/'.length), parsed);
      return send(response, 200, 'application/json', JSON.stringify(result));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    }
    // Pages and files need the token once (from the printed URL), then a strict, HTTP-only page-key cookie.
    const queryToken = url.searchParams.get('token') ?? undefined;
    const cookieName = pageCookieName(port);
    const byQuery = tokensEqual(queryToken, token);
    if (!byQuery && !tokensEqual(cookieValue(request, cookieName), pageKey)) {
      return send(response, 401, 'text/plain; charset=utf-8', 'Open the address printed by `npm run web`.');
    }
    if (byQuery) {
      response.setHeader('Set-Cookie', `${cookieName}=${pageKey}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const routed = await options.getRoute?.(url, `http://${request.headers.host}`, request.headers.range);
    if (routed) {
      const { 'Content-Type': type = 'application/octet-stream', ...headers } = routed.headers;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      return send(response, routed.status, type, request.method === 'HEAD' ? '' : routed.body);
    }
    const file = await readStaticFile(options.staticRoot, url.pathname, `http://${request.headers.host}`);
    if (file.type.startsWith('text/html')) {
      response.setHeader('Content-Security-Policy', contentSecurityPolicy({ connectSelf: true }));
    }
    response.setHeader('Cache-Control', 'no-store');
    return send(response, file.status, file.type, request.method === 'HEAD' ? '' : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const tokenError = { code: 'forbidden', message: 'Missing or wrong token.' };
const tooLarge = { code: 'too-large', message: 'The request is too large.' };
const badJson = { code: 'invalid-request', message: 'The request body is not JSON.' };

function send(response: ServerResponse, status: number, type: string, body: Uint8Array | string) {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) overflow = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(overflow ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
