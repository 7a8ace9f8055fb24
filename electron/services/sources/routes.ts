/**
 * The GET routes the sources feature adds to the page's own origin, the same in the web host (after its Host and
 * token checks) and on Electron's app:// scheme: remote images through the disk cache (also as whole image services,
 * for the third-party viewers of the preview), and local images' tiles.
 */
import type { RemoteService } from '../remote/remote-service';
import { LOCAL_IMAGES_PATH, serveLocalImage } from './local-images';
import { serveRemoteImage, type RouteResponse } from './remote-image';
import { serveRemoteImageService } from './remote-image-service';
import { REMOTE_SERVICE_PATH } from '../../../shared/iiif/image-api/remote-service-route';

export type { RouteResponse } from './remote-image';

export interface SourcesDeps {
  readonly remote: RemoteService;
  /** Where images dropped from the file manager are tiled (web host: `<workspace>/local-images`). */
  readonly localImagesDir: string;
  /** Receives background work (thumbnail warm-ups) so tests can wait for it; the app lets it run. */
  readonly background?: (work: Promise<unknown>) => void;
}

export const REMOTE_IMAGE_PATH = '/remote-image';

/** What of the request a route reads besides its URL. */
export interface SourcesRequest {
  /** The request's Range header: local audio and video are read in parts as a media element seeks. */
  readonly range?: string;
  readonly signal?: AbortSignal;
}

/**
 * Answers a GET for `url` if it is one of these routes, else null. `origin` is the origin the page was served
 * from (http://127.0.0.1:port, app://tessera), used for local image service ids.
 */
export async function handleSourcesGet(
  deps: SourcesDeps,
  url: URL,
  origin: string,
  request: SourcesRequest = {},
): Promise<RouteResponse | null> {
  const { signal, range } = request;
  if (url.pathname === REMOTE_IMAGE_PATH)
    return serveRemoteImage(
      deps.remote,
      url.searchParams.get('url'),
      signal,
      // Set by the renderer for images a document from the internet names (address-policy.ts).
      url.searchParams.get('initiator') === 'public' ? 'public' : 'local',
    );
  if (url.pathname.startsWith(`${REMOTE_SERVICE_PATH}/`))
    return serveRemoteImageService(deps.remote, url.pathname, origin, signal);
  if (url.pathname.startsWith(`${LOCAL_IMAGES_PATH}/`))
    return serveLocalImage(deps.localImagesDir, url.pathname, origin, range);
  return null;
}
