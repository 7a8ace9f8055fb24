/**
 * One pasted or dropped image address → what a canvas needs: an image service's descriptor (from its info.json,
 * its base URL, or an image request URL of the service), or, for a plain image file on the web, its measured
 * size and format. Presentation documents are recognised and reported as such (code 'presentation'), so the
 * caller can open them as manifests instead.
 *
 * Thumbnails of the services found are fetched into the disk cache in the background, so a canvas added while
 * online shows its thumbnail offline later.
 */
import sharp from 'sharp';
import { imageRequestServiceBase } from '../../../shared/iiif/canvas-build/import-inputs';
import { thumbnailUrlFor } from '../../../shared/iiif/canvas-build/image-canvas';
import { classifyJson } from '../../../shared/iiif/document/classify';
import { classifyUrl } from '../../../shared/iiif/image-api/classify-url';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import type { JsonValue } from '../../../shared/iiif/json';
import { UserFacingError } from '../../../shared/ipc/result';
import { checkPixelCount } from '../imaging/pixel-limit';
import type { Initiator } from '../remote/address-policy';
import { RemoteError } from '../remote/remote-error';
import type { FetchOptions, RemoteService } from '../remote/remote-service';
import { sniffDisplayableImage } from './image-bytes';

export type FetchedImage =
  | {
      readonly kind: 'service';
      readonly descriptor: ImageServiceDescriptor;
      readonly fromCache: boolean;
      readonly stale: boolean;
    }
  | {
      readonly kind: 'image';
      readonly url: string;
      readonly width: number;
      readonly height: number;
      readonly format: string;
      readonly fromCache: boolean;
      readonly stale: boolean;
    };

function presentationError(url: string): UserFacingError {
  return new UserFacingError(
    'presentation',
    `${url} is a IIIF manifest or collection, not an image: open it as a source to choose its canvases.`,
  );
}

export interface FetchImageOptions {
  readonly signal?: AbortSignal;
  /** Receives background work (thumbnail warm-up); tests await it, the app lets it run. */
  readonly background?: (work: Promise<unknown>) => void;
  /** Where the address came from: 'public' when a document from the internet named it (address-policy.ts). */
  readonly initiator?: Initiator;
}

function fetchOptions(options: FetchImageOptions): FetchOptions {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.initiator ? { initiator: options.initiator } : {}),
  };
}

/** What an answer names is asked for on its behalf: public if it came from the internet or was asked for by it. */
function onBehalfOf(options: FetchImageOptions, origin: Initiator): FetchImageOptions {
  return origin === 'public' ? { ...options, initiator: 'public' } : options;
}

async function asService(
  remote: RemoteService,
  url: string,
  options: FetchImageOptions,
): Promise<FetchedImage> {
  const result = await remote.fetchInfo(url, fetchOptions(options));
  warmThumbnail(remote, result.descriptor, onBehalfOf(options, result.origin));
  return { kind: 'service', descriptor: result.descriptor, fromCache: result.fromCache, stale: result.stale };
}

async function asPlainImage(
  remote: RemoteService,
  url: string,
  options: FetchImageOptions,
): Promise<FetchedImage> {
  const result = await remote.fetchBytes(url, fetchOptions(options));
  const format = sniffDisplayableImage(result.bytes);
  if (!format) {
    if (looksLikePresentation(result.bytes)) throw presentationError(url);
    throw new UserFacingError(
      'not-an-image',
      'The address answered with something that is neither an image nor IIIF image information.',
    );
  }
  // The header only (no pixels are decoded): it gives the size that checkPixelCount refuses by.
  const meta = await sharp(result.bytes)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) {
    throw new UserFacingError('not-an-image', 'The image could not be read to find its size.');
  }
  checkPixelCount(url, meta.width, meta.height);
  // EXIF orientations 5-8 turn the picture a quarter: browsers show it turned, so the canvas is too.
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    kind: 'image',
    url: result.finalUrl,
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
    format,
    fromCache: result.fromCache,
    stale: result.stale,
  };
}

function looksLikePresentation(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64).toString('utf8').trimStart();
  if (!head.startsWith('{')) return false;
  try {
    return classifyJson(JSON.parse(bytes.toString('utf8')) as JsonValue).ok;
  } catch {
    return false;
  }
}

/** Resolves one address. Throws RemoteError / UserFacingError with a message for the curator. */
export async function fetchImage(
  remote: RemoteService,
  url: string,
  options: FetchImageOptions = {},
): Promise<FetchedImage> {
  const kind = classifyUrl(url);
  if (kind === 'content-state') {
    throw new UserFacingError(
      'content-state',
      'A content state is opened as a source, not fetched as an image.',
    );
  }
  if (kind === 'manifest-or-collection') {
    const result = await remote.fetchJson(url, fetchOptions(options));
    if (classifyJson(result.json).ok) throw presentationError(url);
    // Not a manifest after all: maybe image information at an unusual address.
    const parsed = parseInfoJson(result.json, result.finalUrl);
    if (!parsed.ok) {
      throw new UserFacingError(
        'not-an-image',
        `This is not usable image information: ${parsed.reasons.join(' ')}`,
      );
    }
    warmThumbnail(remote, parsed.value, onBehalfOf(options, result.origin));
    return { kind: 'service', descriptor: parsed.value, fromCache: result.fromCache, stale: result.stale };
  }
  if (kind === 'info.json' || kind === 'image-service-base') {
    try {
      return await asService(remote, url, options);
    } catch (error) {
      if (
        error instanceof RemoteError &&
        error.code === 'invalid' &&
        /Presentation document/.test(error.message)
      )
        throw presentationError(url);
      throw error;
    }
  }
  if (kind === 'image') {
    const base = imageRequestServiceBase(url);
    if (base) {
      try {
        return await asService(remote, base, options);
      } catch {
        // Not a reachable service after all (or a static file that only looks like one): use the file.
      }
    }
    return asPlainImage(remote, url, options);
  }
  // Unknown shape: an image service without the usual path words, or a plain image without an extension.
  try {
    return await asService(remote, url, options);
  } catch (serviceError) {
    try {
      return await asPlainImage(remote, url, options);
    } catch (imageError) {
      if (imageError instanceof UserFacingError && imageError.code === 'presentation') throw imageError;
      throw serviceError;
    }
  }
}

/** Fetches the thumbnail a new canvas will show into the cache, without waiting and without failing anyone. */
function warmThumbnail(
  remote: RemoteService,
  descriptor: ImageServiceDescriptor,
  options: FetchImageOptions,
): void {
  const url = thumbnailUrlFor(descriptor);
  if (!url) return;
  const work = remote
    .fetchBytes(url, options.initiator ? { initiator: options.initiator } : {})
    .catch(() => undefined);
  options.background?.(work);
}

/** Fetches images into the cache (for offline use); counts what worked. */
export async function cacheImages(
  remote: RemoteService,
  urls: readonly string[],
  initiator: Initiator = 'local',
): Promise<{ cached: number; failed: number }> {
  const results = await Promise.allSettled(urls.map((url) => remote.fetchBytes(url, { initiator })));
  const cached = results.filter((r) => r.status === 'fulfilled').length;
  return { cached, failed: results.length - cached };
}
