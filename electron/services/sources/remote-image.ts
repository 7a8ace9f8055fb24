/**
 * `GET /remote-image?url=<encoded>`: an institution's image (a thumbnail, a painted image), fetched by the main
 * side through the remote service, so every image the app shows shares one per-host limit, one disk cache
 * (ETag revalidation, LRU) and the offline fallback: with the network gone, cached thumbnails still show.
 *
 * The viewer also reads image information (`…/info.json`) through it, so deep zoom works from the cache too.
 *
 * Not an open proxy: http(s) addresses only (checked again at every redirect by the remote service), size caps
 * (the remote service's image and JSON limits), and only two kinds of answer are passed on: bytes that really
 * are a raster image (by magic number, not by what the server claims), typed by what they are; and JSON that
 * parses as IIIF image information. Everything goes out with a sandboxing CSP and nosniff on top.
 */
import type { JsonObject } from '../../../shared/iiif/json';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import type { Initiator } from '../remote/address-policy';
import type { RemoteService } from '../remote/remote-service';
import { RemoteError } from '../remote/remote-error';
import { viewerInfo } from './viewer-info';
import { sniffDisplayableImage } from './image-bytes';

export interface RouteResponse {
  readonly status: number;
  /** Content-Type and any extra headers. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

const MAX_URL_LENGTH = 8192;
/** Confirmed images may be kept by the browser for a day; IIIF image URLs name fixed content. */
const FRESH = 'private, max-age=86400';

function text(status: number, message: string): RouteResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: message,
  };
}

function statusFor(error: RemoteError): number {
  switch (error.code) {
    case 'scheme':
    case 'invalid':
      return 400;
    case 'too-large':
      return 413;
    case 'timeout':
      return 504;
    case 'busy':
      return 503;
    case 'private-network':
      return 403;
    case 'http':
      return error.status === 404 || error.status === 410 ? 404 : 502;
    case 'html':
    case 'not-json':
      return 415;
    default:
      return 502;
  }
}

function headersFor(type: string, stale: boolean, fromCache: boolean): Record<string, string> {
  return {
    'Content-Type': type,
    // A stale copy (served because the network failed) must be asked for again next time.
    'Cache-Control': stale ? 'no-cache' : FRESH,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Tessera-Cache': stale ? 'stale' : fromCache ? 'hit' : 'miss',
  };
}

export async function serveRemoteImage(
  remote: RemoteService,
  address: string | null,
  signal?: AbortSignal,
  initiator: Initiator = 'local',
): Promise<RouteResponse> {
  if (!address || address.length > MAX_URL_LENGTH) return text(400, 'Give the image address as ?url=.');
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return text(400, 'The image address is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return text(400, 'Only http and https images are fetched.');
  const options = { initiator, ...(signal ? { signal } : {}) };
  try {
    if (/\/info\.json$/i.test(url.pathname)) {
      const result = await remote.fetchJson(url.href, options);
      const json = result.json;
      if (
        !parseInfoJson(json, result.finalUrl).ok ||
        typeof json !== 'object' ||
        json === null ||
        Array.isArray(json)
      )
        return text(415, 'The address did not answer with IIIF image information.');
      return {
        status: 200,
        headers: headersFor('application/json', result.stale, result.fromCache),
        body: JSON.stringify(viewerInfo(json as JsonObject)),
      };
    }
    const result = await remote.fetchBytes(url.href, options);
    const type = sniffDisplayableImage(result.bytes);
    if (!type) return text(415, 'The address did not answer with an image.');
    return {
      status: 200,
      headers: headersFor(type, result.stale, result.fromCache),
      body: result.bytes,
    };
  } catch (error) {
    if (error instanceof RemoteError) return text(statusFor(error), error.message);
    return text(502, 'The image could not be fetched.');
  }
}
