/**
 * The one function every thumbnail and image URL shown by the renderer goes through. Images from other origins
 * (institutions' servers) are routed through the main side's `/remote-image` route (web host and app:// alike):
 * one per-host limit for the whole app, a disk cache with revalidation, and thumbnails that still show offline.
 * The page's own files (same origin: the sample, local images), data: and blob: URLs are used as they are.
 */
export const REMOTE_IMAGE_ROUTE = '/remote-image';

export function imageSrc(url: string, origin: string = window.location.origin): string {
  if (!/^https?:\/\//i.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.origin === origin) return url;
  return `${REMOTE_IMAGE_ROUTE}?url=${encodeURIComponent(parsed.href)}`;
}
