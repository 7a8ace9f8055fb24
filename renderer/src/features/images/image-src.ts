/**
 * The one function every thumbnail and image URL shown by the renderer goes through. Today it returns the URL
 * as is; it is the seam where remote images are routed through the main side's disk cache (offline use, one
 * per-host limit for the whole app) without changing the grid, the sources panel or the viewer.
 */
export function imageSrc(url: string): string {
  return url;
}
