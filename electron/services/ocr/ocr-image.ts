/**
 * The pixels OCR reads for one canvas: its painted image (from the image service at the largest size worth
 * reading, or the plain image file) through the app's remote service and disk cache, or from the local images
 * folder; cut to the area asked for and turned into a greyscale PNG, which every Tesseract build decodes.
 */
import sharp from 'sharp';
import type { OcrSource } from '../../../shared/iiif/annotations';
import { constrainedSize, largestImage, regionUrl } from '../../../shared/iiif/image-api/image-urls';
import { parseRegion } from '../../../shared/iiif/image-api/image-selectors';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import type { JsonValue } from '../../../shared/iiif/json';
import { UserFacingError } from '../../../shared/ipc/result';
import { SHARP_INPUT, checkPixelCount } from '../imaging/pixel-limit';
import { RemoteError } from '../remote/remote-error';
import type { RemoteService } from '../remote/remote-service';
import { LOCAL_IMAGES_PATH, serveLocalImage } from '../sources/local-images';

/** How OCR gets image information and image bytes by URL. */
export interface OcrImageFetcher {
  json(url: string, signal: AbortSignal): Promise<JsonValue>;
  bytes(url: string, signal: AbortSignal): Promise<Buffer>;
}

/** The image OCR reads: `png` is `width`×`height` pixels of the source image, cut at `offset` when an area was asked. */
export interface OcrImage {
  readonly png: Buffer;
  /** Size of the whole (possibly reduced) image the frame maps to. */
  readonly width: number;
  readonly height: number;
  /** Where the PNG's top-left pixel is in that image. */
  readonly offset: { readonly x: number; readonly y: number };
}

/**
 * Longest side read. Print at ~300 dpi is 2,500–3,500 px a page; more costs time without finding more text, and
 * very large level-2 images would not fit in the remote service's image size cap.
 */
export const OCR_MAX_SIDE = 3500;

function originOf(text: string): string | null {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/**
 * The app's fetcher: local images (`<origin>/local-images/…` or app://…/local-images/…) read from their folder,
 * everything else through the remote service (per-host limits, disk cache, offline copies).
 */
export function remoteOcrFetcher(
  remote: RemoteService | undefined,
  local?: { readonly dir: string; readonly origin: string },
): OcrImageFetcher {
  const localPath = (url: string): string | null => {
    if (!local) return null;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    // app:// has an opaque origin ('null'): its scheme is enough, nothing else serves it.
    const sameOrigin = parsed.protocol === 'app:' || parsed.origin === originOf(local.origin);
    return sameOrigin && parsed.pathname.startsWith(`${LOCAL_IMAGES_PATH}/`) ? parsed.pathname : null;
  };
  const readLocal = async (pathname: string): Promise<Buffer> => {
    const response = await serveLocalImage(local?.dir ?? '', pathname, local?.origin ?? '');
    if (response.status !== 200)
      throw new UserFacingError('not-found', `The local image ${pathname} is missing.`);
    return Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
  };
  const needRemote = (): RemoteService => {
    if (!remote) throw new UserFacingError('unavailable', 'Fetching images is not set up here.');
    return remote;
  };
  return {
    async json(url, signal) {
      const pathname = localPath(url);
      if (pathname) return JSON.parse((await readLocal(pathname)).toString('utf8')) as JsonValue;
      return (await needRemote().fetchJson(url, { signal })).json;
    },
    async bytes(url, signal) {
      const pathname = localPath(url);
      if (pathname) return readLocal(pathname);
      return (await needRemote().fetchBytes(url, { signal })).bytes;
    },
  };
}

/** The image request to read for a service, or a sentence saying why there is none. */
async function serviceImageUrl(
  source: OcrSource & { image: { kind: 'service' } },
  fetcher: OcrImageFetcher,
  signal: AbortSignal,
) {
  const parsed = parseInfoJson(await fetcher.json(source.image.infoUrl, signal), source.image.infoUrl);
  if (!parsed.ok) throw new UserFacingError('unreadable-image', parsed.reasons.join(' '));
  const desc = parsed.value;
  const region = parseRegion(source.region, desc);
  if (region === null) {
    if (desc.level === 0) return largestImage(desc).url;
    const longest = Math.max(desc.width, desc.height);
    const size = constrainedSize(desc, (desc.width * Math.min(longest, OCR_MAX_SIDE)) / longest);
    return regionUrl(desc, 'full', { width: size.width });
  }
  if (desc.level === 0)
    throw new UserFacingError(
      'unsupported-image',
      'The canvas shows part of an image whose server cannot cut regions (level 0).',
    );
  const longest = Math.max(region.width, region.height);
  const width = (region.width * Math.min(longest, OCR_MAX_SIDE)) / longest;
  return regionUrl(desc, region, { width: constrainedSize(desc, width, region).width });
}

export async function loadOcrImage(
  source: OcrSource,
  fetcher: OcrImageFetcher,
  signal: AbortSignal,
): Promise<OcrImage> {
  let bytes: Buffer;
  let imageName: string;
  try {
    const url =
      source.image.kind === 'service'
        ? await serviceImageUrl(source as OcrSource & { image: { kind: 'service' } }, fetcher, signal)
        : source.image.url;
    imageName = url;
    bytes = await fetcher.bytes(url, signal);
  } catch (error) {
    if (error instanceof RemoteError) throw new UserFacingError('unreadable-image', error.message);
    throw error;
  }
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes).metadata(); // the header only: the size is checked below
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    throw new UserFacingError('unreadable-image', 'The image could not be decoded.');
  }
  if (width === 0 || height === 0) throw new UserFacingError('unreadable-image', 'The image has no pixels.');
  checkPixelCount(imageName, width, height);
  let pipeline = sharp(bytes, SHARP_INPUT);
  let offset = { x: 0, y: 0 };
  if (source.area) {
    // The area in canvas pixels, as pixels of this image (the frame maps the whole image onto the canvas).
    const sx = width / source.frame.width;
    const sy = height / source.frame.height;
    const left = Math.max(0, Math.floor((source.area.x - source.frame.x) * sx));
    const top = Math.max(0, Math.floor((source.area.y - source.frame.y) * sy));
    const right = Math.min(width, Math.ceil((source.area.x + source.area.width - source.frame.x) * sx));
    const bottom = Math.min(height, Math.ceil((source.area.y + source.area.height - source.frame.y) * sy));
    if (right - left < 1 || bottom - top < 1)
      throw new UserFacingError('empty-region', 'The region chosen is too small to read.');
    pipeline = pipeline.extract({ left, top, width: right - left, height: bottom - top });
    offset = { x: left, y: top };
  }
  const png = await pipeline.greyscale().png({ compressionLevel: 1 }).toBuffer();
  return { png, width, height, offset };
}
