/**
 * The temporal media fragment `t=` (W3C Media Fragments §4.2.1) as IIIF uses it: `canvas#t=10,20` paints or
 * targets seconds 10 to 20 of a Canvas, `#t=10` from second 10 on. We read the Normal Play Time forms (`t=10`,
 * `t=npt:10,20`, `t=0:01:10.5`) and write plain seconds, the form every viewer reads.
 */
import { exactTime, parseClock } from './clock';

/** A span of a time-based resource, in seconds; no `end` means "to the end". */
export interface TimeSpan {
  readonly start: number;
  readonly end?: number;
}

export type TimeFragmentReading =
  { readonly kind: 'span'; readonly span: TimeSpan } | { readonly kind: 'invalid'; readonly reason: string };

function readNpt(value: string): number | undefined {
  if (value === '') return undefined;
  const reading = parseClock(value);
  return reading.ok ? reading.seconds : Number.NaN;
}

/**
 * The `t=` part of a fragment (without `#`; other parts such as `xywh=` are skipped), or undefined when the
 * fragment has none.
 */
export function readTimeFragment(fragment: string): TimeFragmentReading | undefined {
  const part = fragment
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith('t='));
  if (part === undefined) return undefined;
  const value = part.slice(2).replace(/^npt:/, '');
  const comma = value.indexOf(',');
  const startText = comma < 0 ? value : value.slice(0, comma);
  const endText = comma < 0 ? '' : value.slice(comma + 1);
  const start = readNpt(startText);
  const end = readNpt(endText);
  if (
    (start === undefined && end === undefined) ||
    Number.isNaN(start) ||
    Number.isNaN(end) ||
    (comma >= 0 && endText === '' && startText === '')
  )
    return { kind: 'invalid', reason: `"${part}" is not a time span start,end in seconds.` };
  const from = start ?? 0;
  if (end !== undefined && end < from)
    return { kind: 'invalid', reason: `The time span "${part}" ends before it starts.` };
  return { kind: 'span', span: end === undefined ? { start: from } : { start: from, end } };
}

/** `t=start,end` in seconds, or `t=start` for an open span. */
export function formatTimeFragment(span: TimeSpan): string {
  const start = exactTime(span.start);
  return span.end === undefined ? `t=${start}` : `t=${start},${exactTime(span.end)}`;
}

/** `id#t=start,end`: a Canvas (or media) id with its time fragment, replacing any fragment it had. */
export function withTimeFragment(id: string, span: TimeSpan): string {
  const hash = id.indexOf('#');
  return `${hash < 0 ? id : id.slice(0, hash)}#${formatTimeFragment(span)}`;
}

/**
 * `uri` with its `t=` part set to `span`, every other part of the fragment kept (`#xywh=0,0,10,10&t=1,2`: a
 * region shown for a time, as the cookbook's multimedia canvas paints).
 */
export function replaceTimeFragment(uri: string, span: TimeSpan): string {
  const hash = uri.indexOf('#');
  if (hash < 0) return withTimeFragment(uri, span);
  const parts = uri.slice(hash + 1).split('&');
  const at = parts.findIndex((part) => part.startsWith('t='));
  const next =
    at < 0
      ? [...parts, formatTimeFragment(span)]
      : parts.map((p, i) => (i === at ? formatTimeFragment(span) : p));
  return `${uri.slice(0, hash)}#${next.filter((p) => p !== '').join('&')}`;
}

/** The span a URI's `#t=` names, undefined when it has none or it cannot be read. */
export function timeSpanOfUri(uri: string): TimeSpan | undefined {
  const hash = uri.indexOf('#');
  if (hash < 0) return undefined;
  const reading = readTimeFragment(uri.slice(hash + 1));
  return reading?.kind === 'span' ? reading.span : undefined;
}
