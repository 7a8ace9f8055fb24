/**
 * The one CSP decision the stand-in's http transport would otherwise get wrong: may the page connect (fetch,
 * XHR) to its own app://tessera origin? In Electron the page IS app://tessera, a privileged standard scheme, and
 * Chromium matches connect-src against that URL (CSP3 "Does url match source list"):
 *  - 'self' matches the page's own origin, whatever its scheme;
 *  - a scheme-source matches only its scheme, so `http:`/`https:` never match app:// (the upgrade rule lets
 *    `http:` match https and ws, nothing else), while `app:` does;
 *  - a host-source with a scheme matches that scheme and host (`app://tessera`);
 *  - `*` matches the protected resource's own scheme too, so it matches app:// here.
 * In the stand-in the page is http://tessera.localhost, where `http:` would wrongly allow everything, so the
 * stand-in asks this function for every fetch/XHR to the transport origin instead of leaving it to Chromium.
 */

/** The source list that governs connections: connect-src, else default-src (CSP3 fallback), else none. */
function connectSources(policy: string): string[] | null {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // "If a policy contains a directive more than once, only the first is used."
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives.get('connect-src') ?? directives.get('default-src') ?? null;
}

/**
 * Whether a page of `origin` (app://host) may connect to a URL of that same origin under `policy` (the CSP
 * header its document was served with; null: no CSP, everything is allowed).
 */
export function allowsOwnAppConnection(policy: string | null, origin: string): boolean {
  if (policy === null) return true;
  const sources = connectSources(policy);
  if (sources === null) return true;
  const { protocol, host } = new URL(origin);
  return sources.some((source) => {
    const s = source.toLowerCase();
    if (s === "'self'" || s === '*' || s === protocol) return true;
    return s.replace(/\/$/, '') === `${protocol}//${host}`;
  });
}
