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

export function imageSrc(url: string, origin: string = window.location.origin): string {
  // A manifest is untrusted: only images over http(s), or data:/blob: images made in this page, are shown.
  // Anything else (javascript:, file:, a custom scheme) is dropped here rather than left to the CSP.
  if (/^(data:image\/|blob:)/i.test(url)) return url;
  if (!/^https?:\/\//i.test(url)) return NO_IMAGE;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_IMAGE;
  }
  if (parsed.origin === origin) return url;
  return `${REMOTE_IMAGE_ROUTE}?url=${encodeURIComponent(parsed.href)}`;
}
