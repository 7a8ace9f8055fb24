/**
 * The Content-Security-Policy of the renderer, the same in Electron (app://) and the web host.
 * Scripts come only from the app itself; images and tiles may come from any http(s) institution (that is the
 * point of IIIF), and manifests are fetched by the main side, never by page scripts, except the loopback host.
 */
export function contentSecurityPolicy(options: { connectSelf: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React and OpenSeadragon set inline style attributes; no inline <style> blocks of ours need more.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
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
