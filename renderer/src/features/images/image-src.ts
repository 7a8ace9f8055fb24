/**
 * The one function every thumbnail and image URL shown by the renderer goes through. Images from other origins
 * (institutions' servers) are routed through the main side's `/remote-image` route (web host and app:// alike):
 * one per-host limit for the whole app, a disk cache with revalidation, and thumbnails that still show offline.
 * The page's own files (same origin: the sample, local images), data: images and blob: URLs are used as they are;
 * every other scheme is dropped.
 */
export const REMOTE_IMAGE_ROUTE = '/remote-image';

/** What an <img> gets for a URL that must never be loaded: nothing, so the broken-image state shows. */
export const NO_IMAGE = '';

/**
 * The scheme and host of a URL, as the page's origin reads (`app://tessera`, `http://127.0.0.1:5199`). Not
 * `URL.origin`: for a non-special scheme such as Electron's app:// it is "null" in the URL standard, while the
 * page itself (a privileged standard scheme) reports the tuple origin.
 */
function schemeAndHost(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

type Initiator = 'local' | 'public';

/** Where the open document came from; the store registers it (a document opened from a URL may be public). */
let documentInitiator: () => Initiator = () => 'local';

export function imageInitiatorFrom(current: () => Initiator): void {
  documentInitiator = current;
}

/** Where the open document came from, for other addresses made from it (the preview's image services). */
export function openDocumentInitiator(): Initiator {
  return documentInitiator();
}

export function imageSrc(
  url: string,
  origin: string = window.location.origin,
  /**
   * 'public' for an image a document from the internet names: the main side refuses private addresses for it.
   * Default: the open document's.
   */
  initiator: Initiator = documentInitiator(),
): string {
  // A manifest is untrusted: only images of the page's own origin, over http(s), or data:/blob: images made in
  // this page, are shown. Anything else (javascript:, file:, a foreign custom scheme) is dropped here rather
  // than left to the CSP.
  if (/^(data:image\/|blob:)/i.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_IMAGE;
  }
  // The page's own files first: in Electron they are app://tessera/..., which is not http(s).
  if (origin !== 'null' && parsed.username === '' && schemeAndHost(parsed) === origin) return url;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return NO_IMAGE;
  const from = initiator === 'public' ? '&initiator=public' : '';
  return `${REMOTE_IMAGE_ROUTE}?url=${encodeURIComponent(parsed.href)}${from}`;
}
