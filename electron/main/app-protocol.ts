/**
 * The renderer is served from app://tessera/, not file:// (checklist item 18): a standard, secure scheme gets a
 * real origin, so CSP 'self' means "our bundle", and no path can reach outside dist/renderer.
 */
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createAppResponder, type AppRoute } from './app-responder';

export { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-origin';
export type { AppRoute } from './app-responder';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveAppProtocol(rendererRoot: string, route?: AppRoute): void {
  protocol.handle(APP_SCHEME, createAppResponder(rendererRoot, route));
}
