/**
 * Times as people type and read them: `hh:mm:ss.s`. The editor shows every time on a timeline this way and
 * accepts it back in any of the shorter forms people write (`75`, `1:15`, `01:15.5`, `0:01:15.5`).
 */

export type ClockReading =
  { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string };

const CLOCK = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads `hh:mm:ss.s`, `mm:ss.s` or plain seconds. Minutes and seconds after a colon must be below 60, so
 * `1:75` is refused rather than read as 2:15: a typo should not move a clip silently.
 */
export function parseClock(text: string): ClockReading {
  const trimmed = text.trim();
  const match = CLOCK.exec(trimmed);
  if (!match) return { ok: false, message: `"${text}" is not a time: write hh:mm:ss.s, mm:ss.s or seconds.` };
  const [, hours, minutes, seconds] = match;
  const h = hours === undefined ? 0 : Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  const s = Number(seconds);
  if (minutes !== undefined && s >= 60)
    return { ok: false, message: `"${text}": seconds after a colon must be below 60.` };
  if (hours !== undefined && m >= 60)
    return { ok: false, message: `"${text}": minutes after a colon must be below 60.` };
  return { ok: true, seconds: exactTime(h * 3600 + m * 60 + s) };
}

/**
 * Writes `seconds` as `hh:mm:ss.s` (always hours, so a column of times lines up). `fractionDigits` is how many
 * tenths/hundredths to show; the value is rounded, not truncated, so 9.96 s shows as 00:00:10.0.
 */
export function formatClock(seconds: number, fractionDigits = 1): string {
  const scale = 10 ** fractionDigits;
  const total = Math.round(Math.max(0, seconds) * scale);
  const whole = Math.floor(total / scale);
  const fraction = total % scale;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  const tail = fractionDigits > 0 ? `.${String(fraction).padStart(fractionDigits, '0')}` : '';
  return `${two(h)}:${two(m)}:${two(s)}${tail}`;
}

/**
 * Times are stored to the millisecond: enough for any media, and it keeps float noise (0.1 + 0.2) out of the
 * JSON a user saves.
 */
export function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Seconds as read or written in a document: to the microsecond, which drops float noise (0.1 + 0.2) but keeps the
 * precision a publisher gave (the cookbook's point at 27.660653 s), so an untouched time reads and writes back the
 * same. Edits round to the millisecond where they are made ({@link roundTime}).
 */
export function exactTime(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
