/**
 * The Content-Security-Policy of the renderer, the same in Electron (app://) and the web host.
 * Scripts come only from the app itself; images and tiles may come from any http(s) institution (that is the
 * point of IIIF), audio and video likewise, and manifests are fetched by the main side, never by page scripts, except the loopback host.
 */
export function contentSecurityPolicy(options: { connectSelf: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React and OpenSeadragon set inline style attributes, and the preview's Mirador (MUI's emotion) and Clover
    // (stitches) write their styles into <style> elements they create (empty ones filled through CSSOM, which CSP
    // still checks as inline). Neither lets us pass a nonce (Mirador makes its emotion caches itself), and this
    // policy is a fixed header for static files, so a nonce or hashes are not the answer: 'unsafe-inline' for
    // styles only. Tried without it (style-src 'self'; style-src-attr 'unsafe-inline'): Mirador renders unstyled.
    // Neither viewer needs 'unsafe-eval', and scripts stay 'self' only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    // Audio and video of time-based canvases: files added from disk are served by the app itself ('self'); the
    // rest are institutions' files, played from where they are (too large to proxy like images). No data: or
    // blob:: nothing the app plays is made in the page.
    "media-src 'self' http: https:",
    // OpenSeadragon fetches info.json and tiles with XHR/fetch when using IIIF tile sources.
    `connect-src ${options.connectSelf ? "'self' " : ''}http: https:`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    // The background worker (validation, autosave text) is a script of the app's own; no blob: or data: workers.
    "worker-src 'self'",
  ].join('; ');
}
