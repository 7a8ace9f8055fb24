/**
 * Where the desktop app serves itself: app://tessera/. The renderer, the built-in sample's tiles and local images'
 * tiles all live there in Electron (in the browser they live on the web host's http://127.0.0.1 origin).
 * Kept here, not in electron/main, because the shared core must recognise these addresses as the app's own:
 * they are local drafts that publishing moves under the base URL, not foreign schemes to refuse.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tessera';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for app://tessera/... (a plain prefix test: shared code has no URL parser, and none is needed here). */
export function isAppAddress(value: string): boolean {
  return value.startsWith(`${APP_ORIGIN}/`);
}
