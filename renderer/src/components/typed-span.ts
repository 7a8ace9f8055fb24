/**
 * A time span typed as two fields (`hh:mm:ss.s`, `mm:ss` or seconds, read by shared/iiif/time parseClock), for
 * forms that make something new from a span: unlike TimeSpanFields, which edits a span that exists and commits
 * on blur (keeping the times the user did not type), these forms read both fields only when their button is
 * pressed.
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
  const problem = spanProblem(start.seconds, end.seconds, duration);
  if (problem !== null) return { ok: false, message: problem };
  return { ok: true, span: { start: start.seconds, end: end.seconds } };
}

/** Why `start` to `end` (seconds) is not a span of a canvas `duration` seconds long; null when it is one. */
export function spanProblem(start: number, end: number, duration: number): string | null {
  if (end <= start) return 'The end must come after the start.';
  if (end > duration) return `The end is after the end of the canvas (${formatClock(duration)}).`;
  return null;
}
