/**
 * Shows a language-map value the way the spec allows (§4.5): HTML values reduced to the allowed subset by the
 * shared sanitiser, plain values escaped. The markup handed to React is always the sanitiser's output, never
 * the document's string. Links open outside the app, with no opener and no referrer.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { valueToSafeHtml } from '../../../../shared/iiif/html';
import './language.css';

export function SafeHtml({ value, className }: { value: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const html = useMemo(() => valueToSafeHtml(value), [value]);
  useLayoutEffect(() => {
    // The sanitiser keeps only href on links (as the spec asks); the link behaviour is ours to add.
    for (const link of ref.current?.querySelectorAll('a') ?? []) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
  }, [html]);
  return (
    <span
      ref={ref}
      className={className ? `safe-html ${className}` : 'safe-html'}
      // Safe: valueToSafeHtml returns sanitize-html output (allowed tags, http/https/mailto links) or escaped text.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
