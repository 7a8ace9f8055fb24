/**
 * `GET /remote-image/service/<token>/<request>`: an institution's image service mirrored on the page's origin,
 * for viewers that build their own Image API addresses (Mirador, Clover in the preview). Every answer is the
 * `/remote-image` route's own (same remote service, cache, size caps and image-only checks); the only change is
 * that info.json names the routed base as its id, so the tiles a viewer derives from it stay on this route, with
 * the initiator the path carries (a public document's service keeps the private-network refusal for its tiles).
 */
import {
  parseRemoteServicePath,
  remoteServicePath,
} from '../../../shared/iiif/image-api/remote-service-route';
import type { RemoteService } from '../remote/remote-service';
import { rewriteInfoJsonId } from '../static/level0-info';
import { serveRemoteImage, type RouteResponse } from './remote-image';

export async function serveRemoteImageService(
  remote: RemoteService,
  pathname: string,
  origin: string,
  signal?: AbortSignal,
): Promise<RouteResponse> {
  const parsed = parseRemoteServicePath(pathname);
  if (!parsed) {
    return {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      body: 'Not an image service request.',
    };
  }
  const answer = await serveRemoteImage(
    remote,
    `${parsed.serviceId}/${parsed.request}`,
    signal,
    parsed.initiator,
  );
  if (parsed.request !== 'info.json' || answer.status !== 200) return answer;
  return {
    ...answer,
    body: rewriteInfoJsonId(
      answer.body.toString(),
      `${origin}${remoteServicePath(parsed.serviceId, parsed.initiator)}`,
    ),
  };
}
