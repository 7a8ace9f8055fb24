/**
 * An institution's image service seen through the page's own origin: `<origin>/remote-image/service/<token>`,
 * where the token is the service's base URI in IIIF Content State encoding (base64url of the URI-encoded
 * text, so it is one path segment of plain ASCII). Third-party viewers (Mirador, Clover) build every tile and
 * info.json address themselves as `<service id>/<region>/<size>/<rotation>/<quality>.<format>`; giving them
 * this base instead of the institution's keeps those requests on the `/remote-image` route (one per-host limit,
 * the disk cache, offline copies) without a hook into their code. The host answers info.json with this base as
 * its id, so the tiles the viewer derives from it come back here too.
 */
import { decodeContentState, encodeContentState } from './content-state';

export const REMOTE_SERVICE_PATH = '/remote-image/service';

/** An Image API request after the service base: info.json, or region/size/rotation/quality.format. */
const INFO = /^info\.json$/;
const IMAGE_REQUEST = /^[\w.,:%!^-]+\/[\w.,:%!^-]+\/!?[\d.]+\/\w+\.\w+$/;

/** The routed base (path only) for an http(s) image service id. */
export function remoteServicePath(serviceId: string): string {
  return `${REMOTE_SERVICE_PATH}/${encodeContentState(serviceId.replace(/\/+$/, ''))}`;
}

export interface RemoteServiceRequest {
  /** The institution's service base, as the manifest gave it (no trailing slash). */
  readonly serviceId: string;
  /** What was asked of it: `info.json` or an image request. */
  readonly request: string;
}

/**
 * Reads a `/remote-image/service/<token>/<request>` path, or null when it is not one: the token must decode to
 * an http(s) URI, and the request must be an info.json or a well-formed Image API request (no `..`, no query),
 * so the route can never be steered to any other address on the institution's server.
 */
export function parseRemoteServicePath(pathname: string): RemoteServiceRequest | null {
  const prefix = `${REMOTE_SERVICE_PATH}/`;
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const decoded = decodeContentState(rest.slice(0, slash));
  if (!decoded.ok || decoded.kind !== 'uri') return null;
  const request = rest.slice(slash + 1);
  if (!INFO.test(request) && !(IMAGE_REQUEST.test(request) && !request.includes('..'))) return null;
  return { serviceId: decoded.value.replace(/\/+$/, ''), request };
}
