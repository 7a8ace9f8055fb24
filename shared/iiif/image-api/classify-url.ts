/**
 * A first guess, by shape alone, at what a pasted or dropped string is, so the UI can say "image service",
 * "manifest" or "content state" before any request. The fetch that follows has the last word: an address
 * classified 'unknown' or 'manifest-or-collection' may still turn out to be anything.
 */
import { decodeContentState, readPlainContentState } from './content-state';

export type UrlKind =
  'info.json' | 'image-service-base' | 'image' | 'manifest-or-collection' | 'content-state' | 'unknown';

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|tiff?|jp2|jpx|avif|bmp)$/i;
/** `/{region}/{size}/{rotation}/{quality}.{format}` — an Image API image request, any version. */
const IMAGE_REQUEST =
  /\/(?:full|square|\d+,\d+,\d+,\d+|pct:[\d.]+,[\d.]+,[\d.]+,[\d.]+)\/(?:full|max|\^?max|\^?!?\d*,\d*|\^?pct:[\d.]+)\/!?\d+(?:\.\d+)?\/(?:default|native|color|colour|gray|grey|bitonal)\.[a-z0-9]+$/i;
/** Path segments image servers put before the identifier: `/iiif/2/`, `/iiif/3/`, `/iiif/image/`, Loris, IIPImage... */
const IMAGE_SERVER_PATH =
  /\/(?:iiif\/(?:image\/)?(?:[123]|v[123])?|image-?service|images?\/iiif|loris2?|iipsrv(?:\.fcgi)?|cantaloupe)\//i;
const HTTP_URL = /^https?:\/\/[^/?#\s]+([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i;
const PRESENTATION_WORDS = /(?:manifest|collection|presentation)/i;

export function classifyUrl(text: string): UrlKind {
  const input = text.trim();
  if (input === '') return 'unknown';
  if (input.startsWith('{')) return readPlainContentState(input).ok ? 'content-state' : 'unknown';
  // shared/ has no URL class (no DOM, no Node): split http(s) URLs with a pattern instead.
  const url = HTTP_URL.exec(input);
  if (!url) {
    // Not a web address: maybe a content-state-encoded string on its own.
    if (input.length >= 16 && !/\s/.test(input) && decodeContentState(input).ok) return 'content-state';
    return 'unknown';
  }
  const [, pathPart = '', query = '', fragment = ''] = url;
  if (/(?:^|[?&#])iiif-content=/.test(`?${query.slice(1)}`) || /(?:^|[#&])iiif-content=/.test(fragment)) {
    return 'content-state';
  }
  const path = decodeSafely(pathPart);
  if (/\/info\.json$/i.test(path)) return 'info.json';
  if (IMAGE_REQUEST.test(path)) return 'image';
  const onImageServer = IMAGE_SERVER_PATH.test(path);
  if (onImageServer && !PRESENTATION_WORDS.test(path) && !/\.json$/i.test(path)) {
    // Image servers commonly keep the source file name in the identifier (`…/iiif/2/photo.jpg`, `…/loris/x.jp2`).
    return 'image-service-base';
  }
  if (IMAGE_EXTENSION.test(path)) return 'image';
  if (PRESENTATION_WORDS.test(path) || /\.json$/i.test(path)) return 'manifest-or-collection';
  return 'unknown';
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
