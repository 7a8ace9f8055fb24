/**
 * Geometry of a timeline: spans placed on a Canvas's duration. Pure so that the component that draws it, the
 * edits that place clips, and the tests all agree on one arithmetic.
 */
import { roundTime } from './clock';
import type { TimeSpan } from './media-fragment';

/** A span with both ends known, as drawn on a timeline. */
export interface ClosedSpan {
  readonly start: number;
  readonly end: number;
}

/** The span closed at the canvas's end (an open `#t=10` runs to the end), clamped into [0, duration]. */
export function closeSpan(span: TimeSpan, duration: number): ClosedSpan {
  const start = clamp(span.start, 0, duration);
  const end = clamp(span.end ?? duration, start, duration);
  return { start, end };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * The span between two points of a drag (either direction), clamped into the duration and rounded to the ms.
 * A drag shorter than `minimum` seconds is a click, not a span: undefined.
 */
export function spanFromDrag(a: number, b: number, duration: number, minimum = 0.05): ClosedSpan | undefined {
  const start = roundTime(clamp(Math.min(a, b), 0, duration));
  const end = roundTime(clamp(Math.max(a, b), 0, duration));
  return end - start < minimum ? undefined : { start, end };
}

/**
 * Where a new clip of `length` seconds goes on a canvas of `duration` already holding `clips`: right after the
 * last clip (clips usually follow each other: tracks of a tape, reels of a film), cut short at the canvas's end.
 * When the canvas is full, at its start (overlapping: the user moves it), never outside the canvas.
 */
export function placeClip(length: number, duration: number, clips: readonly TimeSpan[]): ClosedSpan {
  const ends = clips.map((clip) => closeSpan(clip, duration).end);
  const after = ends.length === 0 ? 0 : Math.max(...ends);
  const start = after < duration ? after : 0;
  return { start: roundTime(start), end: roundTime(Math.min(start + length, duration)) };
}

/**
 * The duration a canvas needs to hold every clip: the end of the last one (a canvas is as long as what is
 * painted on it), never less than `minimum`.
 */
export function durationToHold(clips: readonly ClosedSpan[], minimum = 0): number {
  return roundTime(Math.max(minimum, ...clips.map((clip) => clip.end)));
}

/**
 * Lanes for spans that overlap, so a timeline can draw them one above the other: each span goes into the first
 * lane whose last span ended before it starts. Returns the lane of each span, in input order.
 */
export function laneOf(spans: readonly ClosedSpan[]): number[] {
  const order = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start);
  const laneEnds: number[] = [];
  const lanes: number[] = new Array<number>(spans.length).fill(0);
  for (const { span, index } of order) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(span.end);
    } else laneEnds[lane] = span.end;
    lanes[index] = lane;
  }
  return lanes;
}

/** A time as a fraction of the duration (0…1), for drawing; 0 when the duration is not positive. */
export function timeToFraction(seconds: number, duration: number): number {
  return duration > 0 ? clamp(seconds / duration, 0, 1) : 0;
}

/** The time at a fraction (0…1) of the duration, rounded to the ms. */
export function fractionToTime(fraction: number, duration: number): number {
  return roundTime(clamp(fraction, 0, 1) * duration);
}

/**
 * The span playing at `seconds`: the first (in the given order) that contains it, its end excluded so that
 * back-to-back clips hand over; -1 in a gap or past the end.
 */
export function spanAt(spans: readonly ClosedSpan[], seconds: number): number {
  return spans.findIndex((span) => span.start <= seconds && seconds < span.end);
}

/** The span that starts next at or after `seconds` (the earliest such), -1 when none does. */
export function nextSpanFrom(spans: readonly ClosedSpan[], seconds: number): number {
  let found = -1;
  spans.forEach((span, index) => {
    if (span.start >= seconds && (found < 0 || span.start < (spans[found] as ClosedSpan).start))
      found = index;
  });
  return found;
}
