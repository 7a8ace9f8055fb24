/**
 * Who may talk to the web host. It binds loopback only, and still a web page on any other origin could try to
 * reach it: DNS rebinding (a hostile name resolving to 127.0.0.1) is stopped by checking the Host header, and
 * cross-site requests by requiring a random per-launch token that only the printed URL carries.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackAddress(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The Host header must name the address and port we listen on, or a loopback alias of it. */
export function isAllowedHostHeader(
  hostHeader: string | undefined,
  port: number,
  extraHosts: string[] = [],
): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (portText === undefined || Number(portText) !== port) return false;
  return LOOPBACK_NAMES.has(name ?? '') || extraHosts.includes(name ?? '');
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const TOKEN_HEADER = 'x-tessera-token';

/**
 * The page's cookie. Browsers send a 127.0.0.1 cookie to every port of 127.0.0.1 (cookies ignore ports), so
 * whatever it holds reaches any other local service the browser talks to. It therefore never holds the API
 * token, only a separate page key that opens the page and its image routes; and it is named for the port so
 * that a second host on the same machine sets its own cookie instead of overwriting this one.
 */
export function pageCookieName(port: number): string {
  return `tessera_page_${port}`;
}

export function cookieValue(request: IncomingMessage, wanted: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === wanted) return rest.join('=');
  }
  return undefined;
}
