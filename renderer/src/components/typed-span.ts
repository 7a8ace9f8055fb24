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
  if (end.seconds <= start.seconds) return { ok: false, message: 'The end must come after the start.' };
  if (end.seconds > duration)
    return { ok: false, message: `The end is after the end of the canvas (${formatClock(duration)}).` };
  return { ok: true, span: { start: start.seconds, end: end.seconds } };
}
