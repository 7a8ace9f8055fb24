/** Time on canvases: `#t=` media fragments, `hh:mm:ss.s` clock times, and the arithmetic of timelines. */
export type { ClockReading } from './clock';
export { formatClock, parseClock, roundTime } from './clock';
export type { TimeFragmentReading, TimeSpan } from './media-fragment';
export {
  formatTimeFragment,
  readTimeFragment,
  replaceTimeFragment,
  timeSpanOfUri,
  withTimeFragment,
} from './media-fragment';
export type { ClosedSpan } from './timeline';
export {
  closeSpan,
  durationToHold,
  fractionToTime,
  laneOf,
  nextSpanFrom,
  placeClip,
  spanAt,
  spanFromDrag,
  timeToFraction,
} from './timeline';
