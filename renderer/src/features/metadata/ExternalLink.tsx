/**
 * A link out of the app, for URIs taken from a manifest: only http(s) becomes a link (a `javascript:` or
 * `data:` URI is shown as text, never followed), and it opens outside the app with no opener and no referrer.
 */
import type { ReactNode } from 'react';

export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  if (!isSafeLink(href)) return <span className="muted">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
