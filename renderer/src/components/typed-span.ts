/**
 * A time span typed as two fields (`hh:mm:ss.s`, `mm:ss` or seconds, read by shared/iiif/time parseClock), for
 * forms that make something new from a span: unlike TimeSpanFields, which edits a span that exists and commits
 * on blur, these forms read both fields only when their button is pressed.
 */
import { formatClock, parseClock, type TimeSpan } from '../../../shared/iiif/time';

export function readTypedSpan(
  startText: string,
  endText: string,
  duration: number,
): { ok: true; span: TimeSpan } | { ok: false; message: string } {
  const start = parseClock(startText);
  if (!start.ok) return start;
  const end = parseClock(endText);
  if (!end.ok) return end;
  if (end.seconds <= start.seconds) return { ok: false, message: 'The end must come after the start.' };
  if (end.seconds > duration)
    return { ok: false, message: `The end is after the end of the canvas (${formatClock(duration)}).` };
  return { ok: true, span: { start: start.seconds, end: end.seconds } };
}

/**
 * `next` as the user meant it: TimeSpanFields shows tenths (00:00:10.3 for 10.25) and commits both fields
 * when focus leaves either, so a time the user did not change comes back rounded. Each end that reads as it
 * was shown keeps its stored value; `shown` itself is returned when neither changed.
 */
export function keepUntyped<T extends TimeSpan>(shown: T, next: T): T {
  const unchanged = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? a === b : formatClock(a) === formatClock(b);
  const start = unchanged(shown.start, next.start);
  const end = unchanged(shown.end, next.end);
  if (start && end) return shown;
  return { ...next, start: start ? shown.start : next.start, end: end ? shown.end : next.end };
}
