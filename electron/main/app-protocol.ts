/**
 * The renderer is served from app://tessera/, not file:// (checklist item 18): a standard, secure scheme gets a
 * real origin, so CSP 'self' means "our bundle", and no path can reach outside dist/renderer.
 */
import { protocol } from 'electron';
import { readStaticFile } from '../host/static-files';
import { contentSecurityPolicy } from '../security/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tessera';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** An extra GET route (remote images through the cache, local image tiles); null means "not mine". */
export type AppRoute = (
  url: URL,
) => Promise<{ status: number; headers: Readonly<Record<string, string>>; body: Uint8Array | string } | null>;

export function serveAppProtocol(rendererRoot: string, route?: AppRoute): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const routed = request.method === 'GET' ? await route?.(url) : null;
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
    if (file.type.startsWith('text/html'))
      headers['Content-Security-Policy'] = contentSecurityPolicy({ connectSelf: false });
    return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
      status: file.status,
      headers,
    });
  });
}
