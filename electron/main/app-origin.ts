/**
 * Where the renderer lives: app://tessera/. Pure (no 'electron' import) so the sender check can be unit-tested.
 *
 * Why not `new URL(url).origin`: WHATWG URL gives every non-special scheme the opaque origin "null", in Node as in
 * any URL parser, even though Chromium (after `registerSchemesAsPrivileged({ standard: true })`) gives the page
 * the tuple origin app://tessera. So "is this our page" is decided from the scheme and host themselves.
 */
import { APP_HOST, APP_SCHEME } from '../../shared/app-origin';

export { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/app-origin';

/**
 * What app:// is to Chromium (protocol.registerSchemesAsPrivileged): standard and secure give the page a real
 * origin for CSP 'self' and secure-context APIs; supportFetchAPI lets the page fetch its own URLs; codeCache
 * lets V8 keep the compiled renderer bundle between launches (off by default for custom schemes, Electron docs:
 * session.setCodeCachePath); stream lets <audio> and <video> play the audio and video files added from disk,
 * which are served from app://tessera/local-images (without it a custom scheme's media never loads).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  stream: true,
} as const;

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
