/**
 * An institution's image service seen through the page's own origin: `<origin>/remote-image/service/<token>`,
 * where the token is the service's base URI in IIIF Content State encoding (base64url of the URI-encoded
 * text, so it is one path segment of plain ASCII). Third-party viewers (Mirador, Clover) build every tile and
 * info.json address themselves as `<service id>/<region>/<size>/<rotation>/<quality>.<format>`; giving them
 * this base instead of the institution's keeps those requests on the `/remote-image` route (one per-host limit,
 * the disk cache, offline copies) without a hook into their code. The host answers info.json with this base as
 * its id, so the tiles the viewer derives from it come back here too.
 *
 * A service named by a document from the internet is routed under `<REMOTE_SERVICE_PATH>/public/<token>`: the
 * viewer keeps that base for every tile, so the main side knows each request's initiator and refuses private
 * addresses for it, as it does for the `/remote-image?initiator=public` images.
 */
import { decodeContentState, encodeContentState } from './content-state';

export const REMOTE_SERVICE_PATH = '/remote-image/service';
/** The path segment that marks a service named by a public document (never a valid token: not base64 of a URI). */
const PUBLIC_SEGMENT = 'public';

export type ServiceInitiator = 'local' | 'public';

/** An Image API request after the service base: info.json, or region/size/rotation/quality.format. */
const INFO = /^info\.json$/;
const IMAGE_REQUEST = /^[\w.,:%!^-]+\/[\w.,:%!^-]+\/!?[\d.]+\/\w+\.\w+$/;

/** The routed base (path only) for an http(s) image service id, named by a local or a public document. */
export function remoteServicePath(serviceId: string, initiator: ServiceInitiator = 'local'): string {
  const marker = initiator === 'public' ? `/${PUBLIC_SEGMENT}` : '';
  return `${REMOTE_SERVICE_PATH}${marker}/${encodeContentState(serviceId.replace(/\/+$/, ''))}`;
}

export interface RemoteServiceRequest {
  /** The institution's service base, as the manifest gave it (no trailing slash). */
  readonly serviceId: string;
  /** What was asked of it: `info.json` or an image request. */
  readonly request: string;
  /** 'public' when a document from the internet named the service: private addresses are refused for it. */
  readonly initiator: ServiceInitiator;
}

/**
 * Reads a `/remote-image/service/<token>/<request>` path, or null when it is not one: the token must decode to
 * an http(s) URI, and the request must be an info.json or a well-formed Image API request (no `..`, no query),
 * so the route can never be steered to any other address on the institution's server.
 */
export function parseRemoteServicePath(pathname: string): RemoteServiceRequest | null {
  const prefix = `${REMOTE_SERVICE_PATH}/`;
  if (!pathname.startsWith(prefix)) return null;
  const isPublic = pathname.startsWith(`${prefix}${PUBLIC_SEGMENT}/`);
  const rest = pathname.slice(prefix.length + (isPublic ? PUBLIC_SEGMENT.length + 1 : 0));
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const decoded = decodeContentState(rest.slice(0, slash));
  if (!decoded.ok || decoded.kind !== 'uri') return null;
  const request = rest.slice(slash + 1);
  if (!INFO.test(request) && !(IMAGE_REQUEST.test(request) && !request.includes('..'))) return null;
  return {
    serviceId: decoded.value.replace(/\/+$/, ''),
    request,
    initiator: isPublic ? 'public' : 'local',
  };
}
