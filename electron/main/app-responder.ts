/**
 * What app://tessera/... answers: the built renderer (with its CSP) and the extra GET routes (remote images
 * through the cache, local image tiles). A plain Request -> Response function with no 'electron' import, so
 * `protocol.handle` gets it as it is and the tests call it with real files.
 */
import { readStaticFile } from '../host/static-files';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { APP_HOST, APP_ORIGIN } from './app-origin';

/**
 * An extra GET route (remote images through the cache, local image tiles); null means "not mine". `range` is
 * the request's Range header: a media element on app:// seeks in a local recording by it.
 */
export type AppRoute = (
  url: URL,
  range?: string,
) => Promise<{ status: number; headers: Readonly<Record<string, string>>; body: Uint8Array | string } | null>;

/**
 * The page's CSP. `connect-src 'self'` is needed: the deep-zoom viewer fetches info.json through
 * app://tessera/remote-image, and 'self' is the only source expression that matches a custom scheme
 * (http: and https: do not).
 */
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connectSelf: true });

export function createAppResponder(rendererRoot: string, route?: AppRoute) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const routed =
      request.method === 'GET' ? await route?.(url, request.headers.get('range') ?? undefined) : null;
    if (routed) {
      const body = typeof routed.body === 'string' ? routed.body : Buffer.from(routed.body);
      return new Response(body, {
        status: routed.status,
        headers: { 'X-Content-Type-Options': 'nosniff', ...routed.headers },
      });
    }
    const file = await readStaticFile(rendererRoot, url.pathname, APP_ORIGIN);
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'X-Content-Type-Options': 'nosniff',
    };
    if (file.type.startsWith('text/html')) headers['Content-Security-Policy'] = APP_CONTENT_SECURITY_POLICY;
    return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
      status: file.status,
      headers,
    });
  };
}
