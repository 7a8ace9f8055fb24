/**
 * Where the renderer lives: app://tessera/. Pure (no 'electron' import) so the sender check can be unit-tested.
 *
 * Why not `new URL(url).origin`: WHATWG URL gives every non-special scheme the opaque origin "null", in Node as in
 * any URL parser, even though Chromium (after `registerSchemesAsPrivileged({ standard: true })`) gives the page
 * the tuple origin app://tessera. So "is this our page" is decided from the scheme and host themselves.
 */
import { APP_HOST, APP_SCHEME } from '../../shared/app-origin';

export { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/app-origin';

/** True for app://tessera/... (any path), false for other hosts, schemes, credentials or ports. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Requests are accepted only from our own top frame (checklist item 17: validate every IPC sender). */
export function isTrustedFrame(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
